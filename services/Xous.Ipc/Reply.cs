using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>What the server loop must do after a dispatch.</summary>
public enum ReplyShape : byte
{
    /// <summary>
    /// Nothing to send: the message was a Scalar or a Move (the loop unmaps a Move's pages once the dispatch returns).
    /// </summary>
    None = 0,

    /// <summary>
    /// ReturnScalar5(sender, <see cref="Reply.Status"/>, <see cref="Reply.Unit1"/>, <see cref="Reply.Unit2"/>,
    /// <see cref="Reply.Unit3"/>, <see cref="Reply.Unit4"/>) to a BlockingScalar.
    /// </summary>
    Scalar5 = 1,

    /// <summary>
    /// ReturnMemory(sender, the message's buffer, offset = <see cref="Reply.MemoryOffset"/>,
    /// valid = <see cref="Reply.MemoryValid"/>) to a Borrow or MutableBorrow.
    /// </summary>
    Memory = 2,

    /// <summary>
    /// The handler kept a <see cref="DeferredReply"/> and will complete the BlockingScalar later; send nothing now.
    /// </summary>
    Deferred = 3,
}

/// <summary>
/// The reply a generated dispatcher asks the server loop to send: see <see cref="ReplyShape"/> for the syscall each
/// shape becomes (or ReplyAndReceiveNext with the same words). Units are 32-bit values widened to machine words.
/// </summary>
public readonly struct Reply : IEquatable<Reply>
{
    private Reply(ReplyShape shape, IpcStatus status, uint unit1, uint unit2, uint unit3, uint unit4)
    {
        Shape = shape;
        Status = status;
        Unit1 = unit1;
        Unit2 = unit2;
        Unit3 = unit3;
        Unit4 = unit4;
    }

    /// <summary>No reply (Scalar or Move).</summary>
    public static Reply None => default;

    /// <summary>The reply will be sent later through a <see cref="DeferredReply"/>.</summary>
    public static Reply Deferred => new(ReplyShape.Deferred, IpcStatus.Ok, 0, 0, 0, 0);

    /// <summary>What to send.</summary>
    public ReplyShape Shape { get; }

    /// <summary>The status: word 0 of a scalar reply, the <c>offset</c> word of a memory reply.</summary>
    public IpcStatus Status { get; }

    /// <summary>Word 1 of a scalar reply; the <c>valid</c> word of a memory reply.</summary>
    public uint Unit1 { get; }

    /// <summary>Word 2 of a scalar reply.</summary>
    public uint Unit2 { get; }

    /// <summary>Word 3 of a scalar reply.</summary>
    public uint Unit3 { get; }

    /// <summary>Word 4 of a scalar reply.</summary>
    public uint Unit4 { get; }

    /// <summary>The <c>offset</c> word of a memory reply: the status.</summary>
    public nuint MemoryOffset => (uint)Status;

    /// <summary>The <c>valid</c> word of a memory reply: the return value's unit.</summary>
    public nuint MemoryValid => Unit1;

    /// <summary>A ReturnScalar5 reply: the status, then the return value's units.</summary>
    public static Reply Scalar5(IpcStatus status, uint unit1, uint unit2, uint unit3, uint unit4) =>
        new(ReplyShape.Scalar5, status, unit1, unit2, unit3, unit4);

    /// <summary>A ReturnMemory reply: offset = the status, valid = the return value's unit.</summary>
    public static Reply Memory(IpcStatus status, uint value) => new(ReplyShape.Memory, status, value, 0, 0, 0);

    /// <summary>
    /// The reply that reports <paramref name="status"/> to a sender waiting with a message of <paramref name="kind"/>:
    /// Scalar5(status, 0, 0, 0, 0) for a BlockingScalar, Memory(status, 0) for a Borrow or MutableBorrow, and
    /// <see cref="None"/> for a Scalar or Move, whose sender is not waiting.
    /// </summary>
    public static Reply Rejection(MessageKind kind, IpcStatus status) => kind switch
    {
        MessageKind.BlockingScalar => Scalar5(status, 0, 0, 0, 0),
        MessageKind.Borrow or MessageKind.MutableBorrow => Memory(status, 0),
        _ => None,
    };

    /// <inheritdoc/>
    public bool Equals(Reply other) =>
        Shape == other.Shape && Status == other.Status && Unit1 == other.Unit1 && Unit2 == other.Unit2 &&
        Unit3 == other.Unit3 && Unit4 == other.Unit4;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Reply other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        ((int)Shape * 31) ^ ((int)Status * 17) ^ (int)Unit1 ^ (int)(Unit2 * 7) ^ (int)(Unit3 * 13) ^ (int)(Unit4 * 19);

    /// <summary>"Scalar5(status, u1, u2, u3, u4)", "Memory(status, valid)", "None" or "Deferred".</summary>
    public override string ToString() => Shape switch
    {
        ReplyShape.Scalar5 => "Scalar5(" + ((uint)Status).ToString() + ", " + Unit1.ToString() + ", " + Unit2.ToString() + ", " +
                              Unit3.ToString() + ", " + Unit4.ToString() + ")",
        ReplyShape.Memory => "Memory(" + ((uint)Status).ToString() + ", " + Unit1.ToString() + ")",
        ReplyShape.Deferred => "Deferred",
        _ => "None",
    };

    /// <summary>True when equal.</summary>
    public static bool operator ==(Reply left, Reply right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(Reply left, Reply right) => !left.Equals(right);
}
