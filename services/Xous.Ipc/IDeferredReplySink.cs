namespace Xous.Ipc;

/// <summary>
/// Completes replies a handler deferred (methods with <c>Deferred = true</c>): the server loop implements it with
/// ReturnScalar5 on the message's sender; tests implement it in memory. Build the reply with the generated dispatcher's
/// <c>static Reply MethodReply(result)</c>.
/// </summary>
public interface IDeferredReplySink
{
    /// <summary>
    /// Sends <paramref name="reply"/> to the client waiting on <paramref name="pending"/>. A client that has gone away
    /// is not an error: the kernel drops the reply.
    /// </summary>
    /// <param name="pending">The deferred reply the handler was given.</param>
    /// <param name="reply">The reply, from the dispatcher's <c>MethodReply</c> helper (a <see cref="ReplyShape.Scalar5"/>).</param>
    void Complete(DeferredReply pending, in Reply reply);
}
