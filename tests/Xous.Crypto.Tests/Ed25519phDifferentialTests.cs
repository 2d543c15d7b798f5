using CsCheck;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Ed25519ph against BouncyCastle's <c>Ed25519phSigner</c>: 10,000 generated cases from a fixed seed with contexts
/// of 0–255 bytes, signing the message (even cases) or its precomputed SHA-512 (odd cases). Signatures must be
/// byte-identical, cross-verify, and fail when the message or signature is tampered with.
/// </summary>
public class Ed25519phDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Ed25519ph_signatures_with_context_equal_BouncyCastle()
    {
        Gen<(byte[] Seed, byte[] Message, int Position, byte Flip, byte[] Context)> cases =
            Ed25519DifferentialTests.Cases.SelectMany(c => Gen.OneOf(Gen.Const(Array.Empty<byte>()), Gen.Byte.Array[0, 255])
                .Select(context => (c.Seed, c.Message, c.Position, c.Flip, context)));
        int index = 0;
        Deterministic.Run(cases, 8033, c =>
        {
            var bcPrivate = new Ed25519PrivateKeyParameters(c.Seed);
            byte[] publicKey = bcPrivate.GeneratePublicKey().GetEncoded();
            var signer = new Ed25519phSigner(c.Context);
            signer.Init(true, bcPrivate);
            signer.BlockUpdate(c.Message, 0, c.Message.Length);
            byte[] bcSignature = signer.GenerateSignature();

            byte[] signature = new byte[64];
            if ((index & 1) == 0)
            {
                Ed25519ph.Sign(c.Seed, c.Message, signature, c.Context);
            }
            else
            {
                byte[] prehash = new byte[64];
                Sha512.Hash(c.Message, prehash);
                Ed25519ph.SignPrehash(c.Seed, prehash, signature, c.Context);
            }

            Assert.Equal(bcSignature, signature);
            Assert.True(Ed25519ph.Verify(publicKey, c.Message, bcSignature, c.Context));
            var verifier = new Ed25519phSigner(c.Context);
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
            verifier.BlockUpdate(c.Message, 0, c.Message.Length);
            Assert.True(verifier.VerifySignature(signature));

            Ed25519DifferentialTests.CheckTampered(index++, c.Message, signature, c.Position, c.Flip,
                (m, s) => Ed25519ph.Verify(publicKey, m, s, c.Context),
                (m, s) =>
                {
                    var v = new Ed25519phSigner(c.Context);
                    v.Init(false, new Ed25519PublicKeyParameters(publicKey));
                    v.BlockUpdate(m, 0, m.Length);
                    return v.VerifySignature(s);
                });
        }, output);
    }
}
