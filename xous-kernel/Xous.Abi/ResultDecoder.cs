using System;

namespace Xous.Abi;

/// <summary>Validation rules for decoding syscall results (see <see cref="SyscallResult.TryDecode"/>).</summary>
internal static class ResultDecoder
{
    /// <summary>How many payload words (a1..) the tag uses; the rest are ignored and decode as zero.</summary>
    public static int PayloadCount(ResultTag tag, ReadOnlySpan<nuint> w) => tag switch
    {
        ResultTag.Ok or ResultTag.ResumeProcess or ResultTag.Unimplemented or ResultTag.BlockedProcess or
        ResultTag.RetryCall or ResultTag.None => 0,
        ResultTag.Error or ResultTag.MemoryAddress or ResultTag.ConnectionId or ResultTag.ThreadId or
        ResultTag.ProcessId or ResultTag.Scalar1 => 1,
        ResultTag.MemoryRange or ResultTag.Scalar2 or ResultTag.MemoryReturned => 2,
        ResultTag.ServerId => 4,
        ResultTag.NewServerId or ResultTag.NewProcess or ResultTag.Scalar5 => 5,
        ResultTag.Message => 6,
        ResultTag.ReadyThreads => 1 + (2 * (int)w[1]),
        _ => 7,
    };

    /// <summary>True when the payload is well-formed for the tag.</summary>
    public static bool IsValid(ResultTag tag, ReadOnlySpan<nuint> w)
    {
        switch (tag)
        {
            case ResultTag.MemoryRange:
                return w[1] != 0 && w[2] != 0;
            case ResultTag.ReadyThreads:
                if (w[1] > 3)
                {
                    return false;
                }

                for (int i = 0; i < (int)w[1]; i++)
                {
                    if (!Pid.TryFromWord(w[2 + (2 * i)], out _))
                    {
                        return false;
                    }
                }

                return true;
            case ResultTag.ServerId:
                return Words.SidFits(w[1], w[2], w[3], w[4]);
            case ResultTag.ConnectionId:
                return Words.Fits32(w[1]);
            case ResultTag.NewServerId:
                return Words.SidFits(w[1], w[2], w[3], w[4]) && Words.Fits32(w[5]);
            case ResultTag.MessageEnvelope:
                return Words.Fits32(w[1]) && MessageKindCodes.TryFromEnvelopeCode(w[2], out MessageKind envelopeKind) &&
                    Message.TryCreate(envelopeKind, w[3], w[4], w[5], w[6], w[7], out _);
            case ResultTag.ProcessId:
                return Pid.TryFromWord(w[1], out _);
            case ResultTag.NewProcess:
                return Pid.TryFromWord(w[1], out _) && Words.SidFits(w[2], w[3], w[4], w[5]);
            case ResultTag.Message:
                return MessageKindCodes.TryFromEnvelopeCode(w[1], out MessageKind kind) &&
                    Message.TryCreate(kind, w[2], w[3], w[4], w[5], w[6], out _);
            default:
                return true;
        }
    }
}
