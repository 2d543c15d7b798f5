using System;

namespace Xous.Abi;

/// <summary>
/// Flags of <see cref="SyscallNumber.MapMemory"/>, <see cref="SyscallNumber.IncreaseHeap"/> and
/// <see cref="SyscallNumber.UpdateMemoryFlags"/> (<c>xous-rs/src/definitions/memoryflags.rs</c>).
/// Values above <see cref="MemoryFlagsRules.MaximumEncoded"/> are rejected when decoding.
/// </summary>
[Flags]
public enum MemoryFlags : uint
{
    /// <summary>No flags: free the memory.</summary>
    Free = 0,

    /// <summary>Allocate now instead of on first touch.</summary>
    Reserve = 0b1,

    /// <summary>Readable.</summary>
    R = 0b10,

    /// <summary>Writable. Writable without readable is an error.</summary>
    W = 0b100,

    /// <summary>Executable.</summary>
    X = 0b1000,

    /// <summary>A device page.</summary>
    Dev = 0b1_0000,

    /// <summary>Pure virtual (memory-mapped flash).</summary>
    Virt = 0b10_0000,
}

/// <summary>Validation of <see cref="MemoryFlags"/> words.</summary>
public static class MemoryFlagsRules
{
    /// <summary>The largest encodable flag word (all defined flags set).</summary>
    public const uint MaximumEncoded = 0x3F;

    /// <summary>Decodes a flag word; false when it has bits above <see cref="MaximumEncoded"/>.</summary>
    public static bool TryDecode(nuint word, out MemoryFlags flags)
    {
        if (word > MaximumEncoded)
        {
            flags = MemoryFlags.Free;
            return false;
        }

        flags = (MemoryFlags)(uint)word;
        return true;
    }

    /// <summary>True when the flags ask for writable memory that is not readable (an error in Xous).</summary>
    public static bool IsWriteWithoutRead(MemoryFlags flags) =>
        (flags & MemoryFlags.W) != 0 && (flags & MemoryFlags.R) == 0;
}
