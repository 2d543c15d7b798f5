using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// Counters of a <see cref="Kernel"/> (house rule 10: observable by default). Read them between calls; the kernel
/// updates them as it runs.
/// </summary>
public sealed class KernelStatistics
{
    private const int SyscallCount = (int)SyscallNumber.PlatformSpecific + 1;
    private readonly ulong[] _calls = new ulong[SyscallCount];
    private readonly ulong[] _errors = new ulong[SyscallCount];
    private readonly FramePool _frames;

    internal KernelStatistics(FramePool frames) => _frames = frames;

    /// <summary>Syscalls executed (every <see cref="Kernel.Execute"/> of a live process).</summary>
    public ulong Calls { get; private set; }

    /// <summary>Results delivered with <see cref="ResultTag.Error"/>.</summary>
    public ulong Errors { get; private set; }

    /// <summary>Messages queued to a server.</summary>
    public ulong MessagesSent { get; internal set; }

    /// <summary>Messages handed to a server thread.</summary>
    public ulong MessagesReceived { get; internal set; }

    /// <summary>
    /// Queued messages never delivered: their server went away, or their sender ended and they were blocking (or a
    /// Move the server had no room to take over). Scalars and Moves of an ended sender are otherwise still delivered.
    /// </summary>
    public ulong MessagesDropped { get; internal set; }

    /// <summary>Processes created.</summary>
    public ulong ProcessesCreated { get; internal set; }

    /// <summary>Processes that ended.</summary>
    public ulong ProcessesEnded { get; internal set; }

    /// <summary>Live servers now.</summary>
    public int Servers { get; internal set; }

    /// <summary>Physical pages in the pool.</summary>
    public int TotalPages => _frames.Count;

    /// <summary>Physical pages not owned by any process now.</summary>
    public int FreePages => _frames.Free;

    /// <summary>How often a syscall number was executed (0 for numbers outside the table).</summary>
    public ulong GetCalls(SyscallNumber number) => (uint)number < SyscallCount ? _calls[(int)number] : 0;

    /// <summary>How often a syscall number was answered with an error (0 for numbers outside the table).</summary>
    public ulong GetErrors(SyscallNumber number) => (uint)number < SyscallCount ? _errors[(int)number] : 0;

    internal void CountCall(SyscallNumber number)
    {
        Calls++;
        if ((uint)number < SyscallCount)
        {
            _calls[(int)number]++;
        }
    }

    internal void CountError(SyscallNumber number)
    {
        Errors++;
        if ((uint)number < SyscallCount)
        {
            _errors[(int)number]++;
        }
    }
}
