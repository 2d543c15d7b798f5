using System.Runtime.InteropServices;
using System.Text;
using Xous.Abi;
using Xous.Ipc;
using Xous.Log.Api;
using Xous.Names.Api;

namespace Xous.Services.Tests;

/// <summary>A deferred-reply sink that records every completion, in order.</summary>
internal sealed class RecordingReplies : IDeferredReplySink
{
    public List<(DeferredReply Pending, Reply Reply)> Completed { get; } = new();

    public void Complete(DeferredReply pending, in Reply reply) => Completed.Add((pending, reply));

    /// <summary>The replies sent to <paramref name="pending"/> (a correct core sends exactly one).</summary>
    public List<Reply> To(DeferredReply pending) => Completed.Where(c => c.Pending == pending).Select(c => c.Reply).ToList();

    /// <summary>The only reply sent to <paramref name="pending"/>; fails when there is none or more than one.</summary>
    public Reply Single(DeferredReply pending) => Assert.Single(To(pending));

    public bool TryTake(MessageSender sender, out Reply reply)
    {
        int index = Completed.FindIndex(c => c.Pending.Sender == sender);
        if (index < 0)
        {
            reply = default;
            return false;
        }

        reply = Completed[index].Reply;
        Completed.RemoveAt(index);
        return true;
    }
}

/// <summary>Message senders with distinct queue slots, so each deferred reply is a distinct token.</summary>
internal static class Senders
{
    private static int s_slot;

    public static MessageSender Of(byte pid) =>
        MessageSender.Create(new Pid(pid), serverIndex: 1, queueSlot: (ushort)Interlocked.Increment(ref s_slot));

    public static DeferredReply Waiting(byte pid) => new(Of(pid));
}

/// <summary>Builders for the contracts' fixed-layout structs (no unsafe code: bytes are written through spans).</summary>
internal static class Wire
{
    public static ServerName Name(string text) => Name(Encoding.UTF8.GetBytes(text));

    public static ServerName Name(ReadOnlySpan<byte> bytes, uint? length = null)
    {
        var name = default(ServerName);
        bytes.CopyTo(MemoryMarshal.AsBytes(new Span<ServerName>(ref name)));
        name.Length = length ?? (uint)bytes.Length;
        return name;
    }

    public static Registration Registration(string name, Sid sid, uint limit = 0) => new()
    {
        Name = Name(name),
        Sid0 = sid.Word0,
        Sid1 = sid.Word1,
        Sid2 = sid.Word2,
        Sid3 = sid.Word3,
        ConnectionLimit = limit,
    };

    public static ConnectRequest Connect(string name) => new() { Name = Name(name) };

    public static DisconnectRequest Disconnect(string name, uint token0, uint token1, uint token2, uint token3) => new()
    {
        Name = Name(name),
        Token0 = token0,
        Token1 = token1,
        Token2 = token2,
        Token3 = token3,
    };

    public static LogRecord Record(LogLevel level, string source, string text, uint line = 0) =>
        Record(level, Encoding.UTF8.GetBytes(source), Encoding.UTF8.GetBytes(text), line);

    /// <summary>A record; the offsets come from the CLR's layout of <see cref="LogRecord"/>, not from the core.</summary>
    public static LogRecord Record(LogLevel level, byte[] source, byte[] text, uint line = 0, uint? sourceLength = null, uint? textLength = null)
    {
        var record = new LogRecord
        {
            Level = level,
            Line = line,
            SourceLength = sourceLength ?? (uint)source.Length,
            TextLength = textLength ?? (uint)text.Length,
        };
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<LogRecord>(ref record));
        source.CopyTo(bytes.Slice((int)Marshal.OffsetOf<LogRecord>(nameof(LogRecord.Source))));
        text.CopyTo(bytes.Slice((int)Marshal.OffsetOf<LogRecord>(nameof(LogRecord.Text))));
        return record;
    }
}

/// <summary>
/// A client channel that dispatches synchronously into a server's dispatcher, as one process of <see cref="Caller"/>.
/// Buffers are fresh arrays (the server sees a copy of nothing but the message). A deferred reply must have been
/// completed during the dispatch, otherwise the call reports <see cref="XousError.Timeout"/>.
/// </summary>
internal sealed class DirectChannel : IIpcChannel
{
    private readonly IIpcDispatcher _dispatcher;
    private readonly RecordingReplies _replies;
    private byte[] _buffer = [];

    public DirectChannel(IIpcDispatcher dispatcher, RecordingReplies replies, byte caller)
    {
        _dispatcher = dispatcher;
        _replies = replies;
        Caller = caller;
    }

    public byte Caller { get; set; }

    public XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4)
    {
        var message = IncomingMessage.Scalar(Senders.Of(Caller), MessageKind.Scalar, opcode, arg1, arg2, arg3, arg4);
        Reply reply = _dispatcher.Dispatch(in message);
        Assert.Equal(ReplyShape.None, reply.Shape);
        return XousError.NoError;
    }

    public XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply)
    {
        MessageSender sender = Senders.Of(Caller);
        var message = IncomingMessage.Scalar(sender, MessageKind.BlockingScalar, opcode, arg1, arg2, arg3, arg4);
        Reply result = _dispatcher.Dispatch(in message);
        if (result.Shape == ReplyShape.Deferred && !_replies.TryTake(sender, out result))
        {
            reply = default;
            return XousError.Timeout;
        }

        Assert.Equal(ReplyShape.Scalar5, result.Shape);
        reply = new ScalarReply((uint)result.Status, result.Unit1, result.Unit2, result.Unit3, result.Unit4);
        return XousError.NoError;
    }

    public Span<byte> AcquireBuffer(int length)
    {
        _buffer = new byte[length];
        return _buffer;
    }

    public XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply)
    {
        MessageKind kind = mutable ? MessageKind.MutableBorrow : MessageKind.Borrow;
        var message = IncomingMessage.Memory(Senders.Of(Caller), kind, opcode, _buffer.AsSpan(0, length), offset, valid);
        Reply result = _dispatcher.Dispatch(in message);
        Assert.Equal(ReplyShape.Memory, result.Shape);
        reply = new MemoryReply(result.MemoryOffset, result.MemoryValid);
        return XousError.NoError;
    }

    public XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid)
    {
        var message = IncomingMessage.Memory(Senders.Of(Caller), MessageKind.Move, opcode, _buffer.AsSpan(0, length), offset, valid);
        Reply result = _dispatcher.Dispatch(in message);
        Assert.Equal(ReplyShape.None, result.Shape);
        _buffer = [];
        return XousError.NoError;
    }
}
