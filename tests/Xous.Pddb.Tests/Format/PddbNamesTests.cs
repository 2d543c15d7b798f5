using System.Text;
using Xous.Pddb.Format;

namespace Xous.Pddb.Tests.Format;

/// <summary>Name limits in bytes and the hand-written strict UTF-8 codec, against System.Text.Encoding.UTF8.</summary>
public class PddbNamesTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(PddbNames.MaxBasisNameBytes, 63)]
    [InlineData(PddbNames.MaxDictionaryNameBytes, 110)]
    [InlineData(PddbNames.MaxKeyNameBytes, 94)]
    [InlineData(PddbNames.MaxPasswordBytes, 72)]
    public void Ascii_names_up_to_the_limit_pass_and_one_more_fails(int limit, int expected)
    {
        Assert.Equal(expected, limit);
        Assert.True(PddbNames.TryEncode(new string('a', limit), limit, out byte[] utf8));
        Assert.Equal(limit, utf8.Length);
        Assert.False(PddbNames.TryEncode(new string('a', limit + 1), limit, out utf8));
        Assert.Empty(utf8);
    }

    [Fact]
    public void Multi_byte_characters_count_in_bytes()
    {
        Assert.True(PddbNames.TryEncode(new string('é', 31) + "a", 63, out byte[] utf8));
        Assert.Equal(63, utf8.Length);
        Assert.False(PddbNames.TryEncode(new string('é', 32), 63, out _));
        Assert.True(PddbNames.TryEncode(new string('€', 21), 63, out utf8));
        Assert.Equal(63, utf8.Length);
        Assert.False(PddbNames.TryEncode(new string('€', 21) + "a", 63, out _));
        string emoji = string.Concat(Enumerable.Repeat("😀", 15));
        Assert.True(PddbNames.TryEncode(emoji + "abc", 63, out utf8));
        Assert.Equal(63, utf8.Length);
        Assert.False(PddbNames.TryEncode(emoji + "abcd", 63, out _));
        Assert.True(PddbNames.TryEncode(string.Concat(Enumerable.Repeat("😀", 23)) + "ab", 94, out utf8));
        Assert.Equal(94, utf8.Length);
        Assert.False(PddbNames.TryEncode(string.Concat(Enumerable.Repeat("😀", 24)), 94, out _));
    }

    [Fact]
    public void Lone_surrogates_NUL_and_empty_are_rejected()
    {
        // Built at run time: lone surrogates do not survive xunit's serialisation of inline data.
        string[] names =
        [
            new string([(char)0xD800]),
            "abc" + (char)0xDBFF,
            (char)0xDC00 + "abc",
            "a" + (char)0xDC00 + (char)0xD800 + "b",
            "a" + (char)0xD83D + "b",
            "a\u0000b",
            "\u0000",
            string.Empty,
        ];
        foreach (string name in names)
        {
            Assert.False(PddbNames.TryEncode(name, 110, out byte[] utf8));
            Assert.Empty(utf8);
        }

        Assert.True(PddbNames.TryEncode("a" + (char)0xD83D + (char)0xDE00 + "b", 110, out byte[] pair));
        Assert.Equal(new byte[] { 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62 }, pair);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(PddbNames.TryEncode(null!, 110, out _));
    }

    private static string RandomString(Random random, int maxChars)
    {
        var builder = new StringBuilder();
        int count = random.Next(1, maxChars + 1);
        for (int i = 0; i < count; i++)
        {
            int codePoint = random.Next(5) switch
            {
                0 => random.Next(1, 0x80),
                1 => random.Next(0x80, 0x800),
                2 => random.Next(0x800, 0xD800),
                3 => random.Next(0xE000, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    [Fact]
    public void Encoder_and_decoder_agree_with_System_Text_Encoding_on_random_strings()
    {
        var random = new Random(3629);
        for (int i = 0; i < 2000; i++)
        {
            string text = RandomString(random, 40);
            Assert.True(PddbNames.TryEncode(text, int.MaxValue, out byte[] utf8));
            Assert.Equal(Encoding.UTF8.GetBytes(text), utf8);
            Assert.True(PddbNames.IsValidUtf8(utf8));
            Assert.Equal(text, PddbNames.Decode(utf8));
            int limit = random.Next(1, 120);
            Assert.Equal(utf8.Length <= limit, PddbNames.TryEncode(text, limit, out _));
        }
    }

    [Fact]
    public void Validator_agrees_with_a_strict_UTF8Encoding_on_random_bytes()
    {
        var random = new Random(8259);
        byte[] interesting = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90];
        int valid = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 8)];
            for (int j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            bool expected;
            string? decoded = null;
            try
            {
                decoded = s_strict.GetString(bytes);
                expected = true;
            }
            catch (DecoderFallbackException)
            {
                expected = false;
            }

            Assert.Equal(expected, PddbNames.IsValidUtf8(bytes));
            if (expected)
            {
                valid++;
                Assert.Equal(decoded, PddbNames.Decode(bytes));
            }
            else
            {
                Assert.Throws<FormatException>(() => PddbNames.Decode(bytes));
            }
        }

        Assert.InRange(valid, 2000, 18000);
    }

    [Theory]
    [InlineData("C080")]
    [InlineData("C1BF")]
    [InlineData("E08080")]
    [InlineData("E09FBF")]
    [InlineData("F0808080")]
    [InlineData("F08FBFBF")]
    [InlineData("EDA080")]
    [InlineData("EDBFBF")]
    [InlineData("F4908080")]
    [InlineData("F5808080")]
    [InlineData("E282")]
    [InlineData("80")]
    [InlineData("FF")]
    [InlineData("61C3")]
    [InlineData("C3C3")]
    public void Malformed_sequences_are_rejected(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        Assert.False(PddbNames.IsValidUtf8(bytes));
        Assert.Throws<FormatException>(() => PddbNames.Decode(bytes));
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData("00", 0x0000)]
    [InlineData("7F", 0x007F)]
    [InlineData("C280", 0x0080)]
    [InlineData("DFBF", 0x07FF)]
    [InlineData("E0A080", 0x0800)]
    [InlineData("EFBFBF", 0xFFFF)]
    [InlineData("F0908080", 0x10000)]
    [InlineData("F48FBFBF", 0x10FFFF)]
    [InlineData("ED9FBF", 0xD7FF)]
    [InlineData("EE8080", 0xE000)]
    public void Boundary_sequences_decode(string hex, int codePoint)
    {
        byte[] bytes = Convert.FromHexString(hex);
        string expected = codePoint < 0 ? string.Empty : char.ConvertFromUtf32(codePoint);
        Assert.True(PddbNames.IsValidUtf8(bytes));
        Assert.Equal(expected, PddbNames.Decode(bytes));
    }
}
