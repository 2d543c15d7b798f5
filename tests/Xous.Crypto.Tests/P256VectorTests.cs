using System.Text;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace Xous.Crypto.Tests;

/// <summary>
/// Published P-256 vectors: RFC 6979 A.2.5 (key pair and the SHA-256 signatures of "sample" and "test") and NIST CAVP
/// KAS ECC CDH primitive vectors (P-256, the first two counts). The ECDH vectors are also checked against BouncyCastle,
/// so a mistyped vector fails loudly instead of passing silently.
/// </summary>
public class P256VectorTests
{
    private const string Rfc6979PrivateKey = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private const string Rfc6979PublicKey =
        "04" + "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" +
        "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    [Fact]
    public void Rfc6979_public_key()
    {
        byte[] publicKey = new byte[P256.PublicKeySizeInBytes];
        P256.GeneratePublicKey(Convert.FromHexString(Rfc6979PrivateKey), publicKey);
        Assert.Equal(Rfc6979PublicKey, Convert.ToHexString(publicKey));
    }

    [Theory]
    [InlineData("sample",
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8")]
    [InlineData("test",
        "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
        "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083")]
    public void Rfc6979_sha256_signatures(string message, string r, string s)
    {
        byte[] privateKey = Convert.FromHexString(Rfc6979PrivateKey);
        byte[] publicKey = Convert.FromHexString(Rfc6979PublicKey);
        byte[] data = Encoding.ASCII.GetBytes(message);
        byte[] signature = new byte[P256.SignatureSizeInBytes];
        P256.SignData(privateKey, data, signature);
        Assert.Equal(r + s, Convert.ToHexString(signature));

        byte[] hash = new byte[32];
        Sha256.Hash(data, hash);
        byte[] fromHash = new byte[P256.SignatureSizeInBytes];
        P256.Sign(privateKey, hash, fromHash);
        Assert.Equal(signature, fromHash);

        Assert.True(P256.Verify(publicKey, hash, signature));
        Assert.True(P256.VerifyData(publicKey, data, signature));
        Assert.False(P256.VerifyData(publicKey, Encoding.ASCII.GetBytes(message + "."), signature));
    }

    // NIST CAVP SP 800-56A ECC CDH primitive test vectors (KAS_ECC_CDH_PrimitiveTest.txt), curve P-256, COUNT 0 and 1:
    // QCAVS (peer), dIUT (private key), QIUT (our public key), ZIUT (shared x).
    [Theory]
    [InlineData(
        "700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287",
        "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac",
        "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534",
        "ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230",
        "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141",
        "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b")]
    [InlineData(
        "809f04289c64348c01515eb03d5ce7ac1a8cb9498f5caa50197e58d43a86a7ae",
        "b29d84e811197f25eba8f5194092cb6ff440e26d4421011372461f579271cda3",
        "38f65d6dce47676044d58ce5139582d568f64bb16098d179dbab07741dd5caf5",
        "119f2f047902782ab0c9e27a54aff5eb9b964829ca99c06b02ddba95b0a3f6d0",
        "8f52b726664cac366fc98ac7a012b2682cbd962e5acb544671d41b9445704d1d",
        "057d636096cb80b67a8c038c890e887d1adfa4195e9b3ce241c8a778c59cda67")]
    public void Cavp_ecdh(string peerX, string peerY, string privateKeyHex, string ourX, string ourY, string sharedHex)
    {
        byte[] privateKey = Convert.FromHexString(privateKeyHex);
        byte[] peer = Convert.FromHexString("04" + peerX + peerY);
        byte[] expected = Convert.FromHexString(sharedHex);

        // The vector itself, checked with BouncyCastle.
        var domain = new ECDomainParameters(NistNamedCurves.GetByName("P-256"));
        var agreement = new ECDHBasicAgreement();
        agreement.Init(new ECPrivateKeyParameters(new BigInteger(1, privateKey), domain));
        BigInteger reference = agreement.CalculateAgreement(new ECPublicKeyParameters(domain.Curve.DecodePoint(peer), domain));
        Assert.Equal(expected, reference.ToByteArrayUnsigned());

        byte[] publicKey = new byte[P256.PublicKeySizeInBytes];
        P256.GeneratePublicKey(privateKey, publicKey);
        Assert.Equal(Convert.FromHexString("04" + ourX + ourY), publicKey);

        byte[] shared = new byte[32];
        Assert.True(P256.SharedSecret(privateKey, peer, shared));
        Assert.Equal(expected, shared);
    }
}
