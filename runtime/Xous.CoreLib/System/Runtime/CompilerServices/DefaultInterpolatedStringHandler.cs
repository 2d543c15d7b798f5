namespace System.Runtime.CompilerServices;

/// <summary>
/// What the C# compiler uses to build <c>$"..."</c> strings. Appends into a growing char[] and makes the string
/// at the end. Holes may be of any type; an alignment (<c>{x,8}</c>) pads with spaces as in .NET. A format
/// (<c>{x:X8}</c>, <c>{x:#,##0}</c>) is applied as .NET applies it with the invariant culture: integers take every
/// standard and custom numeric format, enums the enum formats (G, D, X, F), and every other type ignores it (in
/// .NET only IFormattable types use a format, and no device type can implement IFormattable). Primitive integers,
/// char and bool are written without allocating; other values through their ToString().
/// </summary>
[InterpolatedStringHandler]
public ref struct DefaultInterpolatedStringHandler
{
    private const int GuessedLengthPerHole = 11;
    private const int MinimumLength = 16;

    private char[]? _array;
    private Span<char> _chars;
    private int _pos;

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        int length = literalLength + (formattedCount * GuessedLengthPerHole);
        _array = new char[length < MinimumLength ? MinimumLength : length];
        _chars = _array;
        _pos = 0;
    }

    /// <summary>The text written so far.</summary>
    public ReadOnlySpan<char> Text => _chars.Slice(0, _pos);

    public override string ToString() => new string(Text);

    public string ToStringAndClear()
    {
        string result = new string(Text);
        Clear();
        return result;
    }

    public void Clear()
    {
        _array = null;
        this = default;
    }

    public void AppendLiteral(string value) => AppendSpan(value);

    public void AppendFormatted<T>(T value)
    {
        if (value is IDefaultSpanFormattable)
        {
            int charsWritten;
            while (!((IDefaultSpanFormattable)value).TryFormat(_chars.Slice(_pos), out charsWritten))
            {
                Grow(Number.MaxInt64Chars);
            }

            _pos += charsWritten;
            return;
        }

        string? s = value?.ToString();
        if (s is not null)
        {
            AppendSpan(s);
        }
    }

    public void AppendFormatted<T>(T value, int alignment)
    {
        int startingPos = _pos;
        AppendFormatted(value);
        if (alignment != 0)
        {
            AppendOrInsertAlignmentIfNeeded(startingPos, alignment);
        }
    }

    /// <summary>The value formatted by <paramref name="format"/> (see the type's summary); FormatException for an invalid format.</summary>
    public void AppendFormatted<T>(T value, string? format)
    {
        if (value is IDefaultSpanFormattable)
        {
            int charsWritten;
            while (!((IDefaultSpanFormattable)value).TryFormat(_chars.Slice(_pos), out charsWritten, format))
            {
                Grow(MinimumLength);
            }

            _pos += charsWritten;
            return;
        }

        if (value is Enum)
        {
            AppendSpan(((Enum)(object)value).ToString(format));
            return;
        }

        string? s = value?.ToString();
        if (s is not null)
        {
            AppendSpan(s);
        }
    }

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        int startingPos = _pos;
        AppendFormatted(value, format);
        if (alignment != 0)
        {
            AppendOrInsertAlignmentIfNeeded(startingPos, alignment);
        }
    }

    public void AppendFormatted(scoped ReadOnlySpan<char> value) => AppendSpan(value);

    /// <summary>As in .NET, the format is ignored for text.</summary>
    public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string? format = null)
    {
        int startingPos = _pos;
        AppendSpan(value);
        if (alignment != 0)
        {
            AppendOrInsertAlignmentIfNeeded(startingPos, alignment);
        }
    }

    public void AppendFormatted(string? value) => AppendSpan(value);

    /// <summary>As in .NET, the format is ignored for strings.</summary>
    public void AppendFormatted(string? value, int alignment = 0, string? format = null) =>
        AppendFormatted(value.AsSpan(), alignment, format);

    private void AppendSpan(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > _chars.Length - _pos)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars.Slice(_pos));
        _pos += value.Length;
    }

    private void AppendOrInsertAlignmentIfNeeded(int startingPos, int alignment)
    {
        int charsWritten = _pos - startingPos;
        bool leftAlign = false;
        if (alignment < 0)
        {
            leftAlign = true;
            alignment = -alignment;
        }

        int paddingNeeded = alignment - charsWritten;
        if (paddingNeeded > 0)
        {
            if (paddingNeeded > _chars.Length - _pos)
            {
                Grow(paddingNeeded);
            }

            if (leftAlign)
            {
                _chars.Slice(_pos, paddingNeeded).Fill(' ');
            }
            else
            {
                _chars.Slice(startingPos, charsWritten).CopyTo(_chars.Slice(startingPos + paddingNeeded));
                _chars.Slice(startingPos, paddingNeeded).Fill(' ');
            }

            _pos += paddingNeeded;
        }
    }

    private void Grow(int additionalChars)
    {
        long required = (long)_pos + additionalChars;
        long doubled = (long)_chars.Length * 2;
        long newLength = required > doubled ? required : doubled;
        if (newLength > Array.MaxLength)
        {
            newLength = required > Array.MaxLength ? required : Array.MaxLength;
        }

        char[] newArray = new char[checked((int)newLength)];
        _chars.Slice(0, _pos).CopyTo(newArray);
        _array = newArray;
        _chars = newArray;
    }
}
