using CsCheck;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// P-256 against BouncyCastle: 10,000 generated cases per operation from fixed seeds. Private keys are weighted to the
/// edges (small, just below n, single set bits) as well as uniform. Public keys must equal BouncyCastle's; signatures
/// must be byte-identical to BouncyCastle's deterministic (RFC 6979, HMAC-SHA-256) ECDsaSigner, and BouncyCastle's
/// verifier and ours must both accept them. See also <see cref="P256VerifyDifferentialTests"/> and
/// <see cref="P256EcdhDifferentialTests"/>.
/// </summary>
public class P256DifferentialTests(ITestOutputHelper output)
{
    internal static readonly ECDomainParameters Domain = new(ECNamedCurveTable.GetByName("secp256r1"));

    /// <summary>BouncyCastle's fixed-base multiplier (the one its ECDSA signer uses), much faster than ECPoint.Multiply.</summary>
    private static readonly FixedPointCombMultiplier s_comb = new();

    [Fact]
    public void Public_key_equals_BouncyCastle() =>
        Deterministic.Run(PrivateKey(), 2561, d =>
        {
            byte[] ours = new byte[P256.PublicKeySizeInBytes];
            P256.GeneratePublicKey(d, ours);
            Assert.Equal(ReferencePublicKey(d).GetEncoded(false), ours);
            Assert.True(P256.IsValidPublicKey(ours));
        }, output);

    [Fact]
    public void Signature_equals_BouncyCastle_and_BouncyCastle_verifies_it()
    {
        // 10,000 random hashes over a pool of 256 keys (edge-weighted like the others): BouncyCastle caches its
        // verification tables per public key object, which keeps this test within the time budget; key variety is
        // covered by the public-key and verification tests.
        var pcg = new PCG(1, 25620);
        var keys = new (byte[] D, ECPrivateKeyParameters Private, ECPublicKeyParameters Public, ECPoint Q)[256];
        for (int i = 0; i < keys.Length; i++)
        {
            byte[] d = PrivateKey().Generate(pcg, null, out _);
            ECPoint q = PublicKeyPoint(d);
            keys[i] = (d, new ECPrivateKeyParameters(new BigInteger(1, d), Domain), new ECPublicKeyParameters(q, Domain), q);
        }

        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        Deterministic.Run(Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Byte.Array[32], Gen.Bool), 2562, c =>
        {
            (int index, byte[] hash, bool compressed) = c;
            (byte[] d, ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey, ECPoint q) = keys[index];
            signer.Init(true, privateKey);
            BigInteger[] expected = signer.GenerateSignature(hash);

            byte[] signature = new byte[P256.SignatureSizeInBytes];
            P256.Sign(d, hash, signature);
            Assert.Equal(Concatenate(expected[0], expected[1]), signature);

            signer.Init(false, publicKey);
            Assert.True(signer.VerifySignature(hash, new BigInteger(1, signature, 0, 32), new BigInteger(1, signature, 32, 32)));

            // Our Verify on BouncyCastle's signatures (these, being identical, and those with other nonces) runs in
            // P256VerifyDifferentialTests; here, every 16th case, with the key in either encoding.
            if ((hash[0] & 15) == 0)
            {
                Assert.True(P256.Verify(q.GetEncoded(compressed), hash, signature));
            }
        }, output);
    }

    [Fact]
    public void Der_encoding_equals_BouncyCastle_and_round_trips()
    {
        // r and s with runs of leading zero bytes and either top bit, so every length from 1 to 33 bytes occurs.
        Gen<byte[]> integer = Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 32], Gen.Bool, (bytes, zeros, high) =>
        {
            Array.Clear(bytes, 0, zeros);
            if (zeros < 32)
            {
                bytes[zeros] = high ? (byte)(bytes[zeros] | 0x80) : (byte)(bytes[zeros] & 0x7F);
            }

            return bytes;
        });
        byte[] der = new byte[P256.MaxDerSignatureSizeInBytes];
        Deterministic.Run(Gen.Select(integer, integer), 2565, c =>
        {
            byte[] signature = [.. c.Item1, .. c.Item2];
            byte[] expected = new DerSequence(new DerInteger(new BigInteger(1, c.Item1)), new DerInteger(new BigInteger(1, c.Item2)))
                .GetEncoded(Asn1Encodable.Der);
            int length = P256.EncodeDerSignature(signature, der);
            Assert.Equal(expected, der[..length]);

            byte[] decoded = new byte[P256.SignatureSizeInBytes];
            Assert.True(P256.TryDecodeDerSignature(expected, decoded));
            Assert.Equal(signature, decoded);

            // Trailing bytes and truncation are rejected.
            Assert.False(P256.TryDecodeDerSignature([.. expected, 0x00], decoded));
            Assert.False(P256.TryDecodeDerSignature(expected.AsSpan(0, expected.Length - 1), decoded));
        }, output);
    }

    /// <summary>Valid private keys: uniform below n, small, just below n, powers of two.</summary>
    internal static Gen<byte[]> PrivateKey() =>
        Gen.OneOf(
            Gen.Byte.Array[32].Select(bytes => new BigInteger(1, bytes).Mod(Domain.N.Subtract(BigInteger.One)).Add(BigInteger.One)),
            Gen.Int[1, 65536].Select(small => BigInteger.ValueOf(small)),
            Gen.Int[1, 65536].Select(small => Domain.N.Subtract(BigInteger.ValueOf(small))),
            Gen.Int[0, 255].Select(bit => BigInteger.One.ShiftLeft(bit))).Select(BigIntegers32);

    internal static ECPoint ReferencePublicKey(byte[] d) => s_comb.Multiply(Domain.G, new BigInteger(1, d)).Normalize();

    /// <summary>
    /// The public key as a BouncyCastle point, computed by our own (cheaper) code: <see cref="Public_key_equals_BouncyCastle"/>
    /// checks it against BouncyCastle, and the other tests need it only as input.
    /// </summary>
    internal static ECPoint PublicKeyPoint(byte[] d)
    {
        byte[] publicKey = new byte[P256.PublicKeySizeInBytes];
        P256.GeneratePublicKey(d, publicKey);
        return Domain.Curve.DecodePoint(publicKey);
    }

    internal static byte[] BigIntegers32(BigInteger value) => Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, value);

    internal static byte[] Concatenate(BigInteger r, BigInteger s) => [.. BigIntegers32(r), .. BigIntegers32(s)];
}
