using CsCheck;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;
using BouncyCastleAes = Org.BouncyCastle.Crypto.Engines.AesEngine;

namespace Xous.Crypto.Tests;

/// <summary>
/// AES key wrap with padding: the two RFC 5649 §6 examples, 10,000 cases against BouncyCastle's
/// <c>Rfc5649WrapEngine</c> with a one-bit change to every wrapping rejected, the PDDB's 32-byte-key-under-32-byte-KEK
/// shape, and unhappy paths. Keys are 1–72 bytes (weighted to multiples of 8): wrapping costs 6·n sequential AES
/// calls for n 8-byte blocks, and keys are short.
/// </summary>
public class AesKeyWrapPaddedTests(ITestOutputHelper output)
{
    private const string Rfc5649Kek = "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8";

    [Theory]
    [InlineData("c37b7e6492584340bed12207808941155068f738", "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")]
    [InlineData("466f7250617369", "afbeb0f07dfbf5419200f2ccb50bb24f")]
    public void Rfc5649_section_6_examples(string key, string wrapped)
    {
        byte[] kek = Convert.FromHexString(Rfc5649Kek);
        byte[] k = Convert.FromHexString(key);
        byte[] output = new byte[AesKeyWrapPadded.WrappedLength(k.Length)];
        AesKeyWrapPadded.Wrap(kek, k, output);
        Assert.Equal(wrapped, Convert.ToHexStringLower(output));

        byte[] unwrapped = new byte[output.Length - 8];
        Assert.True(AesKeyWrapPadded.Unwrap(kek, output, unwrapped, out int length));
        Assert.Equal(k, unwrapped[..length]);
    }

    [Fact]
    public void Kwp_equals_BouncyCastle_and_rejects_tampering()
    {
        Gen<(byte[] Kek, byte[] Key, int Index)> cases = Gen.Select(
            Gen.OneOfConst(16, 24, 32).SelectMany(n => Gen.Byte.Array[n]),
            Deterministic.Length(8, 72).Select(n => Math.Max(n, 1)).SelectMany(n => Gen.Byte.Array[n]),
            Gen.Int[0, int.MaxValue]);
        var reference = new Rfc5649WrapEngine(new BouncyCastleAes());
        Deterministic.Run(cases, 5649, c =>
        {
            reference.Init(true, new KeyParameter(c.Kek));
            byte[] expected = reference.Wrap(c.Key, 0, c.Key.Length);

            byte[] wrapped = new byte[AesKeyWrapPadded.WrappedLength(c.Key.Length)];
            AesKeyWrapPadded.Wrap(c.Kek, c.Key, wrapped);
            Assert.Equal(expected, wrapped);

            byte[] unwrapped = new byte[wrapped.Length];
            Assert.True(AesKeyWrapPadded.Unwrap(c.Kek, wrapped, unwrapped, out int length));
            Assert.Equal(c.Key, unwrapped[..length]);
            Assert.All(unwrapped[length..], b => Assert.Equal(0, b));

            wrapped[c.Index % wrapped.Length] ^= (byte)(1 << (c.Index / wrapped.Length % 8));
            unwrapped.AsSpan().Fill(0xEE);
            Assert.False(AesKeyWrapPadded.Unwrap(c.Kek, wrapped, unwrapped, out length));
            Assert.Equal(0, length);
            Assert.All(unwrapped, b => Assert.Equal(0, b));
        }, output);
    }

    [Fact]
    public void Pddb_key_wraps_into_40_bytes()
    {
        byte[] kek = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
        byte[] key = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];
        Assert.Equal(40, AesKeyWrapPadded.WrappedLength(32));
        byte[] wrapped = new byte[40];
        AesKeyWrapPadded.Wrap(kek, key, wrapped);
        byte[] unwrapped = new byte[32];
        Assert.True(AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out int length));
        Assert.Equal(32, length);
        Assert.Equal(key, unwrapped);
        kek[0] ^= 1;
        Assert.False(AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out _));
        Assert.All(unwrapped, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Wrong_lengths_are_refused_or_rejected()
    {
        byte[] kek = new byte[16];
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.WrappedLength(0));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Wrap(new byte[15], new byte[8], new byte[16]));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Wrap(kek, [], new byte[8]));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Wrap(kek, new byte[9], new byte[16]));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Unwrap(new byte[17], new byte[16], new byte[8], out _));
        Assert.Throws<ArgumentException>(() => AesKeyWrapPadded.Unwrap(kek, new byte[24], new byte[15], out _));

        // Malformed wrapped lengths are data, not programming errors: they are rejected and the output is cleared.
        foreach (int length in new[] { 0, 8, 15, 17, 23 })
        {
            byte[] output = [.. Enumerable.Repeat((byte)1, 32)];
            Assert.False(AesKeyWrapPadded.Unwrap(kek, new byte[length], output, out int keyLength));
            Assert.Equal(0, keyLength);
            Assert.All(output, b => Assert.Equal(0, b));
        }
    }
}
