using System.Text;

namespace Xous.Crypto.Tests;

/// <summary>RFC 4231 (HMAC-SHA-256/512) test cases 1–7 and RFC 5869 (HKDF-SHA-256) test cases 1–3.</summary>
public class MacVectorTests
{
    public static TheoryData<int, string, string, string, string> Rfc4231 => new()
    {
        {
            1, Hex(Repeat(0x0b, 20)), Hex("Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"
        },
        {
            2, Hex("Jefe"), Hex("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        },
        {
            3, Hex(Repeat(0xaa, 20)), Hex(Repeat(0xdd, 50)),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
            "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb"
        },
        {
            4, "0102030405060708090a0b0c0d0e0f10111213141516171819", Hex(Repeat(0xcd, 50)),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
            "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd"
        },
        {
            // Truncated to 128 bits (RFC 4231 §4.6).
            5, Hex(Repeat(0x0c, 20)), Hex("Test With Truncation"),
            "a3b6167473100ee06e0c796c2955552b",
            "415fad6271580a531d4179bc891d87a6"
        },
        {
            6, Hex(Repeat(0xaa, 131)), Hex("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"
        },
        {
            7, Hex(Repeat(0xaa, 131)),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"
        },
    };

    public static TheoryData<int, string, string, string, int, string, string> Rfc5869 => new()
    {
        {
            1, Hex(Repeat(0x0b, 22)), "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        },
        {
            2, Hex(Sequence(0x00, 80)), Hex(Sequence(0x60, 80)), Hex(Sequence(0xb0, 80)), 82,
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"
        },
        {
            3, Hex(Repeat(0x0b, 22)), "", "", 42,
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void Hmac_matches_RFC_4231(int testCase, string key, string data, string mac256, string mac512)
    {
        byte[] keyBytes = Convert.FromHexString(key);
        byte[] dataBytes = Convert.FromHexString(data);

        byte[] actual256 = new byte[HmacSha256.HashSizeInBytes];
        HmacSha256.Compute(keyBytes, dataBytes, actual256);
        Assert.Equal(mac256, Convert.ToHexStringLower(actual256)[..mac256.Length]);

        byte[] actual512 = new byte[HmacSha512.HashSizeInBytes];
        HmacSha512.Compute(keyBytes, dataBytes, actual512);
        Assert.Equal(mac512, Convert.ToHexStringLower(actual512)[..mac512.Length]);

        // The seam path (Hmac over an IHashFunction) gives the same, twice in a row (Finish restarts).
        using Hmac incremental256 = HmacSha256.Create(keyBytes);
        using Hmac incremental512 = HmacSha512.Create(keyBytes);
        for (int round = 0; round < 2; round++)
        {
            incremental256.Append(dataBytes.AsSpan(0, dataBytes.Length / 2));
            incremental256.Append(dataBytes.AsSpan(dataBytes.Length / 2));
            incremental256.Finish(actual256);
            Assert.Equal(mac256, Convert.ToHexStringLower(actual256)[..mac256.Length]);
            incremental512.Append(dataBytes);
            incremental512.Finish(actual512);
            Assert.Equal(mac512, Convert.ToHexStringLower(actual512)[..mac512.Length]);
        }

        Assert.InRange(testCase, 1, 7);
    }

    [Theory]
    [MemberData(nameof(Rfc5869))]
    public void Hkdf_matches_RFC_5869(int testCase, string ikm, string salt, string info, int length, string prk, string okm)
    {
        byte[] ikmBytes = Convert.FromHexString(ikm);
        byte[] saltBytes = Convert.FromHexString(salt);
        byte[] infoBytes = Convert.FromHexString(info);

        byte[] actualPrk = new byte[HkdfSha256.HashSizeInBytes];
        HkdfSha256.Extract(ikmBytes, saltBytes, actualPrk);
        Assert.Equal(prk, Convert.ToHexStringLower(actualPrk));

        byte[] actualOkm = new byte[length];
        HkdfSha256.Expand(actualPrk, infoBytes, actualOkm);
        Assert.Equal(okm, Convert.ToHexStringLower(actualOkm));

        byte[] derived = new byte[length];
        HkdfSha256.DeriveKey(ikmBytes, saltBytes, infoBytes, derived);
        Assert.Equal(okm, Convert.ToHexStringLower(derived));
        Assert.InRange(testCase, 1, 3);
    }

    private static string Hex(string ascii) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(ascii));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Repeat(byte value, int count)
    {
        byte[] result = new byte[count];
        result.AsSpan().Fill(value);
        return result;
    }

    private static byte[] Sequence(int first, int count)
    {
        byte[] result = new byte[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = (byte)(first + i);
        }

        return result;
    }
}
