using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>Wycheproof HMAC-SHA-256, HMAC-SHA-512 and HKDF-SHA-256 files; every case of each must come out right.</summary>
public class WycheproofMacTests(ITestOutputHelper output)
{
    [Fact]
    public void Hmac_sha256() => RunHmac("hmac_sha256_test.json", HmacSha256.Compute, 32);

    [Fact]
    public void Hmac_sha512() => RunHmac("hmac_sha512_test.json", HmacSha512.Compute, 64);

    [Fact]
    public void Hkdf_sha256() =>
        Wycheproof.Run(output, "hkdf_sha256_test.json", test =>
        {
            int size = test.Int("size");
            if (size > HkdfSha256.MaxOutputLength)
            {
                // The library must refuse it with an ArgumentException naming the limit, not produce bytes.
                ArgumentException refused = Assert.Throws<ArgumentException>(
                    () => HkdfSha256.DeriveKey(test.Bytes("ikm"), test.Bytes("salt"), test.Bytes("info"), new byte[size]));
                Assert.Contains("8160", refused.Message, StringComparison.Ordinal);
                return false;
            }

            byte[] derived = new byte[size];
            HkdfSha256.DeriveKey(test.Bytes("ikm"), test.Bytes("salt"), test.Bytes("info"), derived);
            return FixedTime.Equals(derived, test.Bytes("okm"));
        });

    private delegate void Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination);

    private void RunHmac(string file, Mac compute, int outputSize) =>
        Wycheproof.Run(output, file, test =>
        {
            byte[] full = new byte[outputSize];
            compute(test.Bytes("key"), test.Bytes("msg"), full);
            byte[] tag = test.Bytes("tag");
            Assert.Equal(test.GroupInt("tagSize") / 8, tag.Length);
            return FixedTime.Equals(full.AsSpan(0, tag.Length), tag);
        });
}
