using System.Runtime.CompilerServices;

namespace Xous.Cbor;

/// <summary>Kind of an open container in <see cref="CborFrame"/>.</summary>
internal enum CborFrameKind : byte
{
    Root = 0,
    Array = 1,
    Map = 2,
}

/// <summary>
/// One open container (or the root) of a writer or reader: how many items are still due, and for a map where the
/// current and the previous key are, so key order can be checked on the encoded bytes without allocating.
/// </summary>
internal struct CborFrame
{
    public CborFrameKind Kind;

    /// <summary>Items still due; a map counts keys and values separately.</summary>
    public ulong Remaining;

    /// <summary>Items already completed in this container (even index in a map = key).</summary>
    public ulong Index;

    /// <summary>Offset where the key being written or read started.</summary>
    public int KeyStart;

    /// <summary>Offset of the previous key's encoding, or -1 when there is none yet.</summary>
    public int PreviousKeyStart;

    /// <summary>Length of the previous key's encoding.</summary>
    public int PreviousKeyLength;

    public static CborFrame Create(CborFrameKind kind, ulong items) =>
        new() { Kind = kind, Remaining = items, Index = 0, KeyStart = -1, PreviousKeyStart = -1, PreviousKeyLength = 0 };

    /// <summary>True when the next item of this container is a map key.</summary>
    public readonly bool NextIsKey => Kind == CborFrameKind.Map && (Index & 1) == 0;
}

/// <summary>Fixed storage for the root frame and up to <see cref="CborReaderOptions.LargestMaxDepth"/> containers.</summary>
[InlineArray(CborReaderOptions.LargestMaxDepth + 1)]
internal struct CborFrameStack
{
    private CborFrame _element;
}
