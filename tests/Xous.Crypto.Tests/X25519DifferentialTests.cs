using CsCheck;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Xous.Crypto.Tests;

/// <summary>
/// X25519 against BouncyCastle: 10,000 generated cases from a fixed seed with random scalars and random u
/// (half with bit 255 set, some non-canonical, just below 2^255), public keys, and on every fourth case a full
/// <c>X25519Agreement</c> with our public key.
/// </summary>
public class X25519DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void X25519_equals_BouncyCastle()
    {
        // u: uniformly random 32 bytes (so bit 255 is set half the time), or from p − 4 to 2^255 − 1 with a random bit 255.
        Gen<byte[]> u = Gen.OneOf(
            Gen.Byte.Array[32],
            Gen.Select(Gen.Int[0xE9, 0xFF], Gen.Bool, (low, top) =>
            {
                byte[] bytes = Enumerable.Repeat((byte)0xFF, 32).ToArray();
                bytes[0] = (byte)low;
                bytes[31] = top ? (byte)0xFF : (byte)0x7F;
                return bytes;
            }));
        Gen<(byte[] A, byte[] B, byte[] U)> cases = Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32], u);
        int zero = 0, index = 0;
        Deterministic.Run(cases, 7748, c =>
        {
            byte[] expected = new byte[32];
            BcX25519.ScalarMult(c.A, 0, c.U, 0, expected, 0);
            byte[] actual = new byte[32];
            bool accepted = X25519.ScalarMultiply(c.A, c.U, actual);
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Any(b => b != 0), accepted);
            zero += accepted ? 0 : 1;

            // Public keys.
            byte[] publicA = new byte[32];
            X25519.GetPublicKey(c.A, publicA);
            var bcPrivateA = new X25519PrivateKeyParameters(c.A);
            Assert.Equal(bcPrivateA.GeneratePublicKey().GetEncoded(), publicA);

            // Every fourth case, a full agreement between our key A and BouncyCastle's key B.
            if (index++ % 4 != 0)
            {
                return;
            }

            var bcPrivateB = new X25519PrivateKeyParameters(c.B);
            byte[] publicB = bcPrivateB.GeneratePublicKey().GetEncoded();
            var agreement = new X25519Agreement();
            agreement.Init(bcPrivateB);
            byte[] bcShared = new byte[agreement.AgreementSize];
            agreement.CalculateAgreement(new X25519PublicKeyParameters(publicA), bcShared, 0);
            byte[] shared = new byte[32];
            Assert.True(X25519.ScalarMultiply(c.A, publicB, shared));
            Assert.Equal(bcShared, shared);
        }, output);

        // u ≡ 0 and u ≡ 1 (p and p + 1, with either top bit) give the all-zero result, which must be refused.
        output.WriteLine($"[counts] X25519 all-zero results refused: {zero}");
        Assert.InRange(zero, 1, Deterministic.Cases / 10);
    }
}
