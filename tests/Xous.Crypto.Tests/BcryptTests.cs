using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Xous.Crypto.Tests;

/// <summary>
/// bcrypt: published hash strings (OpenWall crypt_blowfish's wrapper.c, jBCrypt's tests, OpenWall's sample hashes),
/// each first confirmed with BouncyCastle in the same test so that a mistyped vector fails instead of passing; the
/// raw output root-keys and the PDDB use; and the unhappy paths.
/// </summary>
public class BcryptTests
{
    private const string Seventy2 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Hash strings with text passwords (UTF-8), checked with <c>OpenBsdBCrypt.CheckPassword</c>.</summary>
    public static TheoryData<string, string> TextVectors => new()
    {
        // OpenWall crypt_blowfish wrapper.c.
        { "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U" },
        { "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK", "U*U*" },
        { "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a", "U*U*U" },
        { "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui", Seventy2 + "chars after 72 are ignored" },
        { "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy", "" },

        // The same salt and hash with exactly 72 bytes: the NUL falls past the limit, so the hash is unchanged.
        { "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui", Seventy2 },

        // jBCrypt TestBCrypt.
        { "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", "" },
        { "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe", "a" },
        { "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "abc" },
        { "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC", "abcdefghijklmnopqrstuvwxyz" },
        { "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO", "~!@#$%^&*()      ~!@#$%^&*()PNBFRD" },

        // OpenWall's sample hashes, and a non-ASCII password (eight U+03C0, 16 UTF-8 bytes) at cost 10.
        { "$2a$05$bvIG6Nmid91Mu9RcmmWZfO5HJIMCT8riNW0hEp8f6/FuA2/mHZFpe", "password" },
        { "$2a$10$.TtQJ4Jr6isd4Hp.mVfZeuh6Gws4rOQ/vdBczhDx.19NFK0Y84Dle", "ππππππππ" },
    };

    /// <summary>
    /// crypt_blowfish's <c>$2y$</c> strings for passwords that are bytes, not UTF-8 (0xA3 and 0xFF are not valid
    /// UTF-8 on their own): checked with BouncyCastle's raw <c>BCrypt.Generate</c> on password + NUL.
    /// </summary>
    public static TheoryData<string, string> ByteVectors => new()
    {
        { "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq", "a3" },
        { "$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "ffffa3" },
        { "$2y$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e", "ffa3333435" },
        { "$2y$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS", "a36162" },
    };

    [Theory]
    [MemberData(nameof(TextVectors))]
    public void Text_vector_verifies_and_rehashes(string hash, string password)
    {
        Assert.True(OpenBsdBCrypt.CheckPassword(hash, password.ToCharArray()), "BouncyCastle rejects the vector");
        byte[] utf8 = Encoding.UTF8.GetBytes(password);
        CheckVector(hash, utf8);
        Assert.False(Bcrypt.Verify(Encoding.UTF8.GetBytes("x" + password), hash));
    }

    [Theory]
    [MemberData(nameof(ByteVectors))]
    public void Byte_vector_verifies_and_rehashes(string hash, string passwordHex)
    {
        byte[] password = Convert.FromHexString(passwordHex);
        byte[] salt = DecodeBase64(hash.Substring(7, 22), 16);
        byte[] expected = DecodeBase64(hash.Substring(29, 31), 23);
        byte[] reference = BCrypt.Generate(password, salt, int.Parse(hash.AsSpan(4, 2)), addTerminator: true);
        Assert.Equal(expected, reference[..23]);
        CheckVector(hash, password);
    }

    [Fact]
    public void HashRaw_equals_BouncyCastle_for_the_root_keys_input()
    {
        // root-keys: the password truncated to 72 bytes plus a NUL; salt = pepper with byte 0 XOR the password type.
        byte[] key = [.. "correct horse battery staple"u8, 0];
        byte[] salt = Convert.FromHexString("01112233445566778899aabbccddeeff");
        byte[] output = new byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw(key, salt, 7, output);
        Assert.Equal(BCrypt.Generate(key, salt, 7, addTerminator: false), output);
    }

    [Fact]
    public void HashRaw_is_the_whole_output_of_which_the_string_encodes_23_bytes()
    {
        byte[] salt = Convert.FromHexString("144b3d691a7b4ecf39cf735c7fa7a79c");
        byte[] output = new byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw([(byte)'a', (byte)'b', 0], salt, 6, output);
        string text = Bcrypt.HashPassword("ab"u8, salt, 6);
        Assert.Equal(DecodeBase64(text[29..], 23), output[..23]);
        Assert.Equal(DecodeBase64(text[7..29], 16), salt);
    }

    [Fact]
    public void HashPassword_span_overload_writes_the_same_string()
    {
        byte[] salt = new byte[16];
        char[] text = new char[Bcrypt.HashStringLength];
        Bcrypt.HashPassword("pin"u8, salt, 4, text);
        Assert.Equal(Bcrypt.HashPassword("pin"u8, salt, 4), new string(text));
        Assert.StartsWith("$2b$04$......................", new string(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Cost_outside_4_to_31_is_rejected(int cost)
    {
        byte[] salt = new byte[16];
        Assert.Throws<ArgumentOutOfRangeException>(() => Bcrypt.HashRaw([1], salt, cost, new byte[24]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bcrypt.HashPassword([1], salt, cost));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public void Salt_not_16_bytes_is_rejected(int length)
    {
        Assert.Throws<ArgumentException>(() => Bcrypt.HashRaw([1], new byte[length], 4, new byte[24]));
        Assert.Throws<ArgumentException>(() => Bcrypt.HashPassword([1], new byte[length], 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(73)]
    [InlineData(200)]
    public void HashRaw_key_must_be_1_to_72_bytes(int length)
    {
        var failure = Assert.Throws<ArgumentException>(() => Bcrypt.HashRaw(new byte[length], new byte[16], 4, new byte[24]));
        Assert.Equal("key", failure.ParamName);
    }

    [Theory]
    [InlineData(23)]
    [InlineData(25)]
    [InlineData(0)]
    public void HashRaw_output_must_be_24_bytes(int length)
    {
        var failure = Assert.Throws<ArgumentException>(() => Bcrypt.HashRaw([1], new byte[16], 4, new byte[length]));
        Assert.Equal("output", failure.ParamName);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(61)]
    public void HashPassword_destination_must_be_60_characters(int length)
    {
        Assert.Throws<ArgumentException>(() => Bcrypt.HashPassword([1], new byte[16], 4, new char[length]));
    }

    /// <summary>Malformed strings, each derived from a valid one ("U*U" at cost 5) by one change.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe")] // 59 characters
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeWW")] // 61 characters
    [InlineData("$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // crypt_blowfish's buggy variant
    [InlineData("$2c$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$3a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("x2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // cost below 4
    [InlineData("$2a$32$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // cost above 31
    [InlineData("$2a$5$CCCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // one cost digit
    [InlineData("$2a$+5$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05.CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCC+.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // '+' is not in bcrypt's alphabet
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCCCE5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // last salt character not canonical
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC/E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")] // same salt bits, non-canonical
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeX")] // hash padding bits set
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeV")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyO€W")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.F5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\0")]
    public void Malformed_or_altered_strings_are_false_not_exceptions(string hash)
    {
        Assert.True(Bcrypt.Verify("U*U"u8, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
        Assert.False(Bcrypt.Verify("U*U"u8, hash));
    }

    /// <summary>Decodes bcrypt's base 64 by mapping its alphabet onto the standard one (independent of the library).</summary>
    internal static byte[] DecodeBase64(string text, int byteCount)
    {
        const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const string StandardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var mapped = new StringBuilder();
        foreach (char c in text)
        {
            mapped.Append(StandardAlphabet[BcryptAlphabet.IndexOf(c, StringComparison.Ordinal)]);
        }

        while (mapped.Length % 4 != 0)
        {
            mapped.Append('=');
        }

        byte[] decoded = Convert.FromBase64String(mapped.ToString());
        Assert.Equal(byteCount, decoded.Length);
        return decoded;
    }

    private static void CheckVector(string hash, byte[] password)
    {
        Assert.True(Bcrypt.Verify(password, hash));
        int cost = int.Parse(hash.AsSpan(4, 2));
        byte[] salt = DecodeBase64(hash.Substring(7, 22), 16);
        Assert.Equal("$2b$" + hash[4..], Bcrypt.HashPassword(password, salt, cost));
        foreach (string version in new[] { "$2a$", "$2b$", "$2y$" })
        {
            Assert.True(Bcrypt.Verify(password, version + hash[4..]));
        }
    }
}
