using System;
using Xous.Abi;

namespace Xous.Runtime;

/// <summary>
/// How a process reaches the kernel: the one thing that differs between the device (an <c>ecall</c>, memory is the
/// process's own pages) and hosted mode (a stream to the kernel host, memory copied both ways). Everything else in the
/// runtime is the same code on both.
/// <para>
/// Memory: every range this process has mapped (MapMemory, IncreaseHeap) or received in a message is backed by
/// memory the port can show as a span (<see cref="GetMemory"/>). On the device that is the memory itself; in hosted
/// mode the port keeps a local copy per mapped range and moves bytes with the calls that carry them (the buffer of a
/// SendMessage/TrySendMessage with a memory kind, ReturnMemory, ReplyAndReceiveNext with a memory reply; the buffer of
/// a received memory message or of a returned lend).
/// </para>
/// </summary>
public interface IKernelPort
{
    /// <summary>
    /// Performs one syscall for the calling thread and returns its result (blocking while the kernel blocks the
    /// thread). Never throws for a kernel error: errors come back as <see cref="ResultTag.Error"/>. A port whose
    /// transport is gone returns <see cref="XousError.ProcessTerminated"/> for every call. Transport-level results are
    /// the port's business (a hosted port keeps reading past <see cref="ResultTag.BlockedProcess"/>); a
    /// <see cref="ResultTag.RetryCall"/> result is passed up, and <see cref="KernelCalls"/> issues the call again.
    /// May be called from several threads at once; each call belongs to the calling thread.
    /// </summary>
    SyscallResult Call(in Syscall call);

    /// <summary>The bytes of <paramref name="range"/>, which must lie within one range mapped in this process.</summary>
    /// <exception cref="ArgumentException">The range is not (wholly) mapped in this process.</exception>
    Span<byte> GetMemory(MemoryRange range);

    /// <summary>The calling thread's kernel thread id.</summary>
    Tid CurrentThread { get; }

    /// <summary>This process's id.</summary>
    Pid Process { get; }

    /// <summary>
    /// Creates a kernel thread (CreateThread) and starts it running <paramref name="entry"/>(<paramref name="argument"/>);
    /// when the entry returns, the thread exits with its return value (JoinThread's result).
    /// </summary>
    /// <returns>NoError and the new thread's id, or the kernel's error (e.g. ThreadNotAvailable when all slots are used).</returns>
    XousError StartThread(ThreadEntry entry, nuint argument, out Tid thread);
}

/// <summary>A thread's code: takes the argument given at start, returns the value JoinThread reports.</summary>
public delegate nuint ThreadEntry(nuint argument);
