using System;
using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// Sizes of the kernel's tables, fixed when the <see cref="Kernel"/> is constructed (all tables are allocated then).
/// The defaults are those of the Precursor.
/// </summary>
public sealed class KernelConfig
{
    /// <summary>Process slots, the kernel's PID 1 included (PID = slot + 1). 2..255; default 64.</summary>
    public int MaxProcesses { get; init; } = Limits.MaxProcesses;

    /// <summary>Physical pages (frames) in the pool. Default 4096 (16 MiB).</summary>
    public int PhysicalPages { get; init; } = 4096;

    /// <summary>The heap maximum of a new process in bytes, a page multiple. Default 512 KiB.</summary>
    public nuint DefaultHeapMaximum { get; init; } = 512 * 1024;

    /// <summary>The largest buffer of a memory message in bytes, a page multiple. Default 1 MiB.</summary>
    public nuint MaxMessageBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Regions (runs of pages with contiguous frames and the same state) per process. A call that would need more
    /// fails with OutOfMemory. Default 256.
    /// </summary>
    public int MaxRegionsPerProcess { get; init; } = 256;

    /// <summary>Throws when a value is outside its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    internal void Validate()
    {
        if (MaxProcesses < 2 || MaxProcesses > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxProcesses), "Between 2 and 255 process slots.");
        }

        if (PhysicalPages < 1 || PhysicalPages > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(PhysicalPages), "Between 1 and 2^20 physical pages.");
        }

        if (!Layout.IsPageAligned(DefaultHeapMaximum) || DefaultHeapMaximum > Layout.HeapWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultHeapMaximum), "A page multiple of at most 512 MiB.");
        }

        if (MaxMessageBytes == 0 || !Layout.IsPageAligned(MaxMessageBytes) || MaxMessageBytes > Layout.DefaultBase - Layout.MessageBase)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), "A non-zero page multiple of at most 512 MiB.");
        }

        if (MaxRegionsPerProcess < 4 || MaxRegionsPerProcess > 1 << 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRegionsPerProcess), "Between 4 and 65536 regions.");
        }
    }
}
