using System.Globalization;
using Number = System.Number;

namespace Xous.CoreLib.Tests;

/// <summary>The corlib's integer formatting and parsing (System/Number.cs, compiled here) agree with the BCL.</summary>
public sealed class NumberBehaviourTests
{
    private static readonly long[] s_edgeValues =
    [
        0, 1, -1, 9, 10, 11, 99, 100, -100, 4_294_967_295, 4_294_967_296, -4_294_967_296, int.MaxValue, int.MinValue,
        (long)int.MaxValue + 1, (long)int.MinValue - 1, long.MaxValue, long.MinValue, long.MinValue + 1, 1_000_000_000_000_000_000,
    ];

    public static IEnumerable<object[]> RandomLongs()
    {
        var random = new Random(20251127);
        for (int i = 0; i < 200; i++)
        {
            int digits = random.Next(1, 20);
            long value = random.NextInt64() >> random.Next(0, 63);
            yield return [random.Next(2) == 0 ? value : -value, digits];
        }
    }

    [Fact]
    public void Formats_edge_values_as_the_BCL_does()
    {
        foreach (long value in s_edgeValues)
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Number.Int64ToDecString(value));
            Assert.Equal(((ulong)value).ToString(CultureInfo.InvariantCulture), Number.UInt64ToDecString((ulong)value));
        }
    }

    [Theory]
    [MemberData(nameof(RandomLongs))]
    public void Formats_random_values_as_the_BCL_does(long value, int unused)
    {
        _ = unused;
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Number.Int64ToDecString(value));
        Assert.Equal(((ulong)value).ToString(CultureInfo.InvariantCulture), Number.UInt64ToDecString((ulong)value));
        Assert.Equal(((int)value).ToString(CultureInfo.InvariantCulture), Number.Int64ToDecString((int)value));
    }

    [Fact]
    public void TryFormat_reports_a_short_destination_and_writes_nothing()
    {
        Span<char> buffer = stackalloc char[3];
        buffer.Fill('x');
        Assert.False(Number.TryFormatInt64(-100, buffer, out int written));
        Assert.Equal(0, written);
        Assert.Equal("xxx", new string(buffer));
        Assert.True(Number.TryFormatInt64(-10, buffer, out written));
        Assert.Equal("-10", new string(buffer.Slice(0, written)));
    }

    public static IEnumerable<object[]> ParseInputs()
    {
        string[] inputs =
        [
            "0", "-0", "+0", "00000000000000000000000000012", "12", " 12", "12 ", "\t\n\v\f\r12\r\n", "1 2", "", " ", "-", "+", "+-1", "--1",
            "-1", "1-", "12\0", "12\0\0", "12 \0", "12\0 ", "\012", "0x10", "1e3", "1.0", "1,000", "\u00A012", "12\u00A0", "\u0661",
            "\uFF11", "２", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "-32769", "65535", "65536",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
            "99999999999999999999999", "-99999999999999999999999", "99999999999999999999999x", "-00", "-0 ", " -000\0\0", "-1 ",
            "+18446744073709551615", "\u2212" + "1", "- 1", "+ 1",
        ];
        return inputs.Select(s => new object[] { s });
    }

    [Theory]
    [MemberData(nameof(ParseInputs))]
    public void Parses_like_the_BCL(string input)
    {
        Check(input, sbyte.MinValue, sbyte.MaxValue, s => sbyte.Parse(s, CultureInfo.InvariantCulture));
        Check(input, short.MinValue, short.MaxValue, s => short.Parse(s, CultureInfo.InvariantCulture));
        Check(input, int.MinValue, int.MaxValue, s => int.Parse(s, CultureInfo.InvariantCulture));
        Check(input, long.MinValue, long.MaxValue, s => long.Parse(s, CultureInfo.InvariantCulture));
        CheckUnsigned(input, byte.MaxValue, s => byte.Parse(s, CultureInfo.InvariantCulture));
        CheckUnsigned(input, ushort.MaxValue, s => ushort.Parse(s, CultureInfo.InvariantCulture));
        CheckUnsigned(input, uint.MaxValue, s => uint.Parse(s, CultureInfo.InvariantCulture));
        CheckUnsigned(input, ulong.MaxValue, s => ulong.Parse(s, CultureInfo.InvariantCulture));
    }

    private static void Check<T>(string input, long min, long max, Func<string, T> bcl)
    {
        string expected = Outcome(() => Convert.ToInt64(bcl(input), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        Number.ParsingStatus status = Number.TryParseSigned(input, min, max, out long value);
        Assert.True(expected == Describe(status, value.ToString(CultureInfo.InvariantCulture)), $"{typeof(T).Name}.Parse(\"{input}\"): BCL {expected}, ours {Describe(status, value.ToString(CultureInfo.InvariantCulture))}");
    }

    private static void CheckUnsigned<T>(string input, ulong max, Func<string, T> bcl)
    {
        string expected = Outcome(() => Convert.ToUInt64(bcl(input), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        Number.ParsingStatus status = Number.TryParseUnsigned(input, max, out ulong value);
        Assert.True(expected == Describe(status, value.ToString(CultureInfo.InvariantCulture)), $"{typeof(T).Name}.Parse(\"{input}\"): BCL {expected}, ours {Describe(status, value.ToString(CultureInfo.InvariantCulture))}");
    }

    private static string Outcome(Func<string> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException)
        {
            return "Failed";
        }
        catch (OverflowException)
        {
            return "Overflow";
        }
    }

    private static string Describe(Number.ParsingStatus status, string value) => status == Number.ParsingStatus.OK ? value : status.ToString();
}
