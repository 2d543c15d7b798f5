namespace Xous.Ipc;

/// <summary>
/// A server-side dispatcher, implemented by the generated <c>XxxDispatcher</c> of each contract, so one server loop
/// can serve any contract: receive, <see cref="Dispatch"/>, send the <see cref="Reply"/> (docs/ipc.md, "Server loop").
/// </summary>
public interface IIpcDispatcher
{
    /// <summary>
    /// Validates <paramref name="message"/> against the contract and, when it is well-formed, calls the handler.
    /// Never throws for a malformed message (it returns the rejection); a handler's exception propagates unchanged
    /// (fail fast: the kernel then tells the waiting client <c>ServerNotFound</c>).
    /// </summary>
    /// <returns>What the loop must send; see <see cref="ReplyShape"/>.</returns>
    Reply Dispatch(in IncomingMessage message);

    /// <summary>Requests and errors per opcode.</summary>
    OpcodeCounters Counters { get; }
}
