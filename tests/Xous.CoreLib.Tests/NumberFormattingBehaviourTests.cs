using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using Number = System.Number;

namespace Xous.CoreLib.Tests;

/// <summary>
/// The corlib's integer format strings (System/Number.Formatting.cs and Number.CustomFormatting.cs, compiled here)
/// agree with the BCL's <c>value.ToString(format, CultureInfo.InvariantCulture)</c> string for string, including
/// which formats throw FormatException and its message, for all ten integer types: every standard format at fixed
/// and random precisions, hand-written and randomly generated custom formats, edge values and random values. The
/// random inputs come from fixed seeds; a mismatch names the type, the value and the format.
/// </summary>
public sealed class NumberFormattingBehaviourTests
{
    private const int RandomValuesPerType = 10_000;
    private const int RandomStandardFormats = 3_000;
    private const int RandomCustomFormats = 10_000;
    private const int ValuesPerRandomFormat = 12;
    private const int MaxReportedMismatches = 25;

    /// <summary>Standard format letters the integer types accept (R is G for integers in .NET 10).</summary>
    private const string StandardLetters = "DdXxBbGgNnFfEePpCcRr";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private static readonly string[] s_customFormats =
    [
        "0", "00", "0000", "00000000000000000000000", "#", "##", "#,##0", "#,#", "0,0", "#,##0.00", "0.00", "0.##", "#.##",
        "#,##0;(#,##0);zero", "#,##0;(#,##0)", "0;-0;'zero'", ";", ";;", "0;;z", "#;", "0;(0);", "0,", "0,,", "0,,,", "#,##0,",
        "#,##0,,", "#,##0,.00", "0,.0", "0.0,", ",0", "0,0,0", "#,,##0", "0%", "0.0%", "%#", "0‰", "#,##0‰", "%%", "0e0",
        "0E+0", "0.00E+00", "0.###E-0", "##0.0e+000", "0e-0", "0E00000000000000", "#E0", "E0", "e+0", "0E", "0E+", "0e-",
        "0Ex", "#e+#", "0.0E+0E+0", "00E+0;(00E+0)", "\\#0", "0\\", "\\", "'#'0", "\"#\"0", "0'abc", "'a;b'0;\"c;d\"0", "0\\;0;x",
        "abc", "Xyz", "X4a", "G3x", "-0", "+0", "(0)", "0 %", "0.", ".0", "..0", "0..0", "0.0.0", "#.", ".", ",", "0\0X",
        "#,##0\0;x", "$#,##0.00", "0000-0000", "00-00-00", "##-##", "0x0", "[0]", "0.00;;zero", "#0.#", "0#0", "#0#.0#0",
        "00.00,", "#,##0.###,,", "0.0000000000000000000000", "#################################0", "0,0.0,0",
        new string('0', 150), "#,##0" + new string('0', 130),
    ];

    private static readonly string?[] s_oddStandardFormats =
    [
        null, "", "\0", "\0abc", "X\0", "D\0zz", "G0", "g0", "R0", "X00000000000000000008", "D000000000012", "x999999999a",
        "D1000000000", "X1234567890", "N99999999999", "A", "a", "H", "z", "Z9", "Y40", "Q", "K0", "D200", "X200", "B200",
        "N150", "E150", "F300", "C200", "P200", "G200", "e140", "D-1", "D 1", "D1 ", " D", "DD", "N1.0",
    ];

    private readonly ITestOutputHelper _output;

    public NumberFormattingBehaviourTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The ten integer types, with their size and signedness; nint/nuint are 64-bit on the host.</summary>
    public enum IntegerType
    {
        SByte,
        Byte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        IntPtr,
        UIntPtr,
    }

    public static IEnumerable<object[]> Types() => Enum.GetValues<IntegerType>().Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(Types))]
    public void Fixed_formats_on_edge_values_match_the_BCL(IntegerType type)
    {
        var checker = new Checker();
        foreach (ulong raw in EdgeValues(type))
        {
            foreach (string? format in FixedFormats())
            {
                checker.Check(type, raw, format);
            }
        }

        Report(checker, $"{type}: fixed formats on edge values");
        Assert.True(checker.Compared > 5_000, $"only {checker.Compared} cases");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Random_values_match_the_BCL(IntegerType type)
    {
        var random = new Random(1_000 + (int)type);
        string[] coreFormats =
        [
            "D", "D12", "d3", "X", "x8", "X16", "B", "b40", "G", "G1", "g3", "G25", "N", "N0", "n4", "F1", "f0", "E", "e2", "E0",
            "P", "p0", "C", "C0", "c3", "R", "r5", "0000", "#,##0.00;(#,##0.00);zero", "0.###E+00", "#,##0,", "0%", "#,#",
        ];
        var checker = new Checker();
        for (int i = 0; i < RandomValuesPerType; i++)
        {
            ulong raw = RandomValue(random, type);
            foreach (string format in coreFormats)
            {
                checker.Check(type, raw, format);
            }

            checker.Check(type, raw, RandomStandardFormat(random));
            checker.Check(type, raw, RandomCustomFormat(random));
        }

        Report(checker, $"{type}: {RandomValuesPerType} random values");
        Assert.Equal(RandomValuesPerType * (coreFormats.Length + 2), checker.Compared);
    }

    [Fact]
    public void Random_standard_format_strings_match_the_BCL()
    {
        Checker checker = CheckRandomFormats(20251128, RandomStandardFormats, RandomStandardFormat, edgeValuesPerFormat: 2);
        Report(checker, $"{RandomStandardFormats} random standard formats");
        Assert.True(checker.Threw > 0 && checker.Threw < checker.Compared / 2, $"{checker.Threw} of {checker.Compared} threw");
    }

    [Fact]
    public void Random_custom_format_strings_match_the_BCL()
    {
        Checker checker = CheckRandomFormats(20251129, RandomCustomFormats, RandomCustomFormat, edgeValuesPerFormat: 3);
        Report(checker, $"{RandomCustomFormats} random custom formats");
        Assert.Equal(RandomCustomFormats * ValuesPerRandomFormat, checker.Compared);
    }

    /// <summary>
    /// <paramref name="count"/> formats from <paramref name="makeFormat"/> (seeded with <paramref name="seed"/>), each
    /// checked on <see cref="ValuesPerRandomFormat"/> values of random types: the first
    /// <paramref name="edgeValuesPerFormat"/> are edge values, the rest random.
    /// </summary>
    private static Checker CheckRandomFormats(int seed, int count, Func<Random, string> makeFormat, int edgeValuesPerFormat)
    {
        var random = new Random(seed);
        var checker = new Checker();
        for (int i = 0; i < count; i++)
        {
            string format = makeFormat(random);
            for (int j = 0; j < ValuesPerRandomFormat; j++)
            {
                var type = (IntegerType)random.Next(10);
                checker.Check(type, j < edgeValuesPerFormat ? EdgeValues(type)[random.Next(EdgeValues(type).Count)] : RandomValue(random, type), format);
            }
        }

        return checker;
    }

    [Theory]
    [InlineData("D1000000000")]
    [InlineData("X9999999999")]
    [InlineData("n0000000001000000000")]
    public void A_precision_above_999999999_throws_FormatException(string format)
    {
        var exception = Assert.Throws<FormatException>(() => Number.FormatSigned(1, format, sizeof(int)));
        Assert.Equal("Format specifier was invalid.", exception.Message);
        Assert.Throws<FormatException>(() => 1.ToString(format, s_invariant));
    }

    [Theory]
    [InlineData("D999999999", 'D', 999_999_999)]
    [InlineData("x0000000000999999999", 'x', 999_999_999)]
    [InlineData("E", 'E', -1)]
    [InlineData("E\0", 'E', 0)]
    [InlineData("", 'G', -1)]
    [InlineData("\0X", 'G', -1)]
    [InlineData("X1a", '\0', -1)]
    [InlineData("#", '\0', -1)]
    public void The_format_specifier_and_precision_are_parsed_as_in_NET(string format, char specifier, int precision)
    {
        // Formatting with these precisions would allocate a 2 GB string, so the parser is checked on its own.
        Assert.Equal(specifier, Number.ParseFormatSpecifier(format, out int parsed));
        Assert.Equal(precision, parsed);
    }

    [Fact]
    public void TryFormat_writes_nothing_when_the_destination_is_short()
    {
        Span<char> buffer = stackalloc char[5];
        buffer.Fill('x');
        Assert.False(Number.TryFormatSigned(-12345, "N0", sizeof(int), buffer, out int written));
        Assert.Equal(0, written);
        Assert.Equal("xxxxx", new string(buffer));
        Assert.True(Number.TryFormatUnsigned(0xBEEF, "x4", buffer, out written));
        Assert.Equal("beef", new string(buffer.Slice(0, written)));
        Assert.Throws<FormatException>(() => Number.TryFormatUnsigned(1, "Q", new char[10], out _));
    }

    private void Report(Checker checker, string what)
    {
        _output.WriteLine($"{what}: {checker.Compared} cases compared with the BCL ({checker.Threw} threw FormatException)");
        Assert.True(checker.Mismatches.Count == 0, $"{checker.MismatchCount} mismatches, first ones:\n{string.Join("\n", checker.Mismatches)}");
    }

    private static IEnumerable<string?> FixedFormats()
    {
        foreach (char letter in StandardLetters)
        {
            yield return letter.ToString();
            foreach (int precision in new[] { 0, 1, 2, 3, 5, 9, 10, 17, 20, 40 })
            {
                yield return letter + precision.ToString(s_invariant);
            }
        }

        foreach (string? format in s_oddStandardFormats)
        {
            yield return format;
        }

        foreach (string format in s_customFormats)
        {
            yield return format;
        }
    }

    /// <summary>Edge values of a type as raw bits: 0, ±1, the limits, powers of 10 and 2 and their neighbours, rounding edges.</summary>
    private static IReadOnlyList<ulong> EdgeValues(IntegerType type)
    {
        var values = new SortedSet<ulong>();
        void Add(decimal value)
        {
            if (value >= Min(type) && value <= Max(type))
            {
                values.Add(value < 0 ? (ulong)(long)value & Mask(type) : (ulong)value);
            }
        }

        foreach (decimal sign in new decimal[] { 1, -1 })
        {
            Add(sign * 0);
            Add(sign * 1);
            Add(sign * 5);
            Add(sign * 45);
            Add(sign * 49);
            Add(sign * 50);
            Add(sign * 95);
            for (decimal power = 10; power <= ulong.MaxValue; power *= 10)
            {
                foreach (decimal near in new[] { power - 1, power, power + 1, power / 2, power - (power / 20), (power * 5) - 1, power * 9.5m })
                {
                    Add(sign * near);
                }
            }

            for (int bit = 1; bit < 64; bit++)
            {
                decimal power = (decimal)(1UL << bit);
                Add(sign * (power - 1));
                Add(sign * power);
                Add(sign * (power + 1));
            }

            Add(sign * Max(type));
            Add(sign * (Max(type) - 1));
        }

        Add(Min(type));
        Add(Min(type) + 1);
        return values.ToList();
    }

    /// <summary>A random value of the type (raw bits): uniform bits, a random magnitude, or digits that stress rounding.</summary>
    private static ulong RandomValue(Random random, IntegerType type)
    {
        ulong raw;
        switch (random.Next(3))
        {
            case 0:
                raw = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                break;
            case 1:
                raw = ((ulong)random.NextInt64() << 1) >> random.Next(0, 64);
                if (IsSigned(type) && random.Next(2) == 0)
                {
                    raw = 0 - raw;
                }

                break;
            default:
                // Digits from {0, 4, 5, 9}: carries and ties when E, G and custom formats round.
                ulong value = 0;
                int length = random.Next(1, 20);
                for (int i = 0; i < length; i++)
                {
                    value = (value * 10) + (ulong)"0459"[random.Next(4)] - '0';
                }

                raw = IsSigned(type) && random.Next(2) == 0 ? 0 - value : value;
                break;
        }

        return raw & Mask(type);
    }

    /// <summary>A letter (mostly a valid one), then no precision, a precision 0..40, or one with leading zeros.</summary>
    private static string RandomStandardFormat(Random random)
    {
        char letter = random.Next(5) == 0
            ? (char)(random.Next(2) == 0 ? 'A' + random.Next(26) : 'a' + random.Next(26))
            : StandardLetters[random.Next(StandardLetters.Length)];
        return random.Next(6) switch
        {
            0 => letter.ToString(),
            1 => letter + new string('0', random.Next(1, 12)) + random.Next(0, 41).ToString(s_invariant),
            _ => letter + random.Next(0, 41).ToString(s_invariant),
        };
    }

    /// <summary>A random custom format built from the grammar's tokens, with literals, escapes and sections.</summary>
    private static string RandomCustomFormat(Random random)
    {
        const string LiteralChars = " -+()$abcXGNDE:/_x";
        var format = new StringBuilder();
        int tokens = random.Next(1, 14);
        for (int i = 0; i < tokens; i++)
        {
            int pick = random.Next(100);
            if (pick < 28)
            {
                format.Append('0');
            }
            else if (pick < 48)
            {
                format.Append('#');
            }
            else if (pick < 55)
            {
                format.Append('.');
            }
            else if (pick < 65)
            {
                format.Append(',');
            }
            else if (pick < 67)
            {
                format.Append('%');
            }
            else if (pick < 69)
            {
                format.Append('‰');
            }
            else if (pick < 75)
            {
                format.Append(random.Next(2) == 0 ? 'E' : 'e');
                int sign = random.Next(3);
                if (sign < 2)
                {
                    format.Append(sign == 0 ? '+' : '-');
                }

                format.Append('0', random.Next(0, 13));
            }
            else if (pick < 78)
            {
                format.Append('\\').Append(LiteralChars[random.Next(LiteralChars.Length)]);
            }
            else if (pick < 82)
            {
                char quote = random.Next(2) == 0 ? '\'' : '"';
                format.Append(quote).Append(LiteralChars, random.Next(LiteralChars.Length), 1).Append("0#;,."[random.Next(5)]);
                if (random.Next(8) != 0)
                {
                    format.Append(quote);
                }
            }
            else if (pick < 89)
            {
                format.Append(';');
            }
            else if (pick < 98)
            {
                format.Append(LiteralChars[random.Next(LiteralChars.Length)]);
            }
            else if (pick < 99)
            {
                format.Append('\0');
            }
            else
            {
                format.Append('\\');
            }
        }

        return format.ToString();
    }

    private static bool IsSigned(IntegerType type) => type is IntegerType.SByte or IntegerType.Int16 or IntegerType.Int32 or IntegerType.Int64 or IntegerType.IntPtr;

    private static int Size(IntegerType type) => type switch
    {
        IntegerType.SByte or IntegerType.Byte => 1,
        IntegerType.Int16 or IntegerType.UInt16 => 2,
        IntegerType.Int32 or IntegerType.UInt32 => 4,
        IntegerType.IntPtr or IntegerType.UIntPtr => IntPtr.Size,
        _ => 8,
    };

    private static ulong Mask(IntegerType type) => Size(type) == 8 ? ulong.MaxValue : (1UL << (Size(type) * 8)) - 1;

    private static decimal Max(IntegerType type) => IsSigned(type) ? Mask(type) >> 1 : Mask(type);

    private static decimal Min(IntegerType type) => IsSigned(type) ? -Max(type) - 1 : 0;

    private static long SignExtend(IntegerType type, ulong raw)
    {
        int shift = 64 - (Size(type) * 8);
        return (long)(raw << shift) >> shift;
    }

    private static string Describe(IntegerType type, ulong raw) =>
        IsSigned(type) ? SignExtend(type, raw).ToString(s_invariant) : raw.ToString(s_invariant);

    private static string Printable(string? format) =>
        format is null ? "null" : "\"" + format.Replace("\\", "\\\\").Replace("\0", "\\0").Replace("\"", "\\\"") + "\"";

    /// <summary>The BCL's text for the typed value, or "FormatException: message".</summary>
    private static string Bcl(IntegerType type, ulong raw, string? format) => Outcome(() => type switch
    {
        IntegerType.SByte => ((sbyte)raw).ToString(format, s_invariant),
        IntegerType.Byte => ((byte)raw).ToString(format, s_invariant),
        IntegerType.Int16 => ((short)raw).ToString(format, s_invariant),
        IntegerType.UInt16 => ((ushort)raw).ToString(format, s_invariant),
        IntegerType.Int32 => ((int)raw).ToString(format, s_invariant),
        IntegerType.UInt32 => ((uint)raw).ToString(format, s_invariant),
        IntegerType.Int64 => ((long)raw).ToString(format, s_invariant),
        IntegerType.UInt64 => raw.ToString(format, s_invariant),
        IntegerType.IntPtr => ((nint)(long)raw).ToString(format, s_invariant),
        _ => ((nuint)raw).ToString(format, s_invariant),
    });

    private static string Ours(IntegerType type, ulong raw, string? format) => Outcome(() => IsSigned(type)
        ? Number.FormatSigned(SignExtend(type, raw), format, Size(type))
        : Number.FormatUnsigned(raw, format));

    private static string Outcome(Func<string> format)
    {
        try
        {
            return format();
        }
        catch (FormatException exception)
        {
            return "FormatException: " + exception.Message;
        }
    }

    /// <summary>Compares ours (string and span forms) with the BCL and keeps the first mismatches.</summary>
    private sealed class Checker
    {
        public int Compared { get; private set; }

        public int Threw { get; private set; }

        public int MismatchCount { get; private set; }

        public List<string> Mismatches { get; } = [];

        public void Check(IntegerType type, ulong raw, string? format)
        {
            Compared++;
            string expected = Bcl(type, raw, format);
            string actual = Ours(type, raw, format);
            if (expected.StartsWith("FormatException: ", StringComparison.Ordinal))
            {
                Threw++;
            }
            else if (actual == expected)
            {
                actual = CheckSpanForm(type, raw, format, expected);
            }

            if (actual != expected)
            {
                MismatchCount++;
                if (Mismatches.Count < MaxReportedMismatches)
                {
                    Mismatches.Add($"{type} {Describe(type, raw)} format {Printable(format)}: BCL \"{expected}\", ours \"{actual}\"");
                }
            }
        }

        /// <summary>The span form writes the same text into an exact destination and nothing into a shorter one.</summary>
        private static string CheckSpanForm(IntegerType type, ulong raw, string? format, string expected)
        {
            char[] exact = new char[expected.Length];
            char[] shorter = new char[Math.Max(0, expected.Length - 1)];
            bool fits = IsSigned(type)
                ? Number.TryFormatSigned(SignExtend(type, raw), format, Size(type), exact, out int written)
                : Number.TryFormatUnsigned(raw, format, exact, out written);
            if (!fits || written != expected.Length || new string(exact) != expected)
            {
                return $"TryFormat wrote {(fits ? new string(exact, 0, written) : "nothing")}";
            }

            if (expected.Length > 0)
            {
                bool fitsShorter = IsSigned(type)
                    ? Number.TryFormatSigned(SignExtend(type, raw), format, Size(type), shorter, out written)
                    : Number.TryFormatUnsigned(raw, format, shorter, out written);
                if (fitsShorter || written != 0)
                {
                    return "TryFormat claimed a short destination";
                }
            }

            return expected;
        }
    }
}
