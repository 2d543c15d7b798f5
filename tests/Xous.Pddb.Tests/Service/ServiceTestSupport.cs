using System.Text;
using Xous.Abi;
using Xous.Crypto;
using Xous.Hal;
using Xous.Hal.Simulation;
using Xous.Ipc;
using Xous.Pddb.Api;
using Xous.Pddb.Format;
using Xous.Pddb.Server;

namespace Xous.Pddb.Tests.Service;

/// <summary>INSECURE: a predictable entropy source (a counter), for tests only.</summary>
internal sealed class InsecureCounterEntropy : IEntropySource
{
    private byte _next = 1;

    public void Fill(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _next++;
        }
    }
}

/// <summary>
/// INSECURE test environment: a simulated flash, fixed device secrets, and a scripted "user" who types the configured
/// PIN and passwords. Records every prompt and report.
/// </summary>
internal sealed class InsecureTestPddbEnvironment : IPddbServiceEnvironment
{
    public InsecureTestPddbEnvironment(SimulatedFlash? flash = null)
    {
        Flash = flash ?? new SimulatedFlash(1024);
        byte[] pepper = new byte[16];
        byte[] userKey = new byte[32];
        for (int i = 0; i < userKey.Length; i++)
        {
            userKey[i] = (byte)(0xA0 + i);
            pepper[i % 16] = (byte)(0x30 + i);
        }

        Secrets = new DeviceSecrets(pepper, userKey, 0x1234_5678_9ABC_DEF0UL, 0);
    }

    public SimulatedFlash Flash { get; }

    IFlashPages IPddbServiceEnvironment.Flash => Flash;

    public IEntropySource Entropy { get; } = new InsecureCounterEntropy();

    public DeviceSecrets Secrets { get; }

    public int KdfCost => 4;

    public bool IsInsecure => true;

    /// <summary>What the user types at the PIN prompt; null: the user cancels.</summary>
    public string? Pin { get; set; } = ServiceHarness.RightPin;

    public int PinPrompts { get; private set; }

    /// <summary>What the user types per basis; a missing basis: the user cancels.</summary>
    public Dictionary<string, string> Passwords { get; } = new();

    public List<string> PasswordPrompts { get; } = new();

    public bool ApproveRefill { get; set; } = true;

    public List<string> Reports { get; } = new();

    public bool TryAskPin(Span<byte> pin, out int length)
    {
        PinPrompts++;
        Assert.Equal(PddbNames.MaxPasswordBytes, pin.Length);
        Assert.True(pin.IndexOfAnyExcept((byte)0) < 0, "the PIN buffer must arrive wiped");
        return Type(Pin, pin, out length);
    }

    public bool TryAskBasisPassword(ReadOnlySpan<byte> basisName, Span<byte> password, out int length)
    {
        string name = Encoding.UTF8.GetString(basisName);
        PasswordPrompts.Add(name);
        Passwords.TryGetValue(name, out string? typed);
        return Type(typed, password, out length);
    }

    public bool ApproveFreeSpaceRefill() => ApproveRefill;

    public void Report(string line) => Reports.Add(line);

    private static bool Type(string? text, Span<byte> destination, out int length)
    {
        length = 0;
        if (text is null)
        {
            return false;
        }

        length = Encoding.UTF8.GetBytes(text, destination);
        return true;
    }
}

/// <summary>
/// A client channel that dispatches synchronously into the server's dispatcher (one fresh buffer per message, as lent
/// pages would be), counting messages per opcode and keeping a copy of every reply for leak checks.
/// </summary>
internal sealed class RecordingChannel : IIpcChannel
{
    private readonly IIpcDispatcher _dispatcher;
    private byte[] _buffer = [];
    private ushort _slot;

    public RecordingChannel(IIpcDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
    }

    public Dictionary<uint, int> Calls { get; } = new();

    public List<byte[]> Replies { get; } = new();

    public int CallsTo(uint opcode) => Calls.TryGetValue(opcode, out int count) ? count : 0;

    public XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4) =>
        throw new InvalidOperationException("the PDDB contract has no fire-and-forget methods");

    public XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply)
    {
        Count(opcode);
        var message = IncomingMessage.Scalar(Sender(), MessageKind.BlockingScalar, opcode, arg1, arg2, arg3, arg4);
        Reply result = _dispatcher.Dispatch(in message);
        Assert.Equal(ReplyShape.Scalar5, result.Shape);
        byte[] words = new byte[20];
        BitConverter.TryWriteBytes(words.AsSpan(0), (uint)result.Status);
        BitConverter.TryWriteBytes(words.AsSpan(4), (uint)result.Unit1);
        BitConverter.TryWriteBytes(words.AsSpan(8), (uint)result.Unit2);
        BitConverter.TryWriteBytes(words.AsSpan(12), (uint)result.Unit3);
        BitConverter.TryWriteBytes(words.AsSpan(16), (uint)result.Unit4);
        Replies.Add(words);
        reply = new ScalarReply((uint)result.Status, result.Unit1, result.Unit2, result.Unit3, result.Unit4);
        return XousError.NoError;
    }

    public Span<byte> AcquireBuffer(int length)
    {
        // Whole pages, zeroed, as on the device.
        _buffer = new byte[(length + 4095) / 4096 * 4096];
        return _buffer.AsSpan(0, length);
    }

    public XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply)
    {
        Count(opcode);
        MessageKind kind = mutable ? MessageKind.MutableBorrow : MessageKind.Borrow;
        var message = IncomingMessage.Memory(Sender(), kind, opcode, _buffer.AsSpan(0, length), offset, valid);
        Reply result = _dispatcher.Dispatch(in message);
        Assert.Equal(ReplyShape.Memory, result.Shape);
        Replies.Add(_buffer.AsSpan(0, length).ToArray());
        reply = new MemoryReply(result.MemoryOffset, result.MemoryValid);
        return XousError.NoError;
    }

    public XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid) =>
        throw new InvalidOperationException("the PDDB contract has no Move methods");

    private MessageSender Sender() => MessageSender.Create(new Pid(5), serverIndex: 1, queueSlot: ++_slot);

    private void Count(nuint opcode) => Calls[(uint)opcode] = CallsTo((uint)opcode) + 1;
}

/// <summary>A formatted PDDB on a simulated flash, the service, its dispatcher and a generated client over a channel.</summary>
internal sealed class ServiceHarness : IDisposable
{
    public const string RightPin = "pin-7391-xq";

    public ServiceHarness(bool format = true, InsecureTestPddbEnvironment? environment = null)
    {
        Environment = environment ?? new InsecureTestPddbEnvironment();
        if (format)
        {
            FormatFlash(Environment);
        }

        Service = new PddbService(Environment);
        Dispatcher = new PddbDispatcher(Service);
        Service.AttachCounters(Dispatcher.Counters);
        Channel = new RecordingChannel(Dispatcher);
        Client = new PddbClient(Channel);
    }

    public InsecureTestPddbEnvironment Environment { get; }

    public PddbService Service { get; }

    public PddbDispatcher Dispatcher { get; }

    public RecordingChannel Channel { get; }

    public PddbClient Client { get; }

    /// <summary>Formats the environment's flash with the user0 key of <see cref="RightPin"/> and its device secrets.</summary>
    public static void FormatFlash(InsecureTestPddbEnvironment environment)
    {
        byte[] user0 = new byte[32];
        RootKeys.DeriveUser0(Encoding.UTF8.GetBytes(RightPin), environment.Secrets, user0, environment.KdfCost);
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(new byte[32]));
        PddbEngine.Format(environment.Flash, random, user0, environment.Secrets.DeviceDna, new PddbOptions { KdfCost = environment.KdfCost }, fast: true);
    }

    /// <summary>A harness that is already mounted.</summary>
    public static ServiceHarness Mounted()
    {
        var harness = new ServiceHarness();
        Assert.Equal(PddbServiceStatus.Ok, harness.Client.TryMount());
        return harness;
    }

    public void Dispose() => Service.Dispose();
}

/// <summary>Builders over PddbWire with .NET strings.</summary>
internal static class Req
{
    public static KeyPath Path(string? dictionary = null, string? key = null, string? basis = null) =>
        PddbWire.Path(Utf8(basis), Utf8(dictionary), Utf8(key));

    public static byte[] Utf8(string? text) => text is null ? [] : Encoding.UTF8.GetBytes(text);

    public static PathQuery Query(string? dictionary = null, string? key = null, string? basis = null) =>
        new() { Path = Path(dictionary, key, basis) };

    public static KeyChunk Chunk(string dictionary, string key, ReadOnlySpan<byte> data, ulong offset = 0, KeyChunkFlags flags = KeyChunkFlags.None, string? basis = null)
    {
        var chunk = new KeyChunk { Path = Path(dictionary, key, basis), Offset = offset, Flags = flags, Length = (uint)data.Length };
        data.CopyTo(PddbWire.Data(ref chunk));
        return chunk;
    }

    /// <summary>Writes a whole value, streamed in chunks of at most <see cref="IPddb.ChunkBytes"/> (the first replaces).</summary>
    public static PddbServiceStatus Write(PddbClient client, string dictionary, string key, ReadOnlySpan<byte> value, string? basis = null, bool createDictionary = true)
    {
        int offset = 0;
        do
        {
            int length = Math.Min(IPddb.ChunkBytes, value.Length - offset);
            KeyChunkFlags flags = offset == 0 ? KeyChunkFlags.Replace : KeyChunkFlags.None;
            if (createDictionary)
            {
                flags |= KeyChunkFlags.CreateDictionary;
            }

            var chunk = Chunk(dictionary, key, value.Slice(offset, length), (ulong)offset, flags, basis);
            PddbServiceStatus status = client.WriteKey(ref chunk);
            if (status != PddbServiceStatus.Ok)
            {
                return status;
            }

            offset += length;
        }
        while (offset < value.Length);
        return PddbServiceStatus.Ok;
    }

    /// <summary>Reads a whole value in chunks; null with the status when a call fails.</summary>
    public static byte[]? Read(PddbClient client, string dictionary, string key, out PddbServiceStatus status, string? basis = null)
    {
        var result = new List<byte>();
        ulong offset = 0;
        while (true)
        {
            var chunk = new KeyChunk { Path = Path(dictionary, key, basis), Offset = offset, Length = IPddb.ChunkBytes };
            status = client.ReadKey(ref chunk);
            if (status != PddbServiceStatus.Ok)
            {
                return null;
            }

            result.AddRange(PddbWire.Data(ref chunk).Slice(0, (int)chunk.Length).ToArray());
            offset += chunk.Length;
            if (chunk.Length == 0 || offset >= chunk.TotalLength)
            {
                return result.ToArray();
            }
        }
    }

    public static string Text(PddbClient client, string dictionary, string key, string? basis = null)
    {
        byte[]? value = Read(client, dictionary, key, out PddbServiceStatus status, basis);
        Assert.Equal(PddbServiceStatus.Ok, status);
        return Encoding.UTF8.GetString(value!);
    }

    /// <summary>Every name of a list, following the continuation; also returns the number of calls.</summary>
    public static List<string> Names(Func<NameList[], PddbServiceStatus> call, NameList template, out int calls)
    {
        var names = new List<string>();
        var box = new NameList[1];
        box[0] = template;
        calls = 0;
        while (true)
        {
            calls++;
            Assert.Equal(PddbServiceStatus.Ok, call(box));
            ReadOnlySpan<byte> used = PddbWire.Names(ref box[0]).Slice(0, (int)box[0].BytesUsed);
            int offset = 0;
            int count = 0;
            while (PddbWire.TryReadName(used, ref offset, out ReadOnlySpan<byte> name))
            {
                names.Add(Encoding.UTF8.GetString(name));
                count++;
            }

            Assert.Equal((int)box[0].Count, count);
            if (box[0].NextIndex >= box[0].Total)
            {
                return names;
            }

            uint next = box[0].NextIndex;
            box[0] = template;
            box[0].StartIndex = next;
        }
    }

    public static List<string> Dictionaries(PddbClient client, string? basis = null) =>
        Names(box => client.ListDict(ref box[0]), new NameList { Path = Path(basis: basis) }, out _);

    public static List<string> Keys(PddbClient client, string dictionary, string? basis = null) =>
        Names(box => client.ListKeys(ref box[0]), new NameList { Path = Path(dictionary, basis: basis) }, out _);
}
