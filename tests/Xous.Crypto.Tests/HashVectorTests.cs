using System.Text;

namespace Xous.Crypto.Tests;

/// <summary>FIPS 180-4 example messages (NIST CSRC "Examples with intermediate values") and their digests.</summary>
public class HashVectorTests
{
    private const string Message448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    private const string Message896 =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

    public static TheoryData<string, string> Sha256Vectors => new()
    {
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { Message448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { Message896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
    };

    public static TheoryData<string, string> Sha512Vectors => new()
    {
        { "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
        { "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
        { Message448, "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445" },
        { Message896, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
    };

    public static TheoryData<string, string> Sha512Truncated256Vectors => new()
    {
        { "abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23" },
        { "", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a" },
        { Message448, "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461" },
        { Message896, "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a" },
    };

    [Theory]
    [MemberData(nameof(Sha256Vectors))]
    public void Sha256_matches_FIPS_180_4(string message, string digest) =>
        AssertAllWays(new Sha256(), Sha256.Hash, message, digest);

    [Theory]
    [MemberData(nameof(Sha512Vectors))]
    public void Sha512_matches_FIPS_180_4(string message, string digest) =>
        AssertAllWays(new Sha512(), Sha512.Hash, message, digest);

    [Theory]
    [MemberData(nameof(Sha512Truncated256Vectors))]
    public void Sha512_256_matches_FIPS_180_4(string message, string digest) =>
        AssertAllWays(new Sha512Truncated256(), Sha512Truncated256.Hash, message, digest);

    [Fact]
    public void One_million_a_matches_FIPS_180_4()
    {
        byte[] million = new byte[1_000_000];
        million.AsSpan().Fill((byte)'a');
        AssertMillion(new Sha256(), million, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        AssertMillion(new Sha512(), million,
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
        AssertMillion(new Sha512Truncated256(), million, "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21");

        byte[] oneShot = new byte[Sha256.HashSizeInBytes];
        Sha256.Hash(million, oneShot);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(oneShot));
    }

    private delegate void OneShot(ReadOnlySpan<byte> source, Span<byte> destination);

    private static void AssertMillion(IHashFunction hash, byte[] million, string digest)
    {
        using (hash)
        {
            byte[] actual = new byte[hash.OutputSize];
            // 1,000,000 = 15,625 appends of 64 bytes: the incremental path, one block at a time.
            for (int offset = 0; offset < million.Length; offset += 64)
            {
                hash.Append(million.AsSpan(offset, 64));
            }

            hash.Finish(actual);
            Assert.Equal(digest, Convert.ToHexStringLower(actual));
        }
    }

    private static void AssertAllWays(IHashFunction hash, OneShot oneShot, string message, string digest)
    {
        byte[] input = Encoding.ASCII.GetBytes(message);
        byte[] actual = new byte[hash.OutputSize];
        oneShot(input, actual);
        Assert.Equal(digest, Convert.ToHexStringLower(actual));

        using (hash)
        {
            foreach (byte b in input)
            {
                hash.Append([b]);
            }

            hash.Finish(actual);
            Assert.Equal(digest, Convert.ToHexStringLower(actual));

            // Finish resets: the same message again gives the same digest.
            hash.Append(input);
            hash.Finish(actual);
            Assert.Equal(digest, Convert.ToHexStringLower(actual));

            // Reset discards what was appended.
            hash.Append("garbage"u8);
            hash.Reset();
            hash.Append(input);
            hash.Finish(actual);
            Assert.Equal(digest, Convert.ToHexStringLower(actual));
        }
    }
}
