using CsCheck;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Xunit.Abstractions;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Xous.Crypto.Tests;

/// <summary>
/// Ed25519 against BouncyCastle: 10,000 generated cases from a fixed seed. Public keys and signatures must be
/// byte-identical, each side must accept the other's signatures, and a tampered message or
/// signature must be rejected by both.
/// </summary>
public class Ed25519DifferentialTests(ITestOutputHelper output)
{
    /// <summary>A key, a message (0–300 bytes) and where and how to tamper with the message or the signature.</summary>
    internal static readonly Gen<(byte[] Seed, byte[] Message, int Position, byte Flip)> Cases =
        Gen.Select(Gen.Byte.Array[32], Deterministic.Bytes(128, 300), Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]);

    [Fact]
    public void Ed25519_keys_and_signatures_equal_BouncyCastle()
    {
        int index = 0;
        Deterministic.Run(Cases, 8032, c =>
        {
            var bcPrivate = new Ed25519PrivateKeyParameters(c.Seed);
            byte[] bcPublic = bcPrivate.GeneratePublicKey().GetEncoded();
            var signer = new Ed25519Signer();
            signer.Init(true, bcPrivate);
            signer.BlockUpdate(c.Message, 0, c.Message.Length);
            byte[] bcSignature = signer.GenerateSignature();

            byte[] publicKey = new byte[32];
            Ed25519.GetPublicKey(c.Seed, publicKey);
            Assert.Equal(bcPublic, publicKey);
            byte[] signature = new byte[64];
            Ed25519.Sign(c.Seed, c.Message, signature);
            Assert.Equal(bcSignature, signature);

            // Cross verification: ours accepts BouncyCastle's signature, BouncyCastle accepts ours.
            Assert.True(Ed25519.Verify(publicKey, c.Message, bcSignature));
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
            verifier.BlockUpdate(c.Message, 0, c.Message.Length);
            Assert.True(verifier.VerifySignature(signature));

            // Alternately tamper with the message and with the signature: both sides reject.
            CheckTampered(index++, c.Message, signature, c.Position, c.Flip, (m, s) => Ed25519.Verify(publicKey, m, s),
                (m, s) => BcEd25519.Verify(s, 0, publicKey, 0, m, 0, m.Length));
        }, output);
    }

    /// <summary>Even cases flip a message byte (when there is one), odd cases a signature byte; both verifiers must refuse.</summary>
    internal static void CheckTampered(
        int index, byte[] message, byte[] signature, int position, byte flip, Func<byte[], byte[], bool> ours, Func<byte[], byte[], bool> theirs)
    {
        byte[] m = message, s = signature;
        if ((index & 1) == 0 && message.Length > 0)
        {
            m = (byte[])message.Clone();
            m[position % m.Length] ^= flip;
        }
        else
        {
            s = (byte[])signature.Clone();
            s[position % 64] ^= flip;
        }

        Assert.False(ours(m, s));
        Assert.False(theirs(m, s));
    }
}
