using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>
/// The client's connection to one server: the seam between generated client proxies and the transport. The process
/// runtime implements it over the SendMessage/TrySendMessage syscalls on a CID; tests implement it in memory.
/// <para>
/// Buffers: a memory message is built in the scratch buffer returned by <see cref="AcquireBuffer"/> and then sent with
/// <see cref="LendBuffer"/> or <see cref="MoveBuffer"/>. The buffer belongs to the calling thread until that thread's
/// next call on the channel; it is zeroed on every <see cref="AcquireBuffer"/> (whole pages on the device), so bytes
/// from an earlier message can never reach a server.
/// </para>
/// Every method returns <see cref="XousError.NoError"/> on success or the kernel's error for the send: typically
/// <see cref="XousError.ServerNotFound"/> (the server is gone or died while handling the message),
/// <see cref="XousError.ServerQueueFull"/> (only from channels that use TrySendMessage; SendMessage waits instead),
/// <see cref="XousError.OutOfMemory"/> (no pages for the buffer) or <see cref="XousError.ShareViolation"/> (the buffer
/// is already lent). A method never throws for a transport failure.
/// </summary>
public interface IIpcChannel
{
    /// <summary>Sends a fire-and-forget Scalar: the opcode and four argument words. Returns once queued.</summary>
    /// <returns><see cref="XousError.NoError"/> once the message is queued, or the send error (see the type).</returns>
    XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4);

    /// <summary>Sends a BlockingScalar and waits for the server's ReturnScalar1, 2 or 5.</summary>
    /// <param name="opcode">The message id.</param>
    /// <param name="arg1">Argument word 1.</param>
    /// <param name="arg2">Argument word 2.</param>
    /// <param name="arg3">Argument word 3.</param>
    /// <param name="arg4">Argument word 4.</param>
    /// <param name="reply">
    /// The five reply words (words the server did not send are zero); <c>default</c> when the result is an error.
    /// </param>
    /// <returns><see cref="XousError.NoError"/> when a reply arrived, or the send error (see the type).</returns>
    XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply);

    /// <summary>
    /// Returns this thread's zeroed scratch buffer of exactly <paramref name="length"/> bytes for the next
    /// <see cref="LendBuffer"/> or <see cref="MoveBuffer"/>. On the device it is the start of whole pages that are all
    /// zero. A span from an earlier call must not be used after this call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive or exceeds what the
    /// channel can lend.</exception>
    /// <exception cref="OutOfMemoryException">No memory for the buffer.</exception>
    Span<byte> AcquireBuffer(int length);

    /// <summary>
    /// Lends the first <paramref name="length"/> bytes (rounded up to whole pages on the device) of the acquired buffer
    /// as a Borrow (<paramref name="mutable"/> false) or MutableBorrow (true) and waits for the server's ReturnMemory.
    /// Afterwards the acquired buffer holds what the server left in it (a Borrow comes back unchanged).
    /// </summary>
    /// <param name="opcode">The message id.</param>
    /// <param name="mutable">True for MutableBorrow.</param>
    /// <param name="length">Bytes of the acquired buffer to lend; at most what was acquired.</param>
    /// <param name="offset">The message's <c>offset</c> word.</param>
    /// <param name="valid">The message's <c>valid</c> word.</param>
    /// <param name="reply">The <c>offset</c> and <c>valid</c> words the server returned; <c>default</c> on error.</param>
    /// <returns><see cref="XousError.NoError"/> when the memory came back, or the send error (see the type).</returns>
    XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply);

    /// <summary>
    /// Moves the first <paramref name="length"/> bytes (whole pages on the device) of the acquired buffer to the server
    /// and returns once queued. The buffer is gone afterwards; acquire a new one for the next message.
    /// </summary>
    /// <returns><see cref="XousError.NoError"/> once the message is queued, or the send error (see the type).</returns>
    XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid);
}

/// <summary>The five words of a scalar reply (ReturnScalar5; ReturnScalar1 and 2 leave the rest zero).</summary>
public readonly struct ScalarReply
{
    /// <summary>Wraps the five reply words.</summary>
    public ScalarReply(nuint word0, nuint word1, nuint word2, nuint word3, nuint word4)
    {
        Word0 = word0;
        Word1 = word1;
        Word2 = word2;
        Word3 = word3;
        Word4 = word4;
    }

    /// <summary>Word 0: the <see cref="IpcStatus"/> for generated contracts.</summary>
    public nuint Word0 { get; }

    /// <summary>Word 1: the return value's first 32-bit unit.</summary>
    public nuint Word1 { get; }

    /// <summary>Word 2: the return value's second unit.</summary>
    public nuint Word2 { get; }

    /// <summary>Word 3: the return value's third unit.</summary>
    public nuint Word3 { get; }

    /// <summary>Word 4: the return value's fourth unit.</summary>
    public nuint Word4 { get; }
}

/// <summary>The <c>offset</c> and <c>valid</c> words a server passed to ReturnMemory.</summary>
public readonly struct MemoryReply
{
    /// <summary>Wraps the two reply words.</summary>
    public MemoryReply(nuint offset, nuint valid)
    {
        Offset = offset;
        Valid = valid;
    }

    /// <summary>The returned <c>offset</c>: the <see cref="IpcStatus"/> for generated contracts.</summary>
    public nuint Offset { get; }

    /// <summary>The returned <c>valid</c>: the return value's single 32-bit unit for generated contracts.</summary>
    public nuint Valid { get; }
}
