using System;
using Xous.Abi;

namespace Xous.Runtime;

/// <summary>
/// Typed wrappers of the syscalls a program makes, over one <see cref="IKernelPort"/> (docs/runtime.md, "Syscalls").
/// Every method returns <see cref="XousError.NoError"/> and its result in <c>out</c> parameters, or the kernel's error
/// (with the <c>out</c> values at their defaults); none throws for a kernel error. A result whose tag does not belong
/// to the call is reported as <see cref="XousError.InternalError"/>; a <see cref="ResultTag.RetryCall"/> result makes
/// the wrapper issue the same call again.
/// <para>
/// One member per syscall, so the class mirrors the ABI table (docs/abi.md) and has more than the usual ~30 members;
/// the message calls are in <c>KernelCalls.Messages.cs</c>. Thread-safe: it holds no state besides the port.
/// </para>
/// </summary>
public sealed partial class KernelCalls
{
    private readonly IKernelPort _port;

    /// <summary>Wraps <paramref name="port"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="port"/> is null.</exception>
    public KernelCalls(IKernelPort port)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
    }

    /// <summary>The port every call goes through.</summary>
    public IKernelPort Port => _port;

    /// <summary>
    /// MapMemory: maps <paramref name="size"/> bytes (rounded up to whole pages by the kernel) of zeroed memory, or of
    /// the physical range at <paramref name="physical"/>, at <paramref name="virtualAddress"/> (0 = the kernel picks).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is zero.</exception>
    public XousError MapMemory(nuint physical, nuint virtualAddress, nuint size, MemoryFlags flags, out MemoryRange range)
    {
        SyscallResult result = Invoke(Syscall.MapMemory(physical, virtualAddress, size, flags));
        XousError error = Expect(result, ResultTag.MemoryRange);
        range = error == XousError.NoError ? result.MemoryRange : default;
        return error;
    }

    /// <summary>UnmapMemory: releases a mapped range (whole pages) of this process.</summary>
    /// <exception cref="ArgumentException"><paramref name="range"/> is empty.</exception>
    public XousError UnmapMemory(MemoryRange range) => ExpectOk(Invoke(Syscall.UnmapMemory(range)));

    /// <summary>IncreaseHeap: grows the heap by <paramref name="bytes"/>; <paramref name="heap"/> is the whole heap afterwards.</summary>
    public XousError IncreaseHeap(nuint bytes, MemoryFlags flags, out MemoryRange heap)
    {
        SyscallResult result = Invoke(Syscall.IncreaseHeap(bytes, flags));
        XousError error = Expect(result, ResultTag.MemoryRange);
        heap = error == XousError.NoError ? result.MemoryRange : default;
        return error;
    }

    /// <summary>DecreaseHeap: shrinks the heap by <paramref name="bytes"/>; <paramref name="heap"/> is what remains.</summary>
    public XousError DecreaseHeap(nuint bytes, out MemoryRange heap)
    {
        SyscallResult result = Invoke(Syscall.DecreaseHeap(bytes));
        if (result.Tag == ResultTag.MemoryRange)
        {
            heap = result.MemoryRange;
            return XousError.NoError;
        }

        heap = default;
        return result.Tag == ResultTag.Ok ? XousError.NoError : ErrorOf(result);
    }

    /// <summary>CreateServer: a server with a random SID owned by this process, and a connection to it.</summary>
    public XousError CreateServer(out Sid sid, out Cid connection)
    {
        SyscallResult result = Invoke(Syscall.CreateServer());
        XousError error = Expect(result, ResultTag.NewServerId);
        sid = error == XousError.NoError ? result.ServerId : default;
        connection = error == XousError.NoError ? result.ConnectionId : default;
        return error;
    }

    /// <summary>CreateServerWithAddress: a server with the given SID (a well-known one, or one from CreateServerId).</summary>
    public XousError CreateServerWithAddress(Sid sid)
    {
        SyscallResult result = Invoke(Syscall.CreateServerWithAddress(sid));
        return result.Tag is ResultTag.ServerId or ResultTag.NewServerId or ResultTag.Ok ? XousError.NoError : ErrorOf(result);
    }

    /// <summary>CreateServerId: a fresh random SID, not yet a server.</summary>
    public XousError CreateServerId(out Sid sid)
    {
        SyscallResult result = Invoke(Syscall.CreateServerId());
        XousError error = Expect(result, ResultTag.ServerId);
        sid = error == XousError.NoError ? result.ServerId : default;
        return error;
    }

    /// <summary>Connect: a connection to <paramref name="sid"/>, waiting until the server exists.</summary>
    public XousError Connect(Sid sid, out Cid connection) => ConnectCall(Syscall.Connect(sid), out connection);

    /// <summary>TryConnect: a connection to <paramref name="sid"/>; ServerNotFound when it does not exist yet.</summary>
    public XousError TryConnect(Sid sid, out Cid connection) => ConnectCall(Syscall.TryConnect(sid), out connection);

    /// <summary>Disconnect: closes a connection of this process.</summary>
    public XousError Disconnect(Cid connection) => ExpectOk(Invoke(Syscall.Disconnect(connection)));

    /// <summary>DestroyServer: removes a server this process owns; waiting senders get ServerNotFound.</summary>
    public XousError DestroyServer(Sid sid) => ExpectOk(Invoke(Syscall.DestroyServer(sid)));

    /// <summary>GetThreadId: the calling thread's id.</summary>
    public XousError GetThreadId(out Tid thread)
    {
        SyscallResult result = Invoke(Syscall.GetThreadId());
        XousError error = Expect(result, ResultTag.ThreadId);
        thread = error == XousError.NoError ? result.ThreadId : default;
        return error;
    }

    /// <summary>GetProcessId: this process's id.</summary>
    public XousError GetProcessId(out Pid process)
    {
        SyscallResult result = Invoke(Syscall.GetProcessId());
        XousError error = Expect(result, ResultTag.ProcessId);
        process = error == XousError.NoError ? result.ProcessId : default;
        return error;
    }

    /// <summary>Yield: gives up the rest of the time slice.</summary>
    public XousError Yield() => ExpectOk(Invoke(Syscall.Yield()));

    /// <summary>WaitEvent: sleeps until an event (a message, an interrupt) wakes the process.</summary>
    public XousError WaitEvent() => ExpectOk(Invoke(Syscall.WaitEvent()));

    /// <summary>JoinThread: waits for <paramref name="thread"/> to end; <paramref name="value"/> is what its entry returned.</summary>
    public XousError JoinThread(Tid thread, out nuint value)
    {
        SyscallResult result = Invoke(Syscall.JoinThread(thread));
        XousError error = Expect(result, ResultTag.Scalar1);
        value = error == XousError.NoError ? result.Word1 : 0;
        return error;
    }

    /// <summary>
    /// TerminateProcess: ends this process with <paramref name="exitCode"/>. Does not return on the device; returns
    /// the port's error when it does (a hosted port whose transport is gone, a test port).
    /// </summary>
    public XousError TerminateProcess(uint exitCode) => ExpectOk(Invoke(Syscall.TerminateProcess(exitCode)));

    /// <summary>Shutdown: asks the kernel to stop the system (only a privileged process may).</summary>
    public XousError Shutdown() => ExpectOk(Invoke(Syscall.Shutdown()));

    /// <summary>
    /// AdjustProcessLimit: sets <paramref name="limit"/> to <paramref name="value"/> if it is now
    /// <paramref name="expected"/>; <paramref name="current"/> is the limit's value afterwards.
    /// </summary>
    public XousError AdjustProcessLimit(ProcessLimit limit, nuint expected, nuint value, out nuint current)
    {
        SyscallResult result = Invoke(Syscall.AdjustProcessLimit(limit, expected, value));
        if (result.Tag == ResultTag.Scalar2)
        {
            current = result.Word2;
            return XousError.NoError;
        }

        if (result.Tag == ResultTag.Scalar1)
        {
            current = result.Word1;
            return XousError.NoError;
        }

        current = 0;
        return ErrorOf(result);
    }

    /// <summary>Performs <paramref name="call"/>, issuing it again while the kernel answers RetryCall.</summary>
    internal SyscallResult Invoke(in Syscall call)
    {
        SyscallResult result = _port.Call(in call);
        while (result.Tag == ResultTag.RetryCall)
        {
            result = _port.Call(in call);
        }

        return result;
    }

    private XousError ConnectCall(in Syscall call, out Cid connection)
    {
        SyscallResult result = Invoke(in call);
        XousError error = Expect(result, ResultTag.ConnectionId);
        connection = error == XousError.NoError ? result.ConnectionId : default;
        return error;
    }

    /// <summary>NoError when the result has the expected tag, the error of an error result, else InternalError.</summary>
    internal static XousError Expect(in SyscallResult result, ResultTag tag) =>
        result.Tag == tag ? XousError.NoError : ErrorOf(result);

    /// <summary>NoError for an Ok result, the error of an error result, else InternalError.</summary>
    internal static XousError ExpectOk(in SyscallResult result) => Expect(result, ResultTag.Ok);

    /// <summary>The error of an error result; InternalError for any other (unexpected) result.</summary>
    internal static XousError ErrorOf(in SyscallResult result) =>
        result.Tag == ResultTag.Error ? NonZero(result.Error) : XousError.InternalError;

    // An Error result carrying NoError would read as success; treat it as the malformed result it is.
    private static XousError NonZero(XousError error) => error == XousError.NoError ? XousError.InternalError : error;
}
