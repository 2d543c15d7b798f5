using System.Runtime.CompilerServices;

namespace System;

// Ordinal searches for a code unit or a substring. (IndexOf(string) is culture-sensitive in .NET: left out.)
public sealed partial class String
{
    public bool Contains(char value) => IndexOfChar(0, Length, value) >= 0;

    /// <summary>Ordinal search, as in .NET.</summary>
    public bool Contains(string value)
    {
        if (value == null)
        {
            ThrowHelper.ThrowArgumentNullException("value");
        }

        return Ordinal.IndexOf(this, value) >= 0;
    }

    public bool StartsWith(char value) => Length != 0 && _firstChar == value;

    public bool EndsWith(char value)
    {
        int lastPos = Length - 1;
        return (uint)lastPos < (uint)Length && this[lastPos] == value;
    }

    public int IndexOf(char value) => IndexOfChar(0, Length, value);

    public int IndexOf(char value, int startIndex)
    {
        if ((uint)startIndex > (uint)Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLessOrEqual);
        }

        return IndexOfChar(startIndex, Length - startIndex, value);
    }

    public int IndexOf(char value, int startIndex, int count)
    {
        if ((uint)startIndex > (uint)Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLessOrEqual);
        }

        if ((uint)count > (uint)(Length - startIndex))
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
        }

        return IndexOfChar(startIndex, count, value);
    }

    public int IndexOfAny(char[] anyOf)
    {
        if (anyOf is null)
        {
            ThrowHelper.ThrowArgumentNullException(nameof(anyOf));
        }

        for (int i = 0; i < Length; i++)
        {
            char c = Unsafe.Add(ref _firstChar, i);
            for (int j = 0; j < anyOf.Length; j++)
            {
                if (anyOf[j] == c)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public int LastIndexOf(char value) => LastIndexOfChar(0, Length, value);

    public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

    public int LastIndexOf(char value, int startIndex, int count)
    {
        if (Length == 0)
        {
            return -1;
        }

        if ((uint)startIndex >= (uint)Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_Index);
        }

        if ((uint)count > (uint)startIndex + 1)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_Count);
        }

        return LastIndexOfChar(startIndex + 1 - count, count, value);
    }

    private int IndexOfChar(int start, int count, char value)
    {
        ref char data = ref _firstChar;
        int end = start + count;
        for (int i = start; i < end; i++)
        {
            if (Unsafe.Add(ref data, i) == value)
            {
                return i;
            }
        }

        return -1;
    }

    private int LastIndexOfChar(int start, int count, char value)
    {
        ref char data = ref _firstChar;
        for (int i = start + count - 1; i >= start; i--)
        {
            if (Unsafe.Add(ref data, i) == value)
            {
                return i;
            }
        }

        return -1;
    }
}
