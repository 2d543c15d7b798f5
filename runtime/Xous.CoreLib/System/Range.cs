namespace System;

/// <summary>A range of a sequence from a start index (inclusive) to an end index (exclusive).</summary>
public readonly struct Range : IEquatable<Range>
{
    public Index Start { get; }

    public Index End { get; }

    public Range(Index start, Index end)
    {
        Start = start;
        End = end;
    }

    public override bool Equals(object? value) =>
        value is Range r && r.Start.Equals(Start) && r.End.Equals(End);

    public bool Equals(Range other) => other.Start.Equals(Start) && other.End.Equals(End);

    /// <summary>As .NET's HashCode.Combine of the two indexes would be not reproducible, a fixed mix of both.</summary>
    public override int GetHashCode() => (Start.GetHashCode() * 31) + End.GetHashCode();

    public override string ToString() => string.Concat(Start.ToString(), "..", End.ToString());

    public static Range StartAt(Index start) => new Range(start, Index.End);

    public static Range EndAt(Index end) => new Range(Index.Start, end);

    public static Range All => new Range(Index.Start, Index.End);

    public (int Offset, int Length) GetOffsetAndLength(int length)
    {
        int start = Start.GetOffset(length);
        int end = End.GetOffset(length);
        if ((uint)end > (uint)length || (uint)start > (uint)end)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(length));
        }

        return (start, end - start);
    }
}
