using Xous.Abi;

namespace Xous.Runtime.Hosted;

/// <summary>
/// What a completed call does to the process's local memory (docs/hosted-protocol.md, "Process-side memory"): the
/// one place that mirrors the kernel's page tables in the local copy.
/// </summary>
internal static class MemoryEffects
{
    /// <summary>
    /// Applies <paramref name="call"/>'s <paramref name="result"/>. <paramref name="payload"/> is the range whose
    /// bytes the call carried; <paramref name="bytes"/> are the bytes that came back with the result.
    /// </summary>
    public static void Apply(LocalMemory memory, in Syscall call, in SyscallResult result, MemoryRange payload, ReadOnlySpan<byte> bytes)
    {
        switch (call.Number)
        {
            case SyscallNumber.SendMessage or SyscallNumber.TrySendMessage when !payload.IsEmpty:
                if (result.Tag == ResultTag.MemoryReturned)
                {
                    memory.CopyIn(payload, bytes); // the lend is back, with the server's changes if it could write
                }
                else if (call.Message.Kind == MessageKind.Move && !result.IsError)
                {
                    memory.Unmap(payload); // the pages now belong to the server
                }

                break;
            case SyscallNumber.ReturnMemory:
            case SyscallNumber.ReplyAndReceiveNext when !payload.IsEmpty:
                if (!result.IsError)
                {
                    memory.Unmap(payload); // the lend went back to its owner
                }

                break;
            case SyscallNumber.MapMemory or SyscallNumber.IncreaseHeap when result.Tag == ResultTag.MemoryRange:
                memory.Map(result.MemoryRange, default, replace: false);
                break;
            case SyscallNumber.DecreaseHeap when call.Arg1 != 0 && result.Tag == ResultTag.MemoryRange:
                memory.Unmap(result.MemoryRange); // the pages released from the heap's end
                break;
            case SyscallNumber.UnmapMemory when result.Tag == ResultTag.Ok:
                memory.Unmap(call.Range);
                break;
            default:
                break;
        }

        if (result.Tag == ResultTag.MessageEnvelope && HasMemory(result))
        {
            memory.Map(result.Envelope.Body.Buffer, bytes, replace: true);
        }
    }

    private static bool HasMemory(in SyscallResult envelope) => envelope.Word2 <= (nuint)MessageKind.Move;
}
