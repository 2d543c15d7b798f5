using System.Text;
using Xous.Pddb.Api;

namespace Xous.Pddb.Tests.Service;

public class BulkReadTests
{
    [Fact]
    public void FiveHundredSmallRecordsComeBackInOneCall()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        var expected = new Dictionary<string, string>();
        for (int i = 0; i < 500; i++)
        {
            string key = "record-" + i;
            string value = "user" + i + "@example.org|totp-secret-" + (i * 7919);
            expected[key] = value;
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "vault.passwords", key, Encoding.UTF8.GetBytes(value)));
        }

        var box = new BulkRead[1];
        box[0].Path = Req.Path("vault.passwords");
        int before = harness.Channel.CallsTo(PddbOpcodes.DictBulkRead);
        Assert.Equal(PddbServiceStatus.Ok, client.DictBulkRead(ref box[0]));
        Assert.Equal(1, harness.Channel.CallsTo(PddbOpcodes.DictBulkRead) - before);
        Assert.Equal(500u, box[0].Total);
        Assert.Equal(500u, box[0].Count);
        Assert.Equal(500u, box[0].NextIndex);

        Dictionary<string, string> read = Decode(ref box[0], out _);
        Assert.Equal(expected.OrderBy(p => p.Key), read.OrderBy(p => p.Key));
    }

    [Fact]
    public void ABigDictionaryTakesAFewCallsWithContinuation()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        var expected = new Dictionary<string, byte[]>();
        for (int i = 0; i < 40; i++)
        {
            byte[] value = new byte[4000];
            new Random(i).NextBytes(value);
            expected["k" + i] = value;
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "big", "k" + i, value));
        }

        byte[] huge = new byte[IPddb.MaxBulkValueBytes + 1000];
        new Random(99).NextBytes(huge);
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "big", "huge", huge));

        var read = new Dictionary<string, byte[]>();
        var truncated = new Dictionary<string, uint>();
        var box = new BulkRead[1];
        uint start = 0;
        int calls = 0;
        while (true)
        {
            box[0] = default;
            box[0].Path = Req.Path("big");
            box[0].StartIndex = start;
            Assert.Equal(PddbServiceStatus.Ok, client.DictBulkRead(ref box[0]));
            calls++;
            Assert.Equal(41u, box[0].Total);
            Assert.True(box[0].Count > 0, "every call makes progress");
            ReadOnlySpan<byte> used = PddbWire.Entries(ref box[0]).Slice(0, (int)box[0].BytesUsed);
            int offset = 0;
            while (BulkEntries.TryRead(used, ref offset, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out uint length, out bool isTruncated))
            {
                string key = Encoding.UTF8.GetString(name);
                Assert.False(read.ContainsKey(key) || truncated.ContainsKey(key), "an entry came back twice");
                if (isTruncated)
                {
                    truncated[key] = length;
                }
                else
                {
                    read[key] = value.ToArray();
                }
            }

            Assert.Equal(used.Length, offset);
            start = box[0].NextIndex;
            if (start == box[0].Total)
            {
                break;
            }
        }

        // 40 × ~4010 bytes over ~65 KB replies: 3 calls, not 41.
        Assert.Equal(3, calls);
        Assert.Equal(calls, harness.Channel.CallsTo(PddbOpcodes.DictBulkRead));
        Assert.Equal(expected.Keys.Order(), read.Keys.Order());
        foreach (var pair in expected)
        {
            Assert.Equal(pair.Value, read[pair.Key]);
        }

        Assert.Equal((uint)huge.Length, Assert.Single(truncated, p => p.Key == "huge").Value);
        Assert.Equal(huge, Req.Read(client, "big", "huge", out _));
    }

    [Fact]
    public void BulkReadOfTheUnionPrefersTheLatestBasis()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "shared", "system"u8));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "only-system", "s"u8));
        harness.Environment.Passwords["b"] = "pw";
        Assert.Equal(PddbServiceStatus.Ok, client.CreateBasis(Req.Path(basis: "b")));
        Assert.Equal(PddbServiceStatus.Ok, client.OpenBasis(Req.Path(basis: "b")));
        Assert.Equal(PddbServiceStatus.Ok, client.CreateDict(Req.Path("d", basis: "b")));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "shared", "secret"u8, basis: "b"));

        var box = new BulkRead[1];
        box[0].Path = Req.Path("d");
        Assert.Equal(PddbServiceStatus.Ok, client.DictBulkRead(ref box[0]));
        Dictionary<string, string> union = Decode(ref box[0], out _);
        Assert.Equal("secret", union["shared"]);
        Assert.Equal("s", union["only-system"]);

        box[0] = default;
        box[0].Path = Req.Path("d", basis: ".System");
        Assert.Equal(PddbServiceStatus.Ok, client.DictBulkRead(ref box[0]));
        Assert.Equal("system", Decode(ref box[0], out _)["shared"]);
    }

    [Fact]
    public void BulkReadErrors()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "k", "v"u8));
        var box = new BulkRead[1];
        box[0].Path = Req.Path("missing");
        Assert.Equal(PddbServiceStatus.NotFound, client.DictBulkRead(ref box[0]));
        box[0] = default;
        box[0].Path = Req.Path("d");
        box[0].StartIndex = 2;
        Assert.Equal(PddbServiceStatus.OutOfRange, client.DictBulkRead(ref box[0]));
        box[0] = default;
        box[0].Path = Req.Path("d");
        box[0].Reserved = 1;
        Assert.Equal(PddbServiceStatus.MalformedRequest, client.DictBulkRead(ref box[0]));
        box[0] = default;
        box[0].Path = Req.Path("d", "a-key-is-not-expected");
        Assert.Equal(PddbServiceStatus.MalformedRequest, client.DictBulkRead(ref box[0]));
    }

    private static Dictionary<string, string> Decode(ref BulkRead request, out int truncated)
    {
        var result = new Dictionary<string, string>();
        truncated = 0;
        ReadOnlySpan<byte> used = PddbWire.Entries(ref request).Slice(0, (int)request.BytesUsed);
        int offset = 0;
        while (BulkEntries.TryRead(used, ref offset, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out _, out bool isTruncated))
        {
            truncated += isTruncated ? 1 : 0;
            result.Add(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value));
        }

        Assert.Equal(used.Length, offset);
        Assert.Equal((int)request.Count, result.Count);
        return result;
    }
}
