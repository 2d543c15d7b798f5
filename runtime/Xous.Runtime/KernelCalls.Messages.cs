using Xous.Abi;

namespace Xous.Runtime;

/// <summary>The message syscalls: sending, receiving and replying.</summary>
public sealed partial class KernelCalls
{
    /// <summary>
    /// SendMessage: sends <paramref name="message"/> on <paramref name="connection"/>, waiting for a queue slot when
    /// the server's queue is full. <paramref name="reply"/> is the kernel's success result: <see cref="ResultTag.Ok"/>
    /// once a Scalar or Move is queued, Scalar1/Scalar2/Scalar5 for a BlockingScalar, MemoryReturned (offset, valid)
    /// for a Borrow or MutableBorrow (whose buffer then holds what the server left in it).
    /// </summary>
    /// <returns>NoError, or the kernel's error (ServerNotFound, ShareViolation, …); a success result of another tag
    /// than the message kind expects is InternalError.</returns>
    public XousError SendMessage(Cid connection, in Message message, out SyscallResult reply) =>
        Send(Syscall.SendMessage(connection, message), message.Kind, out reply);

    /// <summary>TrySendMessage: <see cref="SendMessage"/>, but ServerQueueFull instead of waiting for a queue slot.</summary>
    public XousError TrySendMessage(Cid connection, in Message message, out SyscallResult reply) =>
        Send(Syscall.TrySendMessage(connection, message), message.Kind, out reply);

    /// <summary>ReceiveMessage: waits for the next message to the server <paramref name="sid"/> (owned by this process).</summary>
    public XousError ReceiveMessage(Sid sid, out MessageEnvelope envelope) =>
        ReceiveResult(Invoke(Syscall.ReceiveMessage(sid)), out envelope);

    /// <summary>
    /// TryReceiveMessage: the next message if one is queued. <paramref name="received"/> is false (and the result
    /// NoError) when the queue is empty.
    /// </summary>
    public XousError TryReceiveMessage(Sid sid, out bool received, out MessageEnvelope envelope)
    {
        SyscallResult result = Invoke(Syscall.TryReceiveMessage(sid));
        if (result.Tag == ResultTag.None)
        {
            received = false;
            envelope = default;
            return XousError.NoError;
        }

        XousError error = ReceiveResult(result, out envelope);
        received = error == XousError.NoError;
        return error;
    }

    /// <summary>ReturnMemory: gives a lent buffer back to <paramref name="sender"/> with the reply's offset and valid words.</summary>
    public XousError ReturnMemory(MessageSender sender, MemoryRange buffer, nuint offset, nuint valid) =>
        ExpectOk(Invoke(Syscall.ReturnMemory(sender, buffer, offset, valid)));

    /// <summary>ReturnScalar1: answers a BlockingScalar with one word.</summary>
    public XousError ReturnScalar1(MessageSender sender, nuint value) =>
        ExpectOk(Invoke(Syscall.ReturnScalar1(sender, value)));

    /// <summary>ReturnScalar2: answers a BlockingScalar with two words.</summary>
    public XousError ReturnScalar2(MessageSender sender, nuint value1, nuint value2) =>
        ExpectOk(Invoke(Syscall.ReturnScalar2(sender, value1, value2)));

    /// <summary>ReturnScalar5: answers a BlockingScalar with five words.</summary>
    public XousError ReturnScalar5(MessageSender sender, nuint value1, nuint value2, nuint value3, nuint value4, nuint value5) =>
        ExpectOk(Invoke(Syscall.ReturnScalar5(sender, value1, value2, value3, value4, value5)));

    /// <summary>
    /// ReplyAndReceiveNext with a ReturnScalar5 reply: answers <paramref name="sender"/> and waits for the next message
    /// to the same server in one call.
    /// </summary>
    public XousError ReplyScalar5AndReceiveNext(
        MessageSender sender, nuint value1, nuint value2, nuint value3, nuint value4, nuint value5, out MessageEnvelope next) =>
        ReceiveResult(Invoke(Syscall.ReplyAndReceiveNext(sender, ReplyKind.Scalar5, value1, value2, value3, value4, value5)), out next);

    /// <summary>
    /// ReplyAndReceiveNext with a ReturnMemory reply: gives <paramref name="buffer"/> back to <paramref name="sender"/>
    /// and waits for the next message to the same server in one call.
    /// </summary>
    public XousError ReplyMemoryAndReceiveNext(MessageSender sender, MemoryRange buffer, nuint offset, nuint valid, out MessageEnvelope next) =>
        ReceiveResult(Invoke(Syscall.ReplyAndReceiveNextWithMemory(sender, buffer, offset, valid)), out next);

    private XousError Send(in Syscall call, MessageKind kind, out SyscallResult reply)
    {
        SyscallResult result = Invoke(in call);
        bool expected = kind switch
        {
            MessageKind.BlockingScalar => result.Tag is ResultTag.Scalar1 or ResultTag.Scalar2 or ResultTag.Scalar5,
            MessageKind.Borrow or MessageKind.MutableBorrow => result.Tag == ResultTag.MemoryReturned,
            _ => result.Tag == ResultTag.Ok,
        };
        if (expected)
        {
            reply = result;
            return XousError.NoError;
        }

        reply = default;
        return ErrorOf(result);
    }

    private static XousError ReceiveResult(in SyscallResult result, out MessageEnvelope envelope)
    {
        XousError error = Expect(result, ResultTag.MessageEnvelope);
        envelope = error == XousError.NoError ? result.Envelope : default;
        return error;
    }
}
