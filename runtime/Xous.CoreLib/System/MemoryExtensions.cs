using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// Extension methods over arrays, strings and spans. Only the ordinal, element-wise ones are here: the
/// culture-sensitive and Unicode-table ones of .NET's MemoryExtensions are left out.
/// </summary>
public static class MemoryExtensions
{
    public static Span<T> AsSpan<T>(this T[]? array) => new Span<T>(array);

    public static Span<T> AsSpan<T>(this T[]? array, int start)
    {
        if (array == null)
        {
            if (start != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException();
            }

            return default;
        }

        if ((uint)start > (uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new Span<T>(array, start, array.Length - start);
    }

    public static Span<T> AsSpan<T>(this T[]? array, int start, int length) => new Span<T>(array, start, length);

    public static Span<T> AsSpan<T>(this T[]? array, Index startIndex)
    {
        if (array == null)
        {
            if (!startIndex.Equals(Index.Start))
            {
                ThrowHelper.ThrowArgumentOutOfRangeException();
            }

            return default;
        }

        int actualIndex = startIndex.GetOffset(array.Length);
        if ((uint)actualIndex > (uint)array.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException();
        }

        return new Span<T>(array, actualIndex, array.Length - actualIndex);
    }

    public static Span<T> AsSpan<T>(this T[]? array, Range range)
    {
        if (array == null)
        {
            Index startIndex = range.Start;
            Index endIndex = range.End;
            if (!startIndex.Equals(Index.Start) || !endIndex.Equals(Index.Start))
            {
                ThrowHelper.ThrowArgumentNullException("array");
            }

            return default;
        }

        (int start, int length) = range.GetOffsetAndLength(array.Length);
        return new Span<T>(array, start, length);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text)
    {
        if (text == null)
        {
            return default;
        }

        return new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text, int start)
    {
        if (text == null)
        {
            if (start != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException("start");
            }

            return default;
        }

        if ((uint)start > (uint)text.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("start");
        }

        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), (nint)(uint)start), text.Length - start);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text, int start, int length)
    {
        if (text == null)
        {
            if (start != 0 || length != 0)
            {
                ThrowHelper.ThrowArgumentOutOfRangeException(start != 0 ? "start" : "length");
            }

            return default;
        }

        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)text.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(start < 0 || (uint)start > (uint)text.Length ? "start" : "length");
        }

        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), (nint)(uint)start), length);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text, Index startIndex)
    {
        if (text == null)
        {
            if (!startIndex.Equals(Index.Start))
            {
                ThrowHelper.ThrowArgumentOutOfRangeException("startIndex");
            }

            return default;
        }

        int actualIndex = startIndex.GetOffset(text.Length);
        if ((uint)actualIndex > (uint)text.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("startIndex");
        }

        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), (nint)(uint)actualIndex), text.Length - actualIndex);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text, Range range)
    {
        if (text == null)
        {
            Index startIndex = range.Start;
            Index endIndex = range.End;
            if (!startIndex.Equals(Index.Start) || !endIndex.Equals(Index.Start))
            {
                ThrowHelper.ThrowArgumentNullException("text");
            }

            return default;
        }

        (int start, int length) = range.GetOffsetAndLength(text.Length);
        return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), (nint)(uint)start), length);
    }

    public static void CopyTo<T>(this T[]? source, Span<T> destination) => new ReadOnlySpan<T>(source).CopyTo(destination);

    public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), value, span.Length) >= 0;

    public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), value, span.Length) >= 0;

    public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), value, span.Length);

    public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), value, span.Length);

    public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), span.Length, ref MemoryMarshal.GetReference(value), value.Length);

    public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        SpanHelpers.IndexOf(ref MemoryMarshal.GetReference(span), span.Length, ref MemoryMarshal.GetReference(value), value.Length);

    public static int LastIndexOf<T>(this Span<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.LastIndexOf(ref MemoryMarshal.GetReference(span), value, span.Length);

    public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? =>
        SpanHelpers.LastIndexOf(ref MemoryMarshal.GetReference(span), value, span.Length);

    public static int LastIndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        LastIndexOf((ReadOnlySpan<T>)span, value);

    public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>?
    {
        if (value.Length == 0)
        {
            return span.Length;
        }

        for (int i = span.Length - value.Length; i >= 0; i--)
        {
            if (SpanHelpers.SequenceEqual(ref Unsafe.Add(ref MemoryMarshal.GetReference(span), i), ref MemoryMarshal.GetReference(value), value.Length))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>? =>
        span.Length == other.Length && SpanHelpers.SequenceEqual(ref MemoryMarshal.GetReference(span), ref MemoryMarshal.GetReference(other), span.Length);

    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>? =>
        span.Length == other.Length && SpanHelpers.SequenceEqual(ref MemoryMarshal.GetReference(span), ref MemoryMarshal.GetReference(other), span.Length);

    public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        StartsWith((ReadOnlySpan<T>)span, value);

    public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>?
    {
        int valueLength = value.Length;
        return valueLength <= span.Length &&
            SpanHelpers.SequenceEqual(ref MemoryMarshal.GetReference(span), ref MemoryMarshal.GetReference(value), valueLength);
    }

    public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? =>
        span.Length != 0 && (span[0]?.Equals(value) ?? (value is null));

    public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        EndsWith((ReadOnlySpan<T>)span, value);

    public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>?
    {
        int spanLength = span.Length;
        int valueLength = value.Length;
        return valueLength <= spanLength &&
            SpanHelpers.SequenceEqual(
                ref Unsafe.Add(ref MemoryMarshal.GetReference(span), (nint)(uint)(spanLength - valueLength)),
                ref MemoryMarshal.GetReference(value),
                valueLength);
    }

    public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? =>
        span.Length != 0 && (span[span.Length - 1]?.Equals(value) ?? (value is null));

    public static void Reverse<T>(this Span<T> span) => SpanHelpers.Reverse(ref MemoryMarshal.GetReference(span), (nuint)span.Length);
}
