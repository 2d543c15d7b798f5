using Xous.Abi;

namespace Xous.Kernel;

/// <summary>The fixed layout of every address space (reference §2.2) and the table sizes of §2.1, in pages.</summary>
internal static class Layout
{
    /// <summary>log2 of the page size.</summary>
    public const int PageShift = 12;

    /// <summary>Bytes in a page.</summary>
    public const uint PageSize = Limits.PageSize;

    /// <summary>Where the heap starts (<c>DEFAULT_HEAP_BASE</c>).</summary>
    public const uint HeapBase = 0x2000_0000;

    /// <summary>Where lent and moved message pages are mapped in a server (<c>DEFAULT_MESSAGE_BASE</c>).</summary>
    public const uint MessageBase = 0x4000_0000;

    /// <summary>Where <c>MapMemory(virt = 0)</c> allocations start (<c>DEFAULT_BASE</c>); also the end of the message area.</summary>
    public const uint DefaultBase = 0x6000_0000;

    /// <summary>The end of user space (<c>USER_AREA_END</c>), exclusive.</summary>
    public const uint UserEnd = 0xFF00_0000;

    /// <summary>The largest heap: the heap may not grow into the message area.</summary>
    public const uint HeapWindow = MessageBase - HeapBase;

    /// <summary>First page of the heap.</summary>
    public const uint HeapBasePage = HeapBase >> PageShift;

    /// <summary>First page of the message area.</summary>
    public const uint MessageBasePage = MessageBase >> PageShift;

    /// <summary>First page of the default area (end of the message area).</summary>
    public const uint DefaultBasePage = DefaultBase >> PageShift;

    /// <summary>One past the last user page.</summary>
    public const uint UserEndPage = UserEnd >> PageShift;

    /// <summary>Thread slots per process.</summary>
    public const int MaxThreads = Limits.MaxThreadsPerProcess;

    /// <summary>The initial thread of a process.</summary>
    public const int InitialThread = 2;

    /// <summary>The lowest thread id CreateThread hands out.</summary>
    public const int FirstCreatedThread = 3;

    /// <summary>Servers system-wide.</summary>
    public const int MaxServers = Limits.MaxServers;

    /// <summary>Slots in a server's queue.</summary>
    public const int QueueLength = Limits.ServerQueueLength;

    /// <summary>Bits of the queue slot in the low 16 bits of a <see cref="MessageSender"/>.</summary>
    public const int SlotBits = 7;

    /// <summary>Mask of the 9-bit slot generation.</summary>
    public const int GenerationMask = 0x1FF;

    /// <summary>Connection slots per process.</summary>
    public const int MaxConnections = Limits.MaxConnectionsPerProcess;

    /// <summary>How often CreateServer draws a new random SID when it collides with a live server.</summary>
    public const int ServerIdAttempts = 16;

    /// <summary>True when the word is a page multiple.</summary>
    public static bool IsPageAligned(nuint word) => (word & (PageSize - 1)) == 0;

    /// <summary>True when [address, address + size) lies inside user space (and does not wrap).</summary>
    public static bool IsUserRange(nuint address, nuint size) => address < UserEnd && size <= UserEnd - address;

    /// <summary>The page number of an address known to lie in user space.</summary>
    public static uint PageOf(nuint address) => (uint)(address >> PageShift);

    /// <summary>The address of a page.</summary>
    public static nuint AddressOf(uint page) => (nuint)page << PageShift;

    /// <summary>The byte size of a page count.</summary>
    public static nuint BytesOf(uint pages) => (nuint)pages << PageShift;
}
