using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Wycheproof ECDSA P-256/SHA-256 (DER and IEEE P1363 signatures) and ECDH P-256; every valid case must be accepted
/// and every invalid one rejected. DER signatures go through our strict decoder. ECDH public keys arrive as DER
/// SubjectPublicKeyInfo: the test uses BouncyCastle's ASN.1 classes only to check the structure (strict DER, id-ecPublicKey,
/// the named curve prime256v1) and extract the raw point, which <see cref="P256.SharedSecret"/> validates itself.
/// </summary>
public class WycheproofP256Tests(ITestOutputHelper output)
{
    [Fact]
    public void Ecdsa_sha256_der() =>
        Wycheproof.Run(output, "ecdsa_secp256r1_sha256_test.json", test =>
        {
            byte[] signature = new byte[P256.SignatureSizeInBytes];
            return P256.TryDecodeDerSignature(test.Bytes("sig"), signature) && Verify(test, signature);
        });

    [Fact]
    public void Ecdsa_sha256_p1363() =>
        Wycheproof.Run(output, "ecdsa_secp256r1_sha256_p1363_test.json", test => Verify(test, test.Bytes("sig")));

    [Fact]
    public void Ecdh() =>
        Wycheproof.Run(output, "ecdh_secp256r1_test.json", test =>
        {
            if (!TryExtractPoint(test.Bytes("public"), out byte[] point))
            {
                return false;
            }

            byte[] privateKey = FixedLength(test.Bytes("private"));
            byte[] shared = new byte[32];
            bool accepted = P256.SharedSecret(privateKey, point, shared);
            if (!accepted)
            {
                Assert.Equal(new byte[32], shared);
            }

            return accepted && shared.AsSpan().SequenceEqual(test.Bytes("shared"));
        });

    private static bool Verify(WycheproofCase test, byte[] signature)
    {
        Assert.Equal("SHA-256", test.GroupText("sha"));
        byte[] publicKey = Convert.FromHexString(test.Group.GetProperty("publicKey").GetProperty("uncompressed").GetString()!);
        bool accepted = P256.VerifyData(publicKey, test.Bytes("msg"), signature);

        // The compressed form of the same key must give the same answer.
        byte[] compressed = [(byte)(0x02 | (publicKey[64] & 1)), .. publicKey.AsSpan(1, 32)];
        Assert.Equal(accepted, P256.VerifyData(compressed, test.Bytes("msg"), signature));
        return accepted;
    }

    /// <summary>
    /// Wycheproof writes private keys as minimal signed big-endian integers (a leading zero byte, or fewer than 32 bytes);
    /// this is the 32-byte form the API takes.
    /// </summary>
    private static byte[] FixedLength(byte[] value)
    {
        int start = 0;
        while (start < value.Length && value[start] == 0)
        {
            start++;
        }

        Assert.True(value.Length - start <= 32, "private key longer than 32 bytes");
        byte[] result = new byte[32];
        value.AsSpan(start).CopyTo(result.AsSpan(32 - (value.Length - start)));
        return result;
    }

    /// <summary>
    /// Checks that <paramref name="spki"/> is strict DER SubjectPublicKeyInfo for id-ecPublicKey on the named curve
    /// prime256v1 and returns the raw point bytes (not decoded: that is the library's job).
    /// </summary>
    private static bool TryExtractPoint(byte[] spki, out byte[] point)
    {
        point = [];
        SubjectPublicKeyInfo info;
        try
        {
            // FromByteArray returns null for empty input.
            Asn1Object? parsed = spki.Length == 0 ? null : Asn1Object.FromByteArray(spki);
            if (parsed is null || !parsed.GetEncoded(Asn1Encodable.Der).AsSpan().SequenceEqual(spki))
            {
                return false;
            }

            // SEQUENCE { SEQUENCE { OID, parameters }, BIT STRING } and nothing else.
            if (parsed is not Asn1Sequence { Count: 2 } outer || outer[0] is not Asn1Sequence { Count: 2 } algorithm ||
                algorithm[0] is not DerObjectIdentifier || outer[1] is not DerBitString)
            {
                return false;
            }

            info = SubjectPublicKeyInfo.GetInstance(parsed);
        }
        catch (Exception malformed) when (malformed is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return false;
        }

        if (!X9ObjectIdentifiers.IdECPublicKey.Equals(info.Algorithm.Algorithm) ||
            info.Algorithm.Parameters is not DerObjectIdentifier curve || !SecObjectIdentifiers.SecP256r1.Equals(curve) ||
            info.PublicKey.PadBits != 0)
        {
            return false;
        }

        point = info.PublicKey.GetOctets();
        return true;
    }
}
