using System;

namespace Xous.Abi;

/// <summary>Typed constructors, one per syscall; each documents its register layout.</summary>
public readonly partial struct Syscall
{
    /// <summary>MapMemory: a1 = physical (0 = any), a2 = virtual (0 = default), a3 = size, a4 = flags.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is zero.</exception>
    public static Syscall MapMemory(nuint physical, nuint virtualAddress, nuint size, MemoryFlags flags)
    {
        if (size == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "MapMemory needs a non-zero size.");
        }

        return new(SyscallNumber.MapMemory, physical, virtualAddress, size, (nuint)flags);
    }

    /// <summary>Yield.</summary>
    public static Syscall Yield() => new(SyscallNumber.Yield);

    /// <summary>ReturnToParent: a1 = pid, a2 = cpu id.</summary>
    public static Syscall ReturnToParent(Pid process, nuint cpuId) =>
        new(SyscallNumber.ReturnToParent, process.Value, cpuId);

    /// <summary>ClaimInterrupt: a1 = irq, a2 = handler address (non-zero), a3 = handler argument.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handler"/> is zero.</exception>
    public static Syscall ClaimInterrupt(nuint irq, nuint handler, nuint argument)
    {
        if (handler == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(handler), "An interrupt handler address cannot be zero.");
        }

        return new(SyscallNumber.ClaimInterrupt, irq, handler, argument);
    }

    /// <summary>FreeInterrupt: a1 = irq.</summary>
    public static Syscall FreeInterrupt(nuint irq) => new(SyscallNumber.FreeInterrupt, irq);

    /// <summary>SwitchTo: a1 = pid, a2 = context (0 = resume).</summary>
    public static Syscall SwitchTo(Pid process, nuint context) =>
        new(SyscallNumber.SwitchTo, process.Value, context);

    /// <summary>ReadyThreads: a1 = pid.</summary>
    public static Syscall ReadyThreads(Pid process) => new(SyscallNumber.ReadyThreads, process.Value);

    /// <summary>WaitEvent.</summary>
    public static Syscall WaitEvent() => new(SyscallNumber.WaitEvent);

    /// <summary>IncreaseHeap: a1 = bytes (0 queries base and size), a2 = flags.</summary>
    public static Syscall IncreaseHeap(nuint bytes, MemoryFlags flags) =>
        new(SyscallNumber.IncreaseHeap, bytes, (nuint)flags);

    /// <summary>DecreaseHeap: a1 = bytes.</summary>
    public static Syscall DecreaseHeap(nuint bytes) => new(SyscallNumber.DecreaseHeap, bytes);

    /// <summary>UpdateMemoryFlags: a1 = address, a2 = length, a3 = flags, a4 = pid (0 = the caller).</summary>
    public static Syscall UpdateMemoryFlags(MemoryRange range, MemoryFlags flags, Pid? process = null) =>
        new(SyscallNumber.UpdateMemoryFlags, RequireRange(range), range.Size, (nuint)flags, process.HasValue ? process.Value.Value : 0u);

    /// <summary>SetMemRegion: a1 = pid, a2 = region type, a3 = address (non-zero), a4 = size.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="address"/> is zero.</exception>
    public static Syscall SetMemRegion(Pid process, MemoryRegionType type, nuint address, nuint size)
    {
        if (address == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(address), "A region address cannot be zero.");
        }

        return new(SyscallNumber.SetMemRegion, process.Value, (nuint)type, address, size);
    }

    /// <summary>CreateServerWithAddress: a1..a4 = SID.</summary>
    public static Syscall CreateServerWithAddress(Sid sid) => WithSid(SyscallNumber.CreateServerWithAddress, sid);

    /// <summary>ReceiveMessage: a1..a4 = SID.</summary>
    public static Syscall ReceiveMessage(Sid sid) => WithSid(SyscallNumber.ReceiveMessage, sid);

    /// <summary>SendMessage: a1 = CID, a2 = send code (1..5), a3 = id, a4..a7 = words of the message.</summary>
    public static Syscall SendMessage(Cid connection, Message message) =>
        WithMessage(SyscallNumber.SendMessage, connection, message);

    /// <summary>Connect: a1..a4 = SID.</summary>
    public static Syscall Connect(Sid sid) => WithSid(SyscallNumber.Connect, sid);

    /// <summary>CreateThread: a1 = entry, a2 = stack pointer, a3 = stack length, a4..a7 = arguments.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The entry is zero.</exception>
    public static Syscall CreateThread(nuint entry, MemoryRange stack, nuint arg1 = 0, nuint arg2 = 0, nuint arg3 = 0, nuint arg4 = 0)
    {
        if (entry == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), "A thread entry point cannot be zero.");
        }

        return new(SyscallNumber.CreateThread, entry, RequireRange(stack), stack.Size, arg1, arg2, arg3, arg4);
    }

    /// <summary>UnmapMemory: a1 = address, a2 = length.</summary>
    public static Syscall UnmapMemory(MemoryRange range) =>
        new(SyscallNumber.UnmapMemory, RequireRange(range), range.Size);

    /// <summary>ReturnMemory: a1 = sender, a2 = address, a3 = length, a4 = offset, a5 = valid.</summary>
    public static Syscall ReturnMemory(MessageSender sender, MemoryRange buffer, nuint offset = 0, nuint valid = 0) =>
        new(SyscallNumber.ReturnMemory, sender.Value, RequireRange(buffer), buffer.Size, offset, valid);

    /// <summary>CreateProcess: a1/a2 = stack, a3/a4 = text, a5 = text destination, a6 = entry (non-zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The entry is zero.</exception>
    public static Syscall CreateProcess(MemoryRange stack, MemoryRange text, nuint textDestination, nuint entry)
    {
        if (entry == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), "A process entry point cannot be zero.");
        }

        return new(SyscallNumber.CreateProcess, RequireRange(stack), stack.Size, RequireRange(text), text.Size, textDestination, entry);
    }

    /// <summary>TerminateProcess: a1 = exit code.</summary>
    public static Syscall TerminateProcess(uint exitCode) => new(SyscallNumber.TerminateProcess, exitCode);

    /// <summary>Shutdown.</summary>
    public static Syscall Shutdown() => new(SyscallNumber.Shutdown);

    /// <summary>TrySendMessage: the layout of <see cref="SendMessage"/>.</summary>
    public static Syscall TrySendMessage(Cid connection, Message message) =>
        WithMessage(SyscallNumber.TrySendMessage, connection, message);

    /// <summary>TryConnect: a1..a4 = SID.</summary>
    public static Syscall TryConnect(Sid sid) => WithSid(SyscallNumber.TryConnect, sid);

    /// <summary>ReturnScalar1: a1 = sender, a2 = value.</summary>
    public static Syscall ReturnScalar1(MessageSender sender, nuint value) =>
        new(SyscallNumber.ReturnScalar1, sender.Value, value);

    /// <summary>ReturnScalar2: a1 = sender, a2, a3 = values.</summary>
    public static Syscall ReturnScalar2(MessageSender sender, nuint value1, nuint value2) =>
        new(SyscallNumber.ReturnScalar2, sender.Value, value1, value2);

    /// <summary>TryReceiveMessage: a1..a4 = SID.</summary>
    public static Syscall TryReceiveMessage(Sid sid) => WithSid(SyscallNumber.TryReceiveMessage, sid);

    /// <summary>CreateServer.</summary>
    public static Syscall CreateServer() => new(SyscallNumber.CreateServer);

    /// <summary>ConnectForProcess: a1 = pid, a2..a5 = SID.</summary>
    public static Syscall ConnectForProcess(Pid process, Sid sid) =>
        new(SyscallNumber.ConnectForProcess, process.Value, sid.Word0, sid.Word1, sid.Word2, sid.Word3);

    /// <summary>CreateServerId.</summary>
    public static Syscall CreateServerId() => new(SyscallNumber.CreateServerId);

    /// <summary>GetThreadId.</summary>
    public static Syscall GetThreadId() => new(SyscallNumber.GetThreadId);

    /// <summary>GetProcessId.</summary>
    public static Syscall GetProcessId() => new(SyscallNumber.GetProcessId);

    /// <summary>DestroyServer: a1..a4 = SID.</summary>
    public static Syscall DestroyServer(Sid sid) => WithSid(SyscallNumber.DestroyServer, sid);

    /// <summary>Disconnect: a1 = CID.</summary>
    public static Syscall Disconnect(Cid connection) => new(SyscallNumber.Disconnect, connection.Value);

    /// <summary>JoinThread: a1 = thread id.</summary>
    public static Syscall JoinThread(Tid thread) => new(SyscallNumber.JoinThread, thread.Value);

    /// <summary>SetExceptionHandler: a1 = handler address, a2 = stack pointer.</summary>
    public static Syscall SetExceptionHandler(nuint handler, nuint stackPointer) =>
        new(SyscallNumber.SetExceptionHandler, handler, stackPointer);

    /// <summary>AdjustProcessLimit: a1 = limit, a2 = expected current value, a3 = new value.</summary>
    public static Syscall AdjustProcessLimit(ProcessLimit limit, nuint expected, nuint value) =>
        new(SyscallNumber.AdjustProcessLimit, (nuint)limit, expected, value);

    /// <summary>VirtToPhys: a1 = virtual address.</summary>
    public static Syscall VirtToPhys(nuint virtualAddress) => new(SyscallNumber.VirtToPhys, virtualAddress);

    /// <summary>ReturnScalar5: a1 = sender, a2..a6 = values.</summary>
    public static Syscall ReturnScalar5(MessageSender sender, nuint value1, nuint value2, nuint value3, nuint value4, nuint value5) =>
        new(SyscallNumber.ReturnScalar5, sender.Value, value1, value2, value3, value4, value5);

    /// <summary>ReplyAndReceiveNext with a scalar reply: a1 = sender, a2..a6 = values, a7 = 1, 2 or 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="ReplyKind.Memory"/> or unknown.</exception>
    public static Syscall ReplyAndReceiveNext(MessageSender sender, ReplyKind kind, nuint value1, nuint value2 = 0, nuint value3 = 0, nuint value4 = 0, nuint value5 = 0)
    {
        if (kind is not (ReplyKind.Scalar1 or ReplyKind.Scalar2 or ReplyKind.Scalar5))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "A scalar reply is Scalar1, Scalar2 or Scalar5.");
        }

        return new(SyscallNumber.ReplyAndReceiveNext, sender.Value, value1, value2, value3, value4, value5, (nuint)kind);
    }

    /// <summary>ReplyAndReceiveNext returning memory: a1 = sender, a2 = address, a3 = length, a4 = offset, a5 = valid, a7 = all ones.</summary>
    public static Syscall ReplyAndReceiveNextWithMemory(MessageSender sender, MemoryRange buffer, nuint offset = 0, nuint valid = 0) =>
        new(SyscallNumber.ReplyAndReceiveNext, sender.Value, RequireRange(buffer), buffer.Size, offset, valid, 0, nuint.MaxValue);

    /// <summary>VirtToPhysPid: a1 = pid, a2 = virtual address.</summary>
    public static Syscall VirtToPhysPid(Pid process, nuint virtualAddress) =>
        new(SyscallNumber.VirtToPhysPid, process.Value, virtualAddress);

    /// <summary>RegisterSwapper: a1..a4 = SID, a5 = handler, a6 = state.</summary>
    public static Syscall RegisterSwapper(Sid sid, nuint handler, nuint state) =>
        new(SyscallNumber.RegisterSwapper, sid.Word0, sid.Word1, sid.Word2, sid.Word3, handler, state);

    /// <summary>SwapOp: seven operation-specific words.</summary>
    public static Syscall SwapOp(nuint a1, nuint a2, nuint a3, nuint a4, nuint a5, nuint a6, nuint a7) =>
        new(SyscallNumber.SwapOp, a1, a2, a3, a4, a5, a6, a7);

    /// <summary>RawTrng: seven operation-specific words.</summary>
    public static Syscall RawTrng(nuint a1, nuint a2, nuint a3, nuint a4, nuint a5, nuint a6, nuint a7) =>
        new(SyscallNumber.RawTrng, a1, a2, a3, a4, a5, a6, a7);

    /// <summary>PlatformSpecific: a1 = meta-opcode, a2..a7 operation-specific.</summary>
    public static Syscall PlatformSpecific(nuint metaOpcode, nuint a2, nuint a3, nuint a4, nuint a5, nuint a6, nuint a7) =>
        new(SyscallNumber.PlatformSpecific, metaOpcode, a2, a3, a4, a5, a6, a7);

    private static Syscall WithSid(SyscallNumber number, Sid sid) =>
        new(number, sid.Word0, sid.Word1, sid.Word2, sid.Word3);

    private static Syscall WithMessage(SyscallNumber number, Cid connection, Message message)
    {
        if (message.HasMemory && (message.Word1 == 0 || message.Word2 == 0))
        {
            throw new ArgumentException("A memory message needs a non-empty buffer (default(Message) is not a message).", nameof(message));
        }

        return new(number, connection.Value, MessageKindCodes.ToSendCode(message.Kind), message.Id, message.Word1, message.Word2, message.Word3, message.Word4);
    }

    private static nuint RequireRange(MemoryRange range)
    {
        if (range.IsEmpty)
        {
            throw new ArgumentException("The memory range is empty.", nameof(range));
        }

        return range.Address;
    }
}
