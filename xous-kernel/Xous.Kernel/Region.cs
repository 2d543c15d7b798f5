using Xous.Abi;

namespace Xous.Kernel;

/// <summary>What a process may do with the pages of a region.</summary>
internal enum RegionKind : byte
{
    /// <summary>The process owns the frames and may use them.</summary>
    Owned,

    /// <summary>Owned, but lent in a Borrow or MutableBorrow: inaccessible until the server returns them.</summary>
    Lent,

    /// <summary>
    /// Owned, but given away in a queued Move: inaccessible, and gone once the server receives it. Also the server's
    /// hold on the pages of a queued Move whose sender has ended (they become owned when the server receives it).
    /// </summary>
    Moving,

    /// <summary>A server's view of another process's lent frames (not owned).</summary>
    Borrowed,

    /// <summary>Frames lent by a process that has since ended: now owned by the server until it replies.</summary>
    Forgotten,
}

/// <summary>What a range check is for; decides which error a page in the wrong state gives.</summary>
internal enum RangeUse : byte
{
    /// <summary>UnmapMemory: owned, non-heap pages.</summary>
    Unmap,

    /// <summary>Borrow or MutableBorrow: owned pages, heap included.</summary>
    Lend,

    /// <summary>Move: owned, non-heap pages.</summary>
    Move,

    /// <summary>DecreaseHeap: owned heap pages.</summary>
    HeapShrink,

    /// <summary>UpdateMemoryFlags: owned pages, heap included.</summary>
    Flags,
}

/// <summary>
/// A run of virtual pages of one process backed by consecutive frames, all in the same state: the kernel's page
/// table entry, by extent rather than by page.
/// </summary>
internal struct Region
{
    /// <summary>First virtual page.</summary>
    public uint Page;

    /// <summary>Number of pages (at least 1).</summary>
    public uint Pages;

    /// <summary>Frame of the first page; page <c>Page + i</c> is frame <c>Frame + i</c>.</summary>
    public int Frame;

    /// <summary>R, W and X as the process sees them.</summary>
    public MemoryFlags Flags;

    /// <summary>The state of the pages.</summary>
    public RegionKind Kind;

    /// <summary>True for heap pages (grown by IncreaseHeap).</summary>
    public bool Heap;

    /// <summary>One past the last page.</summary>
    public readonly uint End => Page + Pages;

    /// <summary>True when the kind owns its frames (the frame tracker names this process).</summary>
    public readonly bool OwnsFrames => Kind != RegionKind.Borrowed;

    /// <summary>True when the process may access the pages now.</summary>
    public readonly bool IsAccessible => Kind is RegionKind.Owned or RegionKind.Borrowed or RegionKind.Forgotten;
}
