using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Wycheproof ed25519_test.json (every valid signature accepted, every invalid one rejected) and x25519_test.json
/// (every case computes the expected shared value; the all-zero ones are refused).
/// </summary>
public class Wycheproof25519Tests(ITestOutputHelper output)
{
    [Fact]
    public void Ed25519_verification() =>
        Wycheproof.Run(output, "ed25519_test.json", test =>
        {
            byte[] publicKey = Convert.FromHexString(test.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            return Ed25519.Verify(publicKey, test.Bytes("msg"), test.Bytes("sig"));
        });

    [Fact]
    public void X25519_shared_secrets()
    {
        int zeroRefused = 0;
        Wycheproof.Run(output, "x25519_test.json", test =>
        {
            byte[] shared = new byte[X25519.KeySizeInBytes];
            bool accepted = X25519.ScalarMultiply(test.Bytes("private"), test.Bytes("public"), shared);

            // Whatever the verdict, the computed u-coordinate must be the expected one (all zero when refused).
            byte[] expected = test.Bytes("shared");
            Assert.Equal(expected, shared);
            bool zero = expected.All(b => b == 0);
            Assert.Equal(!zero, accepted);
            zeroRefused += zero ? 1 : 0;
            return accepted;
        });

        // RFC 7748 §6.1: an all-zero shared secret (31 low-order public keys in this file) is refused.
        output.WriteLine($"[counts] x25519 all-zero shared secrets refused: {zeroRefused}");
        Assert.Equal(31, zeroRefused);
    }
}
