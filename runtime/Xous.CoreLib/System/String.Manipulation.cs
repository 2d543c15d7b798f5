using System.Buffers;
using System.Runtime.CompilerServices;

namespace System;

// Substring, Insert, Remove, Replace, Pad and Trim: ordinal operations that build a new string.
public sealed partial class String
{
    public static string Create<TState>(int length, TState state, SpanAction<char, TState> action)
    {
        if (action is null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(action));
        }

        if (length <= 0)
        {
            if (length == 0)
            {
                return Empty;
            }

            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(length));
        }

        string result = FastAllocateString(length);
        action(new Span<char>(ref result._firstChar, length), state);
        return result;
    }

    public string Substring(int startIndex)
    {
        if (startIndex == 0)
        {
            return this;
        }

        int length = Length - startIndex;
        if (length == 0)
        {
            return Empty;
        }

        if ((uint)startIndex > (uint)Length)
        {
            ThrowSubstringArgumentOutOfRange(startIndex, length);
        }

        return InternalSubString(startIndex, length);
    }

    public string Substring(int startIndex, int length)
    {
        if ((ulong)(uint)startIndex + (uint)length > (uint)Length)
        {
            ThrowSubstringArgumentOutOfRange(startIndex, length);
        }

        if (length == 0)
        {
            return Empty;
        }

        if (length == Length)
        {
            return this;
        }

        return InternalSubString(startIndex, length);
    }

    private void ThrowSubstringArgumentOutOfRange(int startIndex, int length)
    {
        ThrowIfNegative(startIndex, nameof(startIndex));
        if (startIndex > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_StartIndexLargerThanLength);
        }

        ThrowIfNegative(length, nameof(length));
        throw new ArgumentOutOfRangeException(nameof(length), SR.ArgumentOutOfRange_IndexLength);
    }

    private string InternalSubString(int startIndex, int length)
    {
        string result = FastAllocateString(length);
        SpanHelpers.Memmove(ref result._firstChar, ref Unsafe.Add(ref _firstChar, (nint)(uint)startIndex), (uint)length);
        return result;
    }

    public string Insert(int startIndex, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if ((uint)startIndex > (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex));
        }

        int oldLength = Length;
        int insertLength = value.Length;
        if (oldLength == 0)
        {
            return value;
        }

        if (insertLength == 0)
        {
            return this;
        }

        int newLength = oldLength + insertLength;
        if (newLength < 0)
        {
            throw new OutOfMemoryException();
        }

        string result = FastAllocateString(newLength);
        Span<char> destination = new Span<char>(ref result._firstChar, newLength);
        this.AsSpan(0, startIndex).CopyTo(destination);
        value.AsSpan().CopyTo(destination.Slice(startIndex));
        this.AsSpan(startIndex).CopyTo(destination.Slice(startIndex + insertLength));
        return result;
    }

    public string Remove(int startIndex, int count)
    {
        ThrowIfNegative(startIndex, nameof(startIndex));
        ThrowIfNegative(count, nameof(count));
        int oldLength = Length;
        if (count > oldLength - startIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_IndexCount);
        }

        if (count == 0)
        {
            return this;
        }

        int newLength = oldLength - count;
        if (newLength == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(newLength);
        Span<char> destination = new Span<char>(ref result._firstChar, newLength);
        this.AsSpan(0, startIndex).CopyTo(destination);
        this.AsSpan(startIndex + count).CopyTo(destination.Slice(startIndex));
        return result;
    }

    public string Remove(int startIndex)
    {
        if ((uint)startIndex > (uint)Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(startIndex),
                startIndex < 0 ? SR.ArgumentOutOfRange_StartIndex : SR.ArgumentOutOfRange_StartIndexLargerThanLength);
        }

        return Substring(0, startIndex);
    }

    public string Replace(char oldChar, char newChar)
    {
        if (oldChar == newChar)
        {
            return this;
        }

        int firstIndex = IndexOf(oldChar);
        if (firstIndex < 0)
        {
            return this;
        }

        string result = FastAllocateString(Length);
        Span<char> destination = new Span<char>(ref result._firstChar, Length);
        this.AsSpan(0, firstIndex).CopyTo(destination);
        for (int i = firstIndex; i < Length; i++)
        {
            char c = Unsafe.Add(ref _firstChar, i);
            destination[i] = c == oldChar ? newChar : c;
        }

        return result;
    }

    /// <summary>Replaces every ordinal, non-overlapping occurrence, left to right, as in .NET.</summary>
    public string Replace(string oldValue, string? newValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(oldValue);
        newValue ??= Empty;

        int count = 0;
        int position = 0;
        while (true)
        {
            int found = Ordinal.IndexOf(this.AsSpan(position), oldValue);
            if (found < 0)
            {
                break;
            }

            count++;
            position += found + oldValue.Length;
        }

        if (count == 0)
        {
            return this;
        }

        long newLength = Length + ((long)newValue.Length - oldValue.Length) * count;
        if (newLength > int.MaxValue)
        {
            throw new OutOfMemoryException();
        }

        if (newLength == 0)
        {
            return Empty;
        }

        string result = FastAllocateString((int)newLength);
        Span<char> destination = new Span<char>(ref result._firstChar, (int)newLength);
        int source = 0;
        int written = 0;
        while (true)
        {
            int found = Ordinal.IndexOf(this.AsSpan(source), oldValue);
            if (found < 0)
            {
                break;
            }

            this.AsSpan(source, found).CopyTo(destination.Slice(written));
            written += found;
            newValue.AsSpan().CopyTo(destination.Slice(written));
            written += newValue.Length;
            source += found + oldValue.Length;
        }

        this.AsSpan(source).CopyTo(destination.Slice(written));
        return result;
    }

    public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

    public string PadLeft(int totalWidth, char paddingChar)
    {
        ThrowIfNegative(totalWidth, nameof(totalWidth));
        int oldLength = Length;
        int count = totalWidth - oldLength;
        if (count <= 0)
        {
            return this;
        }

        string result = FastAllocateString(totalWidth);
        Span<char> destination = new Span<char>(ref result._firstChar, totalWidth);
        destination.Slice(0, count).Fill(paddingChar);
        this.AsSpan().CopyTo(destination.Slice(count));
        return result;
    }

    public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

    public string PadRight(int totalWidth, char paddingChar)
    {
        ThrowIfNegative(totalWidth, nameof(totalWidth));
        int oldLength = Length;
        int count = totalWidth - oldLength;
        if (count <= 0)
        {
            return this;
        }

        string result = FastAllocateString(totalWidth);
        Span<char> destination = new Span<char>(ref result._firstChar, totalWidth);
        this.AsSpan().CopyTo(destination);
        destination.Slice(oldLength).Fill(paddingChar);
        return result;
    }

    /// <summary>Removes leading and trailing white space (<see cref="char.IsWhiteSpace(char)"/>).</summary>
    public string Trim() => TrimCore(null, '\0', singleChar: false, trimStart: true, trimEnd: true);

    public string TrimStart() => TrimCore(null, '\0', singleChar: false, trimStart: true, trimEnd: false);

    public string TrimEnd() => TrimCore(null, '\0', singleChar: false, trimStart: false, trimEnd: true);

    public string Trim(char trimChar) => TrimCore(null, trimChar, singleChar: true, trimStart: true, trimEnd: true);

    public string TrimStart(char trimChar) => TrimCore(null, trimChar, singleChar: true, trimStart: true, trimEnd: false);

    public string TrimEnd(char trimChar) => TrimCore(null, trimChar, singleChar: true, trimStart: false, trimEnd: true);

    /// <summary>Removes the given characters from both ends; null or empty means white space.</summary>
    public string Trim(params char[]? trimChars) => TrimCore(trimChars, '\0', singleChar: false, trimStart: true, trimEnd: true);

    public string TrimStart(params char[]? trimChars) => TrimCore(trimChars, '\0', singleChar: false, trimStart: true, trimEnd: false);

    public string TrimEnd(params char[]? trimChars) => TrimCore(trimChars, '\0', singleChar: false, trimStart: false, trimEnd: true);

    private string TrimCore(char[]? trimChars, char trimChar, bool singleChar, bool trimStart, bool trimEnd)
    {
        int start = 0;
        int end = Length - 1;
        if (trimStart)
        {
            while (start < Length && IsTrimmed(Unsafe.Add(ref _firstChar, start), trimChars, trimChar, singleChar))
            {
                start++;
            }
        }

        if (trimEnd)
        {
            while (end >= start && IsTrimmed(Unsafe.Add(ref _firstChar, end), trimChars, trimChar, singleChar))
            {
                end--;
            }
        }

        int length = end - start + 1;
        return length == Length ? this : length == 0 ? Empty : InternalSubString(start, length);
    }

    private static bool IsTrimmed(char c, char[]? trimChars, char trimChar, bool singleChar)
    {
        if (singleChar)
        {
            return c == trimChar;
        }

        if (trimChars == null || trimChars.Length == 0)
        {
            return char.IsWhiteSpace(c);
        }

        for (int i = 0; i < trimChars.Length; i++)
        {
            if (trimChars[i] == c)
            {
                return true;
            }
        }

        return false;
    }
}
