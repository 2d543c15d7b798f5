using CsCheck;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// P-256 ECDH against BouncyCastle's <c>ECDHBasicAgreement</c>: 10,000 cases with uncompressed and compressed peer keys
/// (a class of its own so that xunit runs it beside the other differential classes).
/// </summary>
public class P256EcdhDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Ecdh_equals_BouncyCastle()
    {
        // 10,000 random private keys against a pool of 256 peer keys (BouncyCastle caches its tables per point object,
        // which keeps the test within its time budget; peer-key variety is covered by the other tests and Wycheproof).
        var pcg = new PCG(1, 25640);
        var peers = new ECPublicKeyParameters[256];
        for (int i = 0; i < peers.Length; i++)
        {
            peers[i] = new ECPublicKeyParameters(
                P256DifferentialTests.PublicKeyPoint(P256DifferentialTests.PrivateKey().Generate(pcg, null, out _)), P256DifferentialTests.Domain);
        }

        var agreement = new ECDHBasicAgreement();
        Deterministic.Run(Gen.Select(P256DifferentialTests.PrivateKey(), Gen.Int[0, peers.Length - 1], Gen.Bool), 2564, c =>
        {
            (byte[] d, int index, bool compressed) = c;
            ECPoint peer = peers[index].Q;
            agreement.Init(new ECPrivateKeyParameters(new BigInteger(1, d), P256DifferentialTests.Domain));
            byte[] expected = P256DifferentialTests.BigIntegers32(agreement.CalculateAgreement(peers[index]));

            byte[] shared = new byte[32];
            Assert.True(P256.SharedSecret(d, peer.GetEncoded(compressed), shared));
            Assert.Equal(expected, shared);
        }, output);
    }
}
