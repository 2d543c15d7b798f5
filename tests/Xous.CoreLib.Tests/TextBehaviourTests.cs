using System.Text;
using Ordinal = System.Ordinal;
using StringHash = System.StringHash;
using UnicodeWhiteSpace = System.UnicodeWhiteSpace;

namespace Xous.CoreLib.Tests;

/// <summary>The corlib's ordinal comparison, string hash and white-space test (compiled here) agree with the BCL.</summary>
public sealed class TextBehaviourTests
{
    public static IEnumerable<object[]> StringPairs()
    {
        string[] samples = ["", "a", "b", "ab", "abc", "abd", "abcde", "abcd", "a\0", "a\0b", "\uffff", "a\uffff", "a\u0001", "A", "aB", "ab\0", "xyz", "\0"];
        foreach (string a in samples)
        {
            foreach (string b in samples)
            {
                yield return [a, b];
            }
        }

        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            yield return [RandomString(random), RandomString(random)];
        }
    }

    private static string RandomString(Random random)
    {
        var chars = new char[random.Next(0, 40)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next('a', 'e');
        }

        return new string(chars);
    }

    [Theory]
    [MemberData(nameof(StringPairs))]
    public void CompareOrdinal_returns_exactly_what_the_BCL_returns(string a, string b)
    {
        Assert.Equal(string.CompareOrdinal(a, b), a == b && ReferenceEquals(a, b) ? 0 : Ordinal.CompareStrings(a, b));
        Assert.Equal(string.Equals(a, b, StringComparison.Ordinal), Ordinal.EqualsOrdinal(a, b));
        Assert.Equal(a.IndexOf(b, StringComparison.Ordinal), Ordinal.IndexOf(a, b));
    }

    [Theory]
    [MemberData(nameof(StringPairs))]
    public void CompareOrdinal_of_substrings_returns_exactly_what_the_BCL_returns(string a, string b)
    {
        for (int length = 0; length < 6; length++)
        {
            int indexA = a.Length > 0 ? 1 % a.Length : 0;
            int indexB = b.Length > 0 ? 1 % b.Length : 0;
            int expected = string.CompareOrdinal(a, indexA, b, indexB, length);
            int lengthA = Math.Min(length, a.Length - indexA);
            int lengthB = Math.Min(length, b.Length - indexB);
            int ours = length == 0 ? 0 : Ordinal.CompareSpans(a.AsSpan(indexA, lengthA), b.AsSpan(indexB, lengthB));
            Assert.True(expected == ours, $"CompareOrdinal(\"{a}\", {indexA}, \"{b}\", {indexB}, {length}): BCL {expected}, ours {ours}");
        }
    }

    [Fact]
    public void IsWhiteSpace_agrees_with_the_BCL_for_every_code_unit()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == UnicodeWhiteSpace.IsWhiteSpace((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void The_reference_FNV_1a_matches_the_published_test_vectors(string ascii, uint expected) =>
        Assert.Equal(expected, ReferenceFnv1a(Encoding.ASCII.GetBytes(ascii)));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("foobar")]
    [InlineData("\u20AC\uD83D\uDE00")]
    public void The_string_hash_is_FNV_1a_over_UTF16_little_endian(string text) =>
        Assert.Equal((int)ReferenceFnv1a(Encoding.Unicode.GetBytes(text)), StringHash.Compute(text));

    [Fact]
    public void The_string_hash_depends_on_every_code_unit_and_on_the_length()
    {
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            string text = RandomString(random) + "z";
            Assert.Equal((int)ReferenceFnv1a(Encoding.Unicode.GetBytes(text)), StringHash.Compute(text));
            Assert.NotEqual(StringHash.Compute(text), StringHash.Compute(text + "\0"));
            Assert.NotEqual(StringHash.Compute(text), StringHash.Compute(text[..^1] + "y"));
        }
    }

    private static uint ReferenceFnv1a(byte[] bytes)
    {
        uint hash = 2166136261;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash;
    }
}
