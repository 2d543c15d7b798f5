using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

// The bodies of the extern String constructors: tools/ilcompiler compiles `newobj String::.ctor(args)` as a
// call of the Ctor overload with the same parameter list (docs/device-profile.md, "String construction").
public sealed partial class String
{
    private static string Ctor(char[]? value)
    {
        if (value == null || value.Length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(value.Length);
        SpanHelpers.Memmove(ref result._firstChar, ref MemoryMarshal.GetArrayDataReference(value), (uint)value.Length);
        return result;
    }

    private static string Ctor(char[] value, int startIndex, int length)
    {
        ArgumentNullException.ThrowIfNull(value);
        ThrowIfNegative(startIndex, nameof(startIndex));
        ThrowIfNegative(length, nameof(length));
        if (startIndex > value.Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_IndexMustBeLessOrEqual);
        }

        if (length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(length);
        SpanHelpers.Memmove(
            ref result._firstChar,
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(value), (nint)(uint)startIndex),
            (uint)length);
        return result;
    }

    private static unsafe string Ctor(char* ptr)
    {
        if (ptr == null)
        {
            return Empty;
        }

        int count = StrLen(ptr);
        if (count == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(count);
        SpanHelpers.Memmove(ref result._firstChar, ref *ptr, (uint)count);
        return result;
    }

    private static unsafe string Ctor(char* ptr, int startIndex, int length)
    {
        ThrowIfNegative(length, nameof(length));
        ThrowIfNegative(startIndex, nameof(startIndex));
        char* pStart = ptr + startIndex;

        // overflow check
        if (pStart < ptr)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), SR.ArgumentOutOfRange_PartialWCHAR);
        }

        if (length == 0)
        {
            return Empty;
        }

        if (ptr == null)
        {
            throw new ArgumentOutOfRangeException(nameof(ptr), SR.ArgumentOutOfRange_PartialWCHAR);
        }

        string result = FastAllocateString(length);
        SpanHelpers.Memmove(ref result._firstChar, ref *pStart, (uint)length);
        return result;
    }

    private static string Ctor(char c, int count)
    {
        if (count > 0)
        {
            string result = FastAllocateString(count);
            if (c != '\0')
            {
                SpanHelpers.Fill(ref result._firstChar, (uint)count, c);
            }

            return result;
        }

        if (count == 0)
        {
            return Empty;
        }

        ThrowIfNegative(count, nameof(count));
        return Empty;
    }

    private static string Ctor(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(value.Length);
        SpanHelpers.Memmove(ref result._firstChar, ref MemoryMarshal.GetReference(value), (uint)value.Length);
        return result;
    }

    /// <summary>As .NET's ArgumentOutOfRangeException.ThrowIfNegative for an int.</summary>
    internal static void ThrowIfNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                SR.Format(SR.ArgumentOutOfRange_Generic_MustBeNonNegative, paramName, value.ToString()));
        }
    }
}
