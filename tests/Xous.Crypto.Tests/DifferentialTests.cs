using System.Runtime.CompilerServices;
using CsCheck;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Differential tests against BouncyCastle: 10,000 generated cases per primitive from fixed seeds; lengths 0–1000
/// with extra weight on block boundaries; split incremental appends must equal the one-shot result.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private delegate void OneShot(ReadOnlySpan<byte> source, Span<byte> destination);

    [Fact]
    public void Sha256_equals_BouncyCastle() =>
        CheckHash(new Sha256(), Sha256.Hash, new Sha256Digest(), seed: 256, output);

    [Fact]
    public void Sha512_equals_BouncyCastle() =>
        CheckHash(new Sha512(), Sha512.Hash, new Sha512Digest(), seed: 512, output);

    [Fact]
    public void Sha512_256_equals_BouncyCastle() =>
        CheckHash(new Sha512Truncated256(), Sha512Truncated256.Hash, new Sha512tDigest(256), seed: 512256, output);

    [Fact]
    public void HmacSha256_equals_BouncyCastle() =>
        CheckHmac(HmacSha256.Compute, HmacSha256.Create, () => new Sha256Digest(), 64, seed: 4231256, output);

    [Fact]
    public void HmacSha512_equals_BouncyCastle() =>
        CheckHmac(HmacSha512.Compute, HmacSha512.Create, () => new Sha512Digest(), 128, seed: 4231512, output);

    [Fact]
    public void HkdfSha256_equals_BouncyCastle()
    {
        Gen<int> outputLength = Gen.OneOf(
            Gen.Int[1, 200],
            Gen.Select(Gen.Int[1, 255], Gen.Int[-1, 0], (blocks, delta) => (blocks * 32) + delta),
            Gen.Int[1, HkdfSha256.MaxOutputLength]);
        Gen<(byte[] Ikm, byte[] Salt, byte[] Info, int Length)> cases =
            Gen.Select(Deterministic.Bytes(64, 200), Deterministic.Bytes(64, 200), Deterministic.Bytes(64, 200), outputLength);
        var reference = new HkdfBytesGenerator(new Sha256Digest());
        Deterministic.Run(cases, 5869, c =>
        {
            byte[] expected = new byte[c.Length];
            reference.Init(new HkdfParameters(c.Ikm, c.Salt.Length == 0 ? null : c.Salt, c.Info));
            reference.GenerateBytes(expected, 0, c.Length);

            byte[] derived = new byte[c.Length];
            HkdfSha256.DeriveKey(c.Ikm, c.Salt, c.Info, derived);
            Assert.Equal(expected, derived);

            byte[] prk = new byte[HkdfSha256.HashSizeInBytes];
            byte[] expanded = new byte[c.Length];
            HkdfSha256.Extract(c.Ikm, c.Salt, prk);
            HkdfSha256.Expand(prk, c.Info, expanded);
            Assert.Equal(expected, expanded);
        }, output);
    }

    [Fact]
    public void FixedTime_equals_agrees_with_sequence_equality()
    {
        // Half the pairs are equal copies, the rest differ in one random byte or in length.
        Gen<(byte[] Left, byte[] Right)> pairs = Deterministic.Bytes(64, 200).SelectMany(left => Gen.OneOf(
            Gen.Const((left, (byte[])left.Clone())),
            Gen.Select(Gen.Int[0, Math.Max(0, left.Length - 1)], Gen.Byte[1, 255], (index, flip) =>
            {
                byte[] right = (byte[])left.Clone();
                if (right.Length > 0)
                {
                    right[index] ^= flip;
                }

                return (left, right);
            }),
            Deterministic.Bytes(64, 200).Select(right => (left, right))));
        int unequal = 0;
        Deterministic.Run(pairs, 1, p =>
        {
            bool expected = p.Left.AsSpan().SequenceEqual(p.Right);
            Assert.Equal(expected, FixedTime.Equals(p.Left, p.Right));
            unequal += expected ? 0 : 1;
        }, output);
        Assert.InRange(unequal, 1_000, Deterministic.Cases - 1_000);
    }

    private static void CheckHash(
        IHashFunction ours, OneShot oneShot, IDigest reference, ulong seed, ITestOutputHelper output, [CallerMemberName] string name = "")
    {
        using (ours)
        {
            Gen<(byte[] Message, int[] Cuts)> cases = Deterministic.Bytes(ours.BlockSize)
                .SelectMany(message => Deterministic.Cuts(message.Length).Select(cuts => (message, cuts)));
            Deterministic.Run(cases, seed, c =>
            {
                byte[] expected = new byte[reference.GetDigestSize()];
                reference.BlockUpdate(c.Message, 0, c.Message.Length);
                reference.DoFinal(expected, 0);

                byte[] actual = new byte[ours.OutputSize];
                oneShot(c.Message, actual);
                Assert.Equal(expected, actual);

                // The same instance is reused for every case: Finish must leave it reset.
                Deterministic.AppendInPieces(piece => ours.Append(piece), c.Message, c.Cuts);
                Array.Clear(actual);
                ours.Finish(actual);
                Assert.Equal(expected, actual);
            }, output, name);
        }
    }

    private delegate void MacOneShot(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination);

    private delegate Hmac MacFactory(ReadOnlySpan<byte> key);

    private static void CheckHmac(
        MacOneShot oneShot, MacFactory create, Func<IDigest> digest, int blockSize, ulong seed, ITestOutputHelper output, [CallerMemberName] string name = "")
    {
        Gen<(byte[] Key, byte[] Message, int[] Cuts)> cases =
            from key in Deterministic.Bytes(blockSize, 300)
            from message in Deterministic.Bytes(blockSize)
            from cuts in Deterministic.Cuts(message.Length)
            select (key, message, cuts);
        var reference = new HMac(digest());
        Deterministic.Run(cases, seed, c =>
        {
            reference.Init(new KeyParameter(c.Key));
            reference.BlockUpdate(c.Message, 0, c.Message.Length);
            byte[] expected = new byte[reference.GetMacSize()];
            reference.DoFinal(expected, 0);

            byte[] actual = new byte[expected.Length];
            oneShot(c.Key, c.Message, actual);
            Assert.Equal(expected, actual);

            using Hmac incremental = create(c.Key);
            Deterministic.AppendInPieces(piece => incremental.Append(piece), c.Message, c.Cuts);
            Array.Clear(actual);
            incremental.Finish(actual);
            Assert.Equal(expected, actual);
        }, output, name);
    }
}
