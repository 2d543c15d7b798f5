using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// An immutable sequence of UTF-16 code units. Layout as in .NET: the header, an int32 length, then the code
/// units followed by a NUL terminator. The public constructors are <c>extern</c>: tools/ilcompiler turns
/// <c>newobj String::.ctor(args)</c> into a call of the static <c>Ctor(args)</c> overload with the same
/// parameters, which allocates and returns the string (docs/device-profile.md).
/// Culture-sensitive members (Compare, CompareTo, StartsWith(string), IndexOf(string), ToUpper...) are left out.
/// </summary>
public sealed partial class String : IEquatable<string?>
{
    /// <summary>The empty string.</summary>
    public static readonly string Empty = "";

    private readonly int _stringLength;
    private char _firstChar;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[]? value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char[] value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern unsafe String(char* value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern unsafe String(char* value, int startIndex, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(char c, int count);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern String(ReadOnlySpan<char> value);

    public int Length => _stringLength;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength)
            {
                ThrowHelper.ThrowIndexOutOfRangeException();
            }

            return Unsafe.Add(ref _firstChar, (nint)(uint)index);
        }
    }

    internal ref char GetRawStringData() => ref _firstChar;

    /// <summary>A reference to the first code unit (the terminator for the empty string), for <c>fixed</c>.</summary>
    public ref readonly char GetPinnableReference() => ref _firstChar;

    public static implicit operator ReadOnlySpan<char>(string? value) =>
        value != null ? new ReadOnlySpan<char>(ref value.GetRawStringData(), value.Length) : default;

    public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => value == null || value.Length == 0;

    public static bool IsNullOrWhiteSpace([NotNullWhen(false)] string? value)
    {
        if (value == null)
        {
            return true;
        }

        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => this;

    public override bool Equals([NotNullWhen(true)] object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is not string str)
        {
            return false;
        }

        if (_stringLength != str._stringLength)
        {
            return false;
        }

        return EqualsHelper(this, str);
    }

    public bool Equals([NotNullWhen(true)] string? value)
    {
        if (ReferenceEquals(this, value))
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        if (_stringLength != value._stringLength)
        {
            return false;
        }

        return EqualsHelper(this, value);
    }

    public static bool Equals(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a._stringLength != b._stringLength)
        {
            return false;
        }

        return EqualsHelper(a, b);
    }

    public static bool operator ==(string? a, string? b) => Equals(a, b);

    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    private static bool EqualsHelper(string strA, string strB) =>
        Ordinal.EqualsOrdinal(strA, strB);

    /// <summary>A deterministic hash of the code units (docs/device-profile.md, "String hashing").</summary>
    public override int GetHashCode() => StringHash.Compute(this);

    /// <summary>The same hash as <see cref="GetHashCode()"/> of a string with these code units.</summary>
    public static int GetHashCode(ReadOnlySpan<char> value) => StringHash.Compute(value);

    public static int CompareOrdinal(string? strA, string? strB)
    {
        if (ReferenceEquals(strA, strB))
        {
            return 0;
        }

        if (strA is null)
        {
            return -1;
        }

        if (strB is null)
        {
            return 1;
        }

        return Ordinal.CompareStrings(strA, strB);
    }

    public static int CompareOrdinal(string? strA, int indexA, string? strB, int indexB, int length)
    {
        if (strA == null || strB == null)
        {
            if (ReferenceEquals(strA, strB))
            {
                return 0;
            }

            return strA == null ? -1 : 1;
        }

        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), SR.ArgumentOutOfRange_NegativeCount);
        }

        if (indexA < 0 || indexB < 0)
        {
            throw new ArgumentOutOfRangeException(indexA < 0 ? nameof(indexA) : nameof(indexB), SR.ArgumentOutOfRange_NeedNonNegNum);
        }

        int lengthA = strA.Length - indexA < length ? strA.Length - indexA : length;
        int lengthB = strB.Length - indexB < length ? strB.Length - indexB : length;

        if (lengthA < 0 || lengthB < 0)
        {
            throw new ArgumentOutOfRangeException(lengthA < 0 ? nameof(indexA) : nameof(indexB), SR.ArgumentOutOfRange_Index);
        }

        if (length == 0 || (ReferenceEquals(strA, strB) && indexA == indexB))
        {
            return 0;
        }

        return Ordinal.CompareSpans(strA.AsSpan(indexA, lengthA), strB.AsSpan(indexB, lengthB));
    }

    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), SR.ArgumentOutOfRange_NegativeCount);
        }

        if (sourceIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), SR.ArgumentOutOfRange_Index);
        }

        if (count > Length - sourceIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex), SR.ArgumentOutOfRange_IndexCount);
        }

        if (destinationIndex > destination.Length - count || destinationIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(destinationIndex), SR.ArgumentOutOfRange_IndexCount);
        }

        SpanHelpers.Memmove(
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(destination), (nint)(uint)destinationIndex),
            ref Unsafe.Add(ref _firstChar, (nint)(uint)sourceIndex),
            (uint)count);
    }

    public void CopyTo(Span<char> destination)
    {
        if ((uint)Length > (uint)destination.Length)
        {
            ThrowHelper.ThrowArgumentException_DestinationTooShort();
        }

        SpanHelpers.Memmove(ref MemoryMarshal.GetReference(destination), ref _firstChar, (uint)Length);
    }

    public bool TryCopyTo(Span<char> destination)
    {
        if ((uint)Length > (uint)destination.Length)
        {
            return false;
        }

        SpanHelpers.Memmove(ref MemoryMarshal.GetReference(destination), ref _firstChar, (uint)Length);
        return true;
    }

    public char[] ToCharArray()
    {
        if (Length == 0)
        {
            return Array.Empty<char>();
        }

        char[] chars = new char[Length];
        SpanHelpers.Memmove(ref MemoryMarshal.GetArrayDataReference(chars), ref _firstChar, (uint)Length);
        return chars;
    }

    public char[] ToCharArray(int startIndex, int length)
    {
        if (startIndex < 0 || startIndex > Length || startIndex > Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_Index);
        }

        if (length <= 0)
        {
            if (length == 0)
            {
                return Array.Empty<char>();
            }

            throw new ArgumentOutOfRangeException(nameof(length), SR.ArgumentOutOfRange_Index);
        }

        char[] chars = new char[length];
        SpanHelpers.Memmove(
            ref MemoryMarshal.GetArrayDataReference(chars),
            ref Unsafe.Add(ref _firstChar, (nint)(uint)startIndex),
            (uint)length);
        return chars;
    }

    /// <summary>A new string of <paramref name="length"/> code units, all zero (the caller fills it).</summary>
    internal static string FastAllocateString(int length) => DeviceRuntime.AllocateString(length);

    internal static unsafe int StrLen(char* ptr)
    {
        int length = 0;
        while (ptr[length] != '\0')
        {
            length++;
        }

        return length;
    }
}
