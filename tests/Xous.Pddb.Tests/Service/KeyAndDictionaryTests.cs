using System.Text;
using Xous.Pddb.Api;

namespace Xous.Pddb.Tests.Service;

public class KeyAndDictionaryTests
{
    [Fact]
    public void DictionariesCreateListDelete()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, client.CreateDict(Req.Path("alpha")));
        Assert.Equal(PddbServiceStatus.Ok, client.CreateDict(Req.Path("beta")));
        Assert.Equal(PddbServiceStatus.AlreadyExists, client.CreateDict(Req.Path("alpha")));
        Assert.Equal(new[] { "alpha", "beta" }, Req.Dictionaries(client).Order().ToArray());
        var count = Req.Query();
        Assert.Equal(PddbServiceStatus.Ok, client.DictCountInBasis(ref count));
        Assert.Equal(2ul, count.Value);

        Assert.Equal(PddbServiceStatus.Ok, client.DeleteDict(Req.Path("alpha")));
        Assert.Equal(PddbServiceStatus.NotFound, client.DeleteDict(Req.Path("alpha")));
        Assert.Equal(new[] { "beta" }, Req.Dictionaries(client));
        Assert.Equal(PddbServiceStatus.BasisNotOpen, client.CreateDict(Req.Path("gamma", basis: "closed")));
    }

    [Fact]
    public void ATwentyKilobyteValueIsStreamedInChunks()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        byte[] value = new byte[20_000];
        new Random(7).NextBytes(value);
        Assert.Equal(PddbServiceStatus.Ok, client.CreateDict(Req.Path("files")));
        int writes = 0;
        for (int offset = 0; offset < value.Length; offset += IPddb.ChunkBytes)
        {
            int length = Math.Min(IPddb.ChunkBytes, value.Length - offset);
            KeyChunkFlags flags = offset == 0 ? KeyChunkFlags.Replace : KeyChunkFlags.None;
            var chunk = Req.Chunk("files", "blob", value.AsSpan(offset, length), (ulong)offset, flags);
            Assert.Equal(PddbServiceStatus.Ok, client.WriteKey(ref chunk));
            Assert.Equal((ulong)(offset + length), chunk.TotalLength);
            writes++;
        }

        Assert.Equal(5, writes);
        Assert.Equal(5, harness.Channel.CallsTo(PddbOpcodes.WriteKey));
        var length0 = Req.Query("files", "blob");
        Assert.Equal(PddbServiceStatus.Ok, client.KeyLength(ref length0));
        Assert.Equal(20_000ul, length0.Value);

        byte[]? read = Req.Read(client, "files", "blob", out PddbServiceStatus status);
        Assert.Equal(PddbServiceStatus.Ok, status);
        Assert.Equal(value, read);
        Assert.Equal(5, harness.Channel.CallsTo(PddbOpcodes.ReadKey));

        // A read from the middle, and past the end.
        var middle = new KeyChunk { Path = Req.Path("files", "blob"), Offset = 12_345, Length = 100 };
        Assert.Equal(PddbServiceStatus.Ok, client.ReadKey(ref middle));
        Assert.Equal(100u, middle.Length);
        Assert.Equal(value.AsSpan(12_345, 100).ToArray(), PddbWire.Data(ref middle).Slice(0, 100).ToArray());
        var end = new KeyChunk { Path = Req.Path("files", "blob"), Offset = 20_000, Length = 100 };
        Assert.Equal(PddbServiceStatus.Ok, client.ReadKey(ref end));
        Assert.Equal(0u, end.Length);
    }

    [Fact]
    public void ReplaceShortensAndWriteAtExtends()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "k", "hello world"u8));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "k", "bye"u8));
        Assert.Equal("bye", Req.Text(client, "d", "k"));
        var chunk = Req.Chunk("d", "k", "!!"u8, offset: 3);
        Assert.Equal(PddbServiceStatus.Ok, client.WriteKey(ref chunk));
        Assert.Equal(5ul, chunk.TotalLength);
        Assert.Equal("bye!!", Req.Text(client, "d", "k"));
    }

    [Fact]
    public void WritingIntoAMissingDictionaryNeedsTheCreateFlag()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.NotFound, Req.Write(client, "nowhere", "k", "v"u8, createDictionary: false));
        Assert.Empty(Req.Dictionaries(client));
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "nowhere", "k", "v"u8, createDictionary: true));
        Assert.Equal(new[] { "nowhere" }, Req.Dictionaries(client));
    }

    [Fact]
    public void KeysDeleteCountAndLength()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "key" + i, new byte[i * 10]));
        }

        var count = Req.Query("d");
        Assert.Equal(PddbServiceStatus.Ok, client.KeyCountInDict(ref count));
        Assert.Equal(5ul, count.Value);
        var length = Req.Query("d", "key3");
        Assert.Equal(PddbServiceStatus.Ok, client.KeyLength(ref length));
        Assert.Equal(30ul, length.Value);

        Assert.Equal(PddbServiceStatus.Ok, client.DeleteKey(Req.Path("d", "key3")));
        Assert.Equal(PddbServiceStatus.NotFound, client.DeleteKey(Req.Path("d", "key3")));
        length = Req.Query("d", "key3");
        Assert.Equal(PddbServiceStatus.NotFound, client.KeyLength(ref length));
        Assert.Equal(0ul, length.Value);
        Assert.Equal(new[] { "key0", "key1", "key2", "key4" }, Req.Keys(client, "d").Order().ToArray());

        var missing = Req.Query("nope");
        Assert.Equal(PddbServiceStatus.NotFound, client.KeyCountInDict(ref missing));
    }

    [Fact]
    public void BulkDeleteRemovesTheListedKeys()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "k" + i, "v"u8));
        }

        var request = new BulkDelete { Path = Req.Path("d") };
        Span<byte> names = PddbWire.Names(ref request);
        int used = 0;
        foreach (string name in new[] { "k1", "k3", "absent" })
        {
            Assert.True(PddbWire.TryAppendName(names, ref used, Encoding.UTF8.GetBytes(name)));
        }

        request.Count = 3;
        request.BytesUsed = (uint)used;
        Assert.Equal(PddbServiceStatus.Ok, client.DictBulkDelete(ref request));
        Assert.Equal(2u, request.Deleted);
        Assert.Equal(new[] { "k0", "k2", "k4" }, Req.Keys(client, "d").Order().ToArray());

        var missing = new BulkDelete { Path = Req.Path("nope") };
        Assert.Equal(PddbServiceStatus.NotFound, client.DictBulkDelete(ref missing));
    }

    [Fact]
    public void ListKeysPagesThroughLongLists()
    {
        using var harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        var expected = new List<string>();
        for (int i = 0; i < 200; i++)
        {
            string key = i.ToString("D3") + new string('x', 87);
            Assert.Equal(IPddb.MaxKeyNameBytes - 4, key.Length);
            expected.Add(key);
            Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "many", key, "v"u8));
        }

        List<string> names = Req.Names(box => client.ListKeys(ref box[0]), new NameList { Path = Req.Path("many") }, out int calls);
        Assert.Equal(expected, names.Order().ToList());
        Assert.Equal(3, calls); // 200 × 91 bytes = 18200 bytes over pages of 7864
    }
}
