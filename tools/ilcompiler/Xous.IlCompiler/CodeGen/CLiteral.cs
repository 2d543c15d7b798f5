using System.Globalization;
using System.Text;

namespace Xous.IlCompiler.CodeGen;

/// <summary>C spellings of constants.</summary>
internal static class CLiteral
{
    /// <summary>An <c>int32_t</c> constant (the minimum value is written as an expression, as C has no negative literals).</summary>
    public static string Int32(int value) => value == int.MinValue ? "(-2147483647 - 1)" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An <c>int64_t</c> constant.</summary>
    public static string Int64(long value) =>
        value == long.MinValue ? "(-INT64_C(9223372036854775807) - 1)" : $"INT64_C({value.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>A <c>uint64_t</c> constant.</summary>
    public static string UInt64(ulong value) => $"UINT64_C({value.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>A C string literal of ASCII text; other characters are escaped.</summary>
    public static string String(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~' && c != '?')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\{(c < 0x100 ? Convert.ToString(c, 8).PadLeft(3, '0') : "077")}");
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text made safe to put inside a C block comment.</summary>
    public static string Comment(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '.');
        }

        return builder.ToString().Replace("*/", "*.", StringComparison.Ordinal).Replace("/*", "/.", StringComparison.Ordinal);
    }
}
