namespace System.Collections.Generic;

/// <summary>A bit per entry of a hash set, over caller-provided storage (stack or heap), for the set operations.</summary>
internal ref struct BitHelper
{
    private const int IntSize = sizeof(int) * 8;
    private readonly Span<int> _span;

    /// <summary>Wraps <paramref name="span"/>; <paramref name="clear"/> zeroes it first (stack memory is not zeroed).</summary>
    internal BitHelper(Span<int> span, bool clear)
    {
        if (clear)
        {
            span.Clear();
        }

        _span = span;
    }

    /// <summary>Marks bit <paramref name="bitPosition"/>; positions past the storage are ignored, as in .NET.</summary>
    internal readonly void MarkBit(int bitPosition)
    {
        uint bitArrayIndex = (uint)bitPosition / IntSize;
        Span<int> span = _span;
        if (bitArrayIndex < (uint)span.Length)
        {
            span[(int)bitArrayIndex] |= 1 << (int)((uint)bitPosition % IntSize);
        }
    }

    /// <summary>Whether bit <paramref name="bitPosition"/> is marked; positions past the storage are not.</summary>
    internal readonly bool IsMarked(int bitPosition)
    {
        uint bitArrayIndex = (uint)bitPosition / IntSize;
        Span<int> span = _span;
        return bitArrayIndex < (uint)span.Length && (span[(int)bitArrayIndex] & (1 << (int)((uint)bitPosition % IntSize))) != 0;
    }

    /// <summary>How many <see cref="int"/>s hold <paramref name="n"/> bits.</summary>
    internal static int ToIntArrayLength(int n) => n > 0 ? ((n - 1) / IntSize) + 1 : 0;
}
