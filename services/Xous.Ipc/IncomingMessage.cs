using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>
/// A received message as a generated dispatcher sees it. The server loop builds it from the kernel's envelope:
/// scalar kinds with <see cref="Scalar"/>, memory kinds with <see cref="Memory"/> over the mapped pages. Nothing in it
/// is trusted: the dispatcher validates every field before a handler runs.
/// </summary>
public readonly ref struct IncomingMessage
{
    private IncomingMessage(
        MessageSender sender, MessageKind kind, nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, Span<byte> buffer, nuint offset, nuint valid)
    {
        Sender = sender;
        Kind = kind;
        Opcode = opcode;
        Arg1 = arg1;
        Arg2 = arg2;
        Arg3 = arg3;
        Arg4 = arg4;
        Buffer = buffer;
        Offset = offset;
        Valid = valid;
    }

    /// <summary>Who sent it; replies and deferred replies go to this sender.</summary>
    public MessageSender Sender { get; }

    /// <summary>The kind of message.</summary>
    public MessageKind Kind { get; }

    /// <summary>The message id: the opcode.</summary>
    public nuint Opcode { get; }

    /// <summary>Scalar argument 1 (zero for memory kinds).</summary>
    public nuint Arg1 { get; }

    /// <summary>Scalar argument 2 (zero for memory kinds).</summary>
    public nuint Arg2 { get; }

    /// <summary>Scalar argument 3 (zero for memory kinds).</summary>
    public nuint Arg3 { get; }

    /// <summary>Scalar argument 4 (zero for memory kinds).</summary>
    public nuint Arg4 { get; }

    /// <summary>
    /// The lent or moved pages; empty for scalar kinds. Writable only for <see cref="MessageKind.MutableBorrow"/>:
    /// a Borrow or Move buffer must be treated as read-only (on the device a Borrow is mapped read-only).
    /// </summary>
    public Span<byte> Buffer { get; }

    /// <summary>The memory message's <c>offset</c> word (zero for scalar kinds).</summary>
    public nuint Offset { get; }

    /// <summary>The memory message's <c>valid</c> word (zero for scalar kinds).</summary>
    public nuint Valid { get; }

    /// <summary>True for kinds whose sender waits for a reply.</summary>
    public bool IsBlocking => MessageKindCodes.IsBlocking(Kind);

    /// <summary>A Scalar or BlockingScalar.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is a memory kind.</exception>
    public static IncomingMessage Scalar(MessageSender sender, MessageKind kind, nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4)
    {
        if (kind != MessageKind.Scalar && kind != MessageKind.BlockingScalar)
        {
            throw new ArgumentException("Only Scalar and BlockingScalar are scalar kinds.", nameof(kind));
        }

        return new IncomingMessage(sender, kind, opcode, arg1, arg2, arg3, arg4, default, 0, 0);
    }

    /// <summary>A MutableBorrow, Borrow or Move over <paramref name="buffer"/> (the mapped pages).</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is a scalar kind.</exception>
    public static IncomingMessage Memory(MessageSender sender, MessageKind kind, nuint opcode, Span<byte> buffer, nuint offset, nuint valid)
    {
        if (!MessageKindCodes.HasMemory(kind))
        {
            throw new ArgumentException("Only MutableBorrow, Borrow and Move carry memory.", nameof(kind));
        }

        return new IncomingMessage(sender, kind, opcode, 0, 0, 0, 0, buffer, offset, valid);
    }
}
