using System;

namespace Xous.Abi;

/// <summary>Validation rules for decoding syscall requests (see <see cref="Syscall.TryDecode"/>).</summary>
internal static class SyscallDecoder
{
    /// <summary>How many argument words (a1..) the syscall uses; the rest are ignored and decode as zero.</summary>
    public static int ArgumentCount(SyscallNumber number) => number switch
    {
        SyscallNumber.Yield or SyscallNumber.WaitEvent or SyscallNumber.CreateServer or
        SyscallNumber.CreateServerId or SyscallNumber.GetThreadId or SyscallNumber.GetProcessId or
        SyscallNumber.Shutdown => 0,
        SyscallNumber.FreeInterrupt or SyscallNumber.ReadyThreads or SyscallNumber.DecreaseHeap or
        SyscallNumber.TerminateProcess or SyscallNumber.Disconnect or SyscallNumber.JoinThread or
        SyscallNumber.VirtToPhys => 1,
        SyscallNumber.ReturnToParent or SyscallNumber.SwitchTo or SyscallNumber.IncreaseHeap or
        SyscallNumber.UnmapMemory or SyscallNumber.ReturnScalar1 or SyscallNumber.SetExceptionHandler or
        SyscallNumber.VirtToPhysPid => 2,
        SyscallNumber.ClaimInterrupt or SyscallNumber.ReturnScalar2 or SyscallNumber.AdjustProcessLimit => 3,
        SyscallNumber.MapMemory or SyscallNumber.UpdateMemoryFlags or SyscallNumber.SetMemRegion or
        SyscallNumber.CreateServerWithAddress or SyscallNumber.ReceiveMessage or SyscallNumber.Connect or
        SyscallNumber.TryConnect or SyscallNumber.TryReceiveMessage or SyscallNumber.DestroyServer => 4,
        SyscallNumber.ReturnMemory or SyscallNumber.ConnectForProcess => 5,
        SyscallNumber.CreateProcess or SyscallNumber.ReturnScalar5 or SyscallNumber.RegisterSwapper => 6,
        _ => 7,
    };

    /// <summary>Checks the words of a request; <see cref="XousError.NoError"/> when they form a valid call.</summary>
    public static XousError Validate(ReadOnlySpan<nuint> w)
    {
        if (w[0] > 46 || w[0] == 0 || w[0] == 1)
        {
            return XousError.InvalidSyscall;
        }

        switch ((SyscallNumber)(uint)w[0])
        {
            case SyscallNumber.MapMemory:
                return w[3] != 0 && MemoryFlagsRules.TryDecode(w[4], out _) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.ReturnToParent:
            case SyscallNumber.SwitchTo:
            case SyscallNumber.ReadyThreads:
            case SyscallNumber.VirtToPhysPid:
                return Pid.TryFromWord(w[1], out _) ? XousError.NoError : XousError.InvalidPID;
            case SyscallNumber.ClaimInterrupt:
                return w[2] != 0 ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.IncreaseHeap:
                return MemoryFlagsRules.TryDecode(w[2], out _) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.UpdateMemoryFlags:
                if (w[1] == 0 || w[2] == 0 || !MemoryFlagsRules.TryDecode(w[3], out _))
                {
                    return XousError.InvalidSyscall;
                }

                return w[4] == 0 || Pid.TryFromWord(w[4], out _) ? XousError.NoError : XousError.InvalidPID;
            case SyscallNumber.SetMemRegion:
                if (!Pid.TryFromWord(w[1], out _))
                {
                    return XousError.InvalidPID;
                }

                return w[2] >= 1 && w[2] <= 4 && w[3] != 0 ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.CreateServerWithAddress:
            case SyscallNumber.ReceiveMessage:
            case SyscallNumber.Connect:
            case SyscallNumber.TryConnect:
            case SyscallNumber.TryReceiveMessage:
            case SyscallNumber.DestroyServer:
            case SyscallNumber.RegisterSwapper:
                return Words.SidFits(w[1], w[2], w[3], w[4]) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.ConnectForProcess:
                if (!Pid.TryFromWord(w[1], out _))
                {
                    return XousError.InvalidPID;
                }

                return Words.SidFits(w[2], w[3], w[4], w[5]) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.SendMessage:
            case SyscallNumber.TrySendMessage:
                return Words.Fits32(w[1]) && MessageKindCodes.TryFromSendCode(w[2], out MessageKind kind) &&
                    Message.TryCreate(kind, w[3], w[4], w[5], w[6], w[7], out _)
                    ? XousError.NoError
                    : XousError.InvalidSyscall;
            case SyscallNumber.CreateThread:
                return w[1] != 0 && w[2] != 0 && w[3] != 0 ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.UnmapMemory:
                return w[1] != 0 && w[2] != 0 ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.ReturnMemory:
                return Words.Fits32(w[1]) && w[2] != 0 && w[3] != 0 ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.CreateProcess:
                return w[1] != 0 && w[2] != 0 && w[3] != 0 && w[4] != 0 && w[6] != 0
                    ? XousError.NoError
                    : XousError.InvalidSyscall;
            case SyscallNumber.TerminateProcess:
            case SyscallNumber.Disconnect:
                return Words.Fits32(w[1]) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.ReturnScalar1:
            case SyscallNumber.ReturnScalar2:
            case SyscallNumber.ReturnScalar5:
                return Words.Fits32(w[1]) ? XousError.NoError : XousError.InvalidSyscall;
            case SyscallNumber.AdjustProcessLimit:
                return w[1] == (nuint)ProcessLimit.HeapMaximum || w[1] == (nuint)ProcessLimit.HeapSize
                    ? XousError.NoError
                    : XousError.InvalidLimit;
            case SyscallNumber.ReplyAndReceiveNext:
                return ValidateReplyAndReceiveNext(w);
            default:
                return XousError.NoError;
        }
    }

    private static XousError ValidateReplyAndReceiveNext(ReadOnlySpan<nuint> w)
    {
        if (!Words.Fits32(w[1]))
        {
            return XousError.InvalidSyscall;
        }

        if (w[7] == nuint.MaxValue)
        {
            return w[2] != 0 && w[3] != 0 ? XousError.NoError : XousError.InvalidSyscall;
        }

        return w[7] == 1 || w[7] == 2 || w[7] == 5 ? XousError.NoError : XousError.InvalidSyscall;
    }
}
