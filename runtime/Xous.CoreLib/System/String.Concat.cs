using System.Runtime.CompilerServices;

namespace System;

// Concat (what the C# compiler calls for `+` on strings) and Join.
public sealed partial class String
{
    public static string Concat(object? arg0) => arg0?.ToString() ?? Empty;

    public static string Concat(object? arg0, object? arg1) => Concat(arg0?.ToString(), arg1?.ToString());

    public static string Concat(object? arg0, object? arg1, object? arg2) =>
        Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

    public static string Concat(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Concat(new ReadOnlySpan<object?>(args));
    }

    public static string Concat(params ReadOnlySpan<object?> args)
    {
        if (args.Length <= 1)
        {
            return args.IsEmpty ? Empty : args[0]?.ToString() ?? Empty;
        }

        var strings = new string[args.Length];
        long totalLength = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string value = args[i]?.ToString() ?? Empty;
            strings[i] = value;
            totalLength += value.Length;
        }

        if (totalLength > int.MaxValue)
        {
            throw new OutOfMemoryException();
        }

        return ConcatKnownLength(strings, (int)totalLength);
    }

    public static string Concat(string? str0, string? str1)
    {
        if (IsNullOrEmpty(str0))
        {
            return IsNullOrEmpty(str1) ? Empty : str1;
        }

        if (IsNullOrEmpty(str1))
        {
            return str0;
        }

        int str0Length = str0.Length;
        string result = FastAllocateString(checked(str0Length + str1.Length));
        CopyStringContent(result, 0, str0);
        CopyStringContent(result, str0Length, str1);
        return result;
    }

    public static string Concat(string? str0, string? str1, string? str2)
    {
        if (IsNullOrEmpty(str0))
        {
            return Concat(str1, str2);
        }

        if (IsNullOrEmpty(str1))
        {
            return Concat(str0, str2);
        }

        if (IsNullOrEmpty(str2))
        {
            return Concat(str0, str1);
        }

        int totalLength = checked(str0.Length + str1.Length + str2.Length);
        string result = FastAllocateString(totalLength);
        CopyStringContent(result, 0, str0);
        CopyStringContent(result, str0.Length, str1);
        CopyStringContent(result, str0.Length + str1.Length, str2);
        return result;
    }

    public static string Concat(string? str0, string? str1, string? str2, string? str3)
    {
        if (IsNullOrEmpty(str0))
        {
            return Concat(str1, str2, str3);
        }

        if (IsNullOrEmpty(str1))
        {
            return Concat(str0, str2, str3);
        }

        if (IsNullOrEmpty(str2))
        {
            return Concat(str0, str1, str3);
        }

        if (IsNullOrEmpty(str3))
        {
            return Concat(str0, str1, str2);
        }

        int totalLength = checked(str0.Length + str1.Length + str2.Length + str3.Length);
        string result = FastAllocateString(totalLength);
        CopyStringContent(result, 0, str0);
        CopyStringContent(result, str0.Length, str1);
        CopyStringContent(result, str0.Length + str1.Length, str2);
        CopyStringContent(result, str0.Length + str1.Length + str2.Length, str3);
        return result;
    }

    public static string Concat(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Concat(new ReadOnlySpan<string?>(values));
    }

    public static string Concat(params ReadOnlySpan<string?> values)
    {
        if (values.Length <= 1)
        {
            return values.IsEmpty ? Empty : values[0] ?? Empty;
        }

        long totalLengthLong = 0;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (value != null)
            {
                totalLengthLong += value.Length;
            }
        }

        if (totalLengthLong > int.MaxValue)
        {
            throw new OutOfMemoryException();
        }

        int totalLength = (int)totalLengthLong;
        if (totalLength == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(totalLength);
        int copiedLength = 0;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (!IsNullOrEmpty(value))
            {
                CopyStringContent(result, copiedLength, value);
                copiedLength += value.Length;
            }
        }

        return result;
    }

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
    {
        int length = checked(str0.Length + str1.Length);
        if (length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(length);
        Span<char> resultSpan = new Span<char>(ref result._firstChar, result.Length);
        str0.CopyTo(resultSpan);
        str1.CopyTo(resultSpan.Slice(str0.Length));
        return result;
    }

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2)
    {
        int length = checked(str0.Length + str1.Length + str2.Length);
        if (length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(length);
        Span<char> resultSpan = new Span<char>(ref result._firstChar, result.Length);
        str0.CopyTo(resultSpan);
        resultSpan = resultSpan.Slice(str0.Length);
        str1.CopyTo(resultSpan);
        resultSpan = resultSpan.Slice(str1.Length);
        str2.CopyTo(resultSpan);
        return result;
    }

    public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3)
    {
        int length = checked(str0.Length + str1.Length + str2.Length + str3.Length);
        if (length == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(length);
        Span<char> resultSpan = new Span<char>(ref result._firstChar, result.Length);
        str0.CopyTo(resultSpan);
        resultSpan = resultSpan.Slice(str0.Length);
        str1.CopyTo(resultSpan);
        resultSpan = resultSpan.Slice(str1.Length);
        str2.CopyTo(resultSpan);
        resultSpan = resultSpan.Slice(str2.Length);
        str3.CopyTo(resultSpan);
        return result;
    }

    public static string Join(string? separator, params string?[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JoinCore(separator.AsSpan(), new ReadOnlySpan<string?>(value));
    }

    public static string Join(string? separator, params ReadOnlySpan<string?> value) => JoinCore(separator.AsSpan(), value);

    public static string Join(char separator, params string?[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JoinCore(new ReadOnlySpan<char>(ref separator), new ReadOnlySpan<string?>(value));
    }

    public static string Join(char separator, params ReadOnlySpan<string?> value) =>
        JoinCore(new ReadOnlySpan<char>(ref separator), value);

    private static string JoinCore(ReadOnlySpan<char> separator, ReadOnlySpan<string?> values)
    {
        if (values.Length <= 1)
        {
            return values.IsEmpty ? Empty : values[0] ?? Empty;
        }

        long totalSeparatorsLength = (long)(values.Length - 1) * separator.Length;
        if (totalSeparatorsLength > int.MaxValue)
        {
            throw new OutOfMemoryException();
        }

        int totalLength = (int)totalSeparatorsLength;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (value != null)
            {
                totalLength += value.Length;
                if (totalLength < 0)
                {
                    throw new OutOfMemoryException();
                }
            }
        }

        if (totalLength == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(totalLength);
        Span<char> resultSpan = new Span<char>(ref result._firstChar, result.Length);
        int copiedLength = 0;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (value != null)
            {
                value.AsSpan().CopyTo(resultSpan.Slice(copiedLength));
                copiedLength += value.Length;
            }

            if (i < values.Length - 1)
            {
                separator.CopyTo(resultSpan.Slice(copiedLength));
                copiedLength += separator.Length;
            }
        }

        return result;
    }

    private static string ConcatKnownLength(string[] strings, int totalLength)
    {
        if (totalLength == 0)
        {
            return Empty;
        }

        string result = FastAllocateString(totalLength);
        int position = 0;
        for (int i = 0; i < strings.Length; i++)
        {
            CopyStringContent(result, position, strings[i]);
            position += strings[i].Length;
        }

        return result;
    }

    private static void CopyStringContent(string dest, int destPos, string src) =>
        SpanHelpers.Memmove(ref Unsafe.Add(ref dest._firstChar, (nint)(uint)destPos), ref src._firstChar, (uint)src.Length);
}
