using Xous.Abi;
using Xous.Ipc;
using Xous.Pddb.Api;

namespace Xous.Pddb.Tests.Service;

/// <summary>Bad input is answered with a status and changes nothing.</summary>
public class MalformedRequestTests
{
    private static ServiceHarness Seeded()
    {
        ServiceHarness harness = ServiceHarness.Mounted();
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(harness.Client, "d", "k", "original"u8));
        return harness;
    }

    /// <summary>The dictionary list and the seeded value, to compare before and after a rejected request.</summary>
    private static string State(ServiceHarness harness) =>
        string.Join(",", Req.Dictionaries(harness.Client).Order()) + "|" + string.Join(",", Req.Keys(harness.Client, "d").Order()) + "|" +
        Req.Text(harness.Client, "d", "k");

    public static TheoryData<string, PddbServiceStatus> BadPaths() => new()
    {
        { "dictionary-too-long", PddbServiceStatus.InvalidName },
        { "dictionary-length-past-field", PddbServiceStatus.MalformedRequest },
        { "key-too-long", PddbServiceStatus.InvalidName },
        { "key-length-past-field", PddbServiceStatus.MalformedRequest },
        { "basis-too-long", PddbServiceStatus.InvalidName },
        { "invalid-utf8", PddbServiceStatus.InvalidName },
        { "overlong-utf8", PddbServiceStatus.InvalidName },
        { "nul-in-name", PddbServiceStatus.InvalidName },
        { "stale-bytes-past-length", PddbServiceStatus.MalformedRequest },
        { "reserved-set", PddbServiceStatus.MalformedRequest },
        { "empty-dictionary", PddbServiceStatus.InvalidName },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void BadPathsAreRejectedWithoutStateChange(string fault, PddbServiceStatus expected)
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);
        KeyPath path = Bad(fault);

        var chunk = new KeyChunk { Path = path, Flags = KeyChunkFlags.Replace | KeyChunkFlags.CreateDictionary, Length = 3 };
        "bad"u8.CopyTo(PddbWire.Data(ref chunk));
        Assert.Equal(expected, harness.Client.WriteKey(ref chunk));
        Assert.Equal(expected, harness.Client.DeleteKey(path));
        chunk = new KeyChunk { Path = path, Length = 10 };
        Assert.Equal(expected, harness.Client.ReadKey(ref chunk));
        Assert.Equal(0u, chunk.Length);
        var query = new PathQuery { Path = path };
        Assert.Equal(expected, harness.Client.KeyLength(ref query));
        Assert.Equal(before, State(harness));
    }

    [Fact]
    public void BadDictionaryNamesAreRejectedByCreateAndDelete()
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);
        KeyPath path = Req.Path("ok");
        path.DictionaryLength = 0;
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.CreateDict(path)); // "ok" is left past the length
        PddbWire.DictionaryField(ref path).Clear();
        Assert.Equal(PddbServiceStatus.InvalidName, harness.Client.CreateDict(path));
        path = Bad("invalid-utf8");
        path.KeyLength = 0;
        PddbWire.KeyField(ref path).Clear();
        Assert.Equal(PddbServiceStatus.InvalidName, harness.Client.CreateDict(path));
        Assert.Equal(PddbServiceStatus.InvalidName, harness.Client.DeleteDict(path));
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.CreateDict(Req.Path("d", "unexpected-key")));
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.CreateBasis(Req.Path("d", basis: "b")));
        Assert.Equal(before, State(harness));
        Assert.Empty(harness.Environment.PasswordPrompts);
    }

    [Fact]
    public void ChunkLengthLargerThanThePayloadIsRejected()
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);
        var chunk = Req.Chunk("d", "k", "xyz"u8, flags: KeyChunkFlags.Replace);
        chunk.Length = IPddb.ChunkBytes + 1;
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.WriteKey(ref chunk));
        chunk = new KeyChunk { Path = Req.Path("d", "k"), Length = IPddb.ChunkBytes + 1 };
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.ReadKey(ref chunk));
        chunk = new KeyChunk { Path = Req.Path("d", "k"), Length = 1, Flags = KeyChunkFlags.Replace };
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.ReadKey(ref chunk));
        Assert.Equal(before, State(harness));
    }

    [Fact]
    public void UnknownFlagsAndReplaceAtAnOffsetAreRejected()
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);
        var chunk = Req.Chunk("d", "k", "xyz"u8, flags: (KeyChunkFlags)4);
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.WriteKey(ref chunk));
        chunk = Req.Chunk("d", "k", "xyz"u8, offset: 2, flags: KeyChunkFlags.Replace);
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.WriteKey(ref chunk));
        Assert.Equal(before, State(harness));
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(0x8000_0000_0000_0000ul)]
    [InlineData(long.MaxValue - 1)]
    public void OffsetOverflowIsOutOfRange(ulong offset)
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);
        var chunk = Req.Chunk("d", "k", "xyz"u8, offset: offset);
        Assert.Equal(PddbServiceStatus.OutOfRange, harness.Client.WriteKey(ref chunk));
        if (offset > long.MaxValue)
        {
            chunk = new KeyChunk { Path = Req.Path("d", "k"), Offset = offset, Length = 10 };
            Assert.Equal(PddbServiceStatus.OutOfRange, harness.Client.ReadKey(ref chunk));
        }

        Assert.Equal(before, State(harness));
    }

    [Theory]
    [InlineData("bytes-used-past-buffer")]
    [InlineData("count-mismatch")]
    [InlineData("name-overruns")]
    [InlineData("stale-after-used")]
    [InlineData("invalid-utf8-name")]
    [InlineData("empty-name")]
    public void MalformedBulkDeleteDeletesNothing(string fault)
    {
        using ServiceHarness harness = Seeded();
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(harness.Client, "d", "k2", "v"u8));
        string before = State(harness);
        var request = new BulkDelete { Path = Req.Path("d") };
        Span<byte> names = PddbWire.Names(ref request);
        int used = 0;
        Assert.True(PddbWire.TryAppendName(names, ref used, "k"u8));
        Assert.True(PddbWire.TryAppendName(names, ref used, "k2"u8));
        request.Count = 2;
        request.BytesUsed = (uint)used;
        PddbServiceStatus expected = PddbServiceStatus.MalformedRequest;
        switch (fault)
        {
            case "bytes-used-past-buffer":
                request.BytesUsed = IPddb.BulkDeleteBytes + 1;
                break;
            case "count-mismatch":
                request.Count = 3;
                break;
            case "name-overruns":
                names[2] = 200; // the second name claims 200 bytes
                break;
            case "stale-after-used":
                names[used + 5] = 1;
                break;
            case "invalid-utf8-name":
                names[3] = 0xFF;
                expected = PddbServiceStatus.InvalidName;
                break;
            case "empty-name":
                names[used] = 0;
                request.Count = 3;
                request.BytesUsed = (uint)used + 1;
                expected = PddbServiceStatus.InvalidName;
                break;
        }

        Assert.Equal(expected, harness.Client.DictBulkDelete(ref request));
        Assert.Equal(0u, request.Deleted);
        Assert.Equal(before, State(harness));
    }

    [Fact]
    public void NameListStartPastTheEndIsOutOfRange()
    {
        using ServiceHarness harness = Seeded();
        var list = new NameList { Path = Req.Path("d"), StartIndex = 5 };
        Assert.Equal(PddbServiceStatus.OutOfRange, harness.Client.ListKeys(ref list));
        list = new NameList { Path = Req.Path("d"), Reserved = 9 };
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.ListKeys(ref list));
        list = new NameList { Path = Req.Path("d") };
        Assert.Equal(PddbServiceStatus.MalformedRequest, harness.Client.ListBasis(ref list));
    }

    [Fact]
    public void AMessageOfTheWrongShapeIsCountedAsAnErrorAndNeverReachesTheService()
    {
        using ServiceHarness harness = Seeded();
        string before = State(harness);

        // WriteKey as a BlockingScalar, and a Borrow whose valid length is larger than the buffer.
        var scalar = IncomingMessage.Scalar(MessageSender.Create(new Pid(5), 1, 900), MessageKind.BlockingScalar, PddbOpcodes.WriteKey, 0, 0, 0, 0);
        Assert.Equal(IpcStatus.WrongMessageKind, harness.Dispatcher.Dispatch(in scalar).Status);
        byte[] buffer = new byte[4096];
        var memory = IncomingMessage.Memory(MessageSender.Create(new Pid(5), 1, 901), MessageKind.MutableBorrow, PddbOpcodes.WriteKey, buffer, 0, 8192);
        Assert.Equal(IpcStatus.MalformedPayload, harness.Dispatcher.Dispatch(in memory).Status);

        var stats = default(PddbStats);
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.Stats(ref stats));
        Assert.True(ContractTests.Row(ref stats, PddbOpcodes.WriteKey, out _, out uint errors, out _));
        Assert.Equal(2u, errors);
        Assert.Equal(before, State(harness));
    }

    private static KeyPath Bad(string fault)
    {
        KeyPath path = Req.Path("d", "k");
        switch (fault)
        {
            case "dictionary-too-long":
                path = Req.Path("d", "k");
                path.DictionaryLength = IPddb.MaxDictionaryNameBytes + 1;
                PddbWire.DictionaryField(ref path).Slice(0, path.DictionaryLength).Fill((byte)'a');
                break;
            case "dictionary-length-past-field":
                path.DictionaryLength = 113;
                break;
            case "key-too-long":
                path.KeyLength = IPddb.MaxKeyNameBytes + 1;
                PddbWire.KeyField(ref path).Slice(0, path.KeyLength).Fill((byte)'a');
                break;
            case "key-length-past-field":
                path.KeyLength = 500;
                break;
            case "basis-too-long":
                path.BasisLength = IPddb.MaxBasisNameBytes + 1;
                PddbWire.BasisField(ref path).Fill((byte)'b');
                break;
            case "invalid-utf8":
                path = PddbWire.Path(default, [0x64, 0xC3, 0x28], "k"u8);
                break;
            case "overlong-utf8":
                path = PddbWire.Path(default, [0xC0, 0xAF], "k"u8);
                break;
            case "nul-in-name":
                path = PddbWire.Path(default, "d"u8, [0x6B, 0x00, 0x6B]);
                break;
            case "stale-bytes-past-length":
                PddbWire.DictionaryField(ref path)[5] = (byte)'z';
                break;
            case "reserved-set":
                path.Reserved = 1;
                break;
            case "empty-dictionary":
                path = PddbWire.Path(default, default, "k"u8);
                break;
            default:
                throw new ArgumentException(fault);
        }

        return path;
    }
}
