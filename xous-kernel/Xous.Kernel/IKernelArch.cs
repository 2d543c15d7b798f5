using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// The seam between the portable kernel core and an architecture. The core decides; the arch carries results to
/// threads and owns physical page contents. The hosted arch writes response packets and keeps page contents in host
/// memory; the RISC-V arch (later) writes saved registers, edits Sv32 page tables and switches contexts.
/// <para>
/// The core calls every method from inside <see cref="Kernel.Execute"/>, <see cref="Kernel.ExitThread"/> or
/// <see cref="Kernel.TerminateProcess"/>, on the thread that called those. From these methods an arch may use the
/// read-only queries (<see cref="Kernel.TryGetFrames"/>, <see cref="Kernel.IsThreadRunning"/>,
/// <see cref="Kernel.IsProcessAlive"/>, <see cref="Kernel.Statistics"/>) but must not call anything that changes
/// kernel state (<see cref="Kernel.Execute"/>, <see cref="Kernel.CreateProcess"/>, <see cref="Kernel.ExitThread"/>,
/// <see cref="Kernel.TerminateProcess"/>).
/// </para>
/// </summary>
public interface IKernelArch
{
    /// <summary>
    /// The result of a thread's syscall is ready: deliver it. Called exactly once per executed syscall (not for
    /// <see cref="Kernel.ExitThread"/>, not for the TerminateProcess syscall, and never for a thread whose process has
    /// ended), either before <see cref="Kernel.Execute"/> returns or later, when the blocking condition ends. A call
    /// from a thread that cannot call (free slot, or already blocked) is answered at once with Error(InvalidThread);
    /// that answer does not count as the blocked call's result.
    /// </summary>
    /// <param name="process">The thread's process.</param>
    /// <param name="thread">The thread.</param>
    /// <param name="result">The eight result words.</param>
    /// <param name="attached">
    /// A range of <paramref name="process"/>'s address space whose contents travel with the result (hosted mode copies
    /// them into the process): the buffer of a received memory message, or the lender's buffer when a Borrow or
    /// MutableBorrow comes back (also when it comes back with an error because the server died). Empty otherwise. The
    /// range is mapped and accessible to the process when this is called.
    /// </param>
    void Resume(Pid process, Tid thread, in SyscallResult result, MemoryRange attached);

    /// <summary>A physical page is being given to a process and must read as zeros from now on.</summary>
    /// <param name="frame">The page's frame number, 0 ≤ frame &lt; <see cref="KernelConfig.PhysicalPages"/>.</param>
    void ClearFrame(int frame);

    /// <summary>32 bits from the kernel's random source (SIDs, server ids); a TRNG on the device.</summary>
    uint NextRandom();

    /// <summary>
    /// A process has ended and the core has released everything it held; the arch drops its transport (hosted: closes
    /// the stream). Not called for the kernel itself.
    /// </summary>
    void ProcessEnded(Pid process, uint exitCode);

    /// <summary>A process called Shutdown; the arch stops the system after the current call.</summary>
    void ShutdownRequested(Pid requester);
}
