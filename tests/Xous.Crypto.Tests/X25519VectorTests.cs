namespace Xous.Crypto.Tests;

/// <summary>RFC 7748 §5.2 (two vectors and the iterated loops) and §6.1 (Alice and Bob) as data.</summary>
public class X25519VectorTests
{
    [Theory]
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData(
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void X25519_matches_RFC_7748_section_5_2(string scalar, string u, string expected)
    {
        byte[] result = new byte[32];
        Assert.True(X25519.ScalarMultiply(Convert.FromHexString(scalar), Convert.FromHexString(u), result));
        Assert.Equal(expected, Convert.ToHexStringLower(result));

        // The same through the engine seam.
        byte[] viaEngine = new byte[32];
        Assert.True(X25519.ScalarMultiply(new Curve25519SoftwareEngine(), Convert.FromHexString(scalar), Convert.FromHexString(u), viaEngine));
        Assert.Equal(result, viaEngine);
    }

    [Fact]
    public void X25519_iterated_once_and_a_thousand_times_matches_RFC_7748()
    {
        (int Iterations, string Expected)[] checkpoints =
        [
            (1, "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"),
            (1000, "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"),
        ];
        Iterate(checkpoints);
    }

    [Fact]
    public void X25519_iterated_a_million_times_matches_RFC_7748_when_asked()
    {
        // Takes minutes: runs only with XOUS_X25519_MILLION=1.
        if (Environment.GetEnvironmentVariable("XOUS_X25519_MILLION") != "1")
        {
            return;
        }

        Iterate([(1_000_000, "7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f605424")]);
    }

    [Fact]
    public void X25519_Alice_and_Bob_match_RFC_7748_section_6_1()
    {
        byte[] alicePrivate = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = new byte[32], bobPublic = new byte[32];
        X25519.GetPublicKey(alicePrivate, alicePublic);
        X25519.GetPublicKey(new Curve25519SoftwareEngine(), bobPrivate, bobPublic);
        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Convert.ToHexStringLower(alicePublic));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Convert.ToHexStringLower(bobPublic));

        byte[] aliceShared = new byte[32], bobShared = new byte[32];
        Assert.True(X25519.ScalarMultiply(alicePrivate, bobPublic, aliceShared));
        Assert.True(X25519.ScalarMultiply(bobPrivate, alicePublic, bobShared));
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Convert.ToHexStringLower(aliceShared));
        Assert.Equal(aliceShared, bobShared);
    }

    /// <summary>k = u = 9; repeatedly (k, u) ← (X25519(k, u), k) and compare k at each checkpoint (RFC 7748 §5.2).</summary>
    private static void Iterate((int Iterations, string Expected)[] checkpoints)
    {
        byte[] k = new byte[32];
        byte[] u = new byte[32];
        k[0] = 9;
        u[0] = 9;
        byte[] next = new byte[32];
        int done = 0;
        foreach ((int iterations, string expected) in checkpoints)
        {
            for (; done < iterations; done++)
            {
                X25519.ScalarMultiply(k, u, next);
                (u, k, next) = (k, next, u);
            }

            Assert.Equal(expected, Convert.ToHexStringLower(k));
        }
    }
}
