using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Our P-256 verification of BouncyCastle signatures made with other nonces, and of tampered ones: 10,000 cases (a
/// class of its own so that xunit runs it beside <see cref="P256DifferentialTests"/>).
/// </summary>
public class P256VerifyDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Verify_accepts_BouncyCastle_signatures_with_other_nonces_and_rejects_tampering()
    {
        // HMAC-SHA-512 nonces give signatures our signer never makes; both s and n − s are valid.
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha512Digest()));
        Deterministic.Run(Gen.Select(P256DifferentialTests.PrivateKey(), Gen.Byte.Array[32], Gen.Bool, Gen.Int[0, 511]), 2563, c =>
        {
            (byte[] d, byte[] hash, bool negate, int bit) = c;
            signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, d), P256DifferentialTests.Domain));
            BigInteger[] rs = signer.GenerateSignature(hash);
            BigInteger s = negate ? P256DifferentialTests.Domain.N.Subtract(rs[1]) : rs[1];
            byte[] signature = P256DifferentialTests.Concatenate(rs[0], s);
            byte[] publicKey = new byte[P256.PublicKeySizeInBytes];
            P256.GeneratePublicKey(d, publicKey);
            Assert.True(P256.Verify(publicKey, hash, signature));

            // One flipped bit of the signature or of the hash must be rejected.
            if ((bit & 1) == 0)
            {
                byte[] tampered = (byte[])signature.Clone();
                tampered[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.False(P256.Verify(publicKey, hash, tampered));
            }
            else
            {
                byte[] otherHash = (byte[])hash.Clone();
                otherHash[(bit >> 3) & 31] ^= (byte)(1 << (bit & 7));
                Assert.False(P256.Verify(publicKey, otherHash, signature));
            }
        }, output);
    }
}
