using System.Runtime.InteropServices;

namespace Xous.Crypto.Tests;

/// <summary>Intermediate secrets are wiped: engine state after Clear, and Hmac pads after Dispose.</summary>
public class WipingTests
{
    [Fact]
    public void Cleared_hash_engines_hold_only_zero_bytes()
    {
        Sha256Engine sha256 = default;
        sha256.Initialize();
        sha256.Append("secret key material that spans a partial block"u8);
        Assert.False(IsAllZero(ref sha256));
        sha256.Clear();
        Assert.True(IsAllZero(ref sha256));

        Sha512Engine sha512 = default;
        sha512.Initialize();
        sha512.Append("secret"u8);
        sha512.Clear();
        Assert.True(IsAllZero(ref sha512));

        Sha512Truncated256Engine sha512t = default;
        sha512t.Initialize();
        sha512t.Append("secret"u8);
        sha512t.Clear();
        Assert.True(IsAllZero(ref sha512t));
    }

    [Fact]
    public void Cleared_hmac_engine_holds_only_zero_bytes()
    {
        HmacEngine<Sha256Engine> mac = default;
        mac.Initialize("a key"u8);
        mac.Append("message"u8);
        Assert.False(IsAllZero(ref mac));
        mac.Clear();
        Assert.True(IsAllZero(ref mac));
    }

    [Fact]
    public void Finish_leaves_no_message_bytes_in_the_buffer()
    {
        Sha256Engine engine = default;
        engine.Initialize();
        engine.Append([0xA5, 0xA5, 0xA5]);
        engine.Finish(new byte[32]);
        Sha256Engine fresh = default;
        fresh.Initialize();
        Assert.True(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref engine, 1))
            .SequenceEqual(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref fresh, 1))));
    }

    [Fact]
    public void Disposing_a_hash_function_wipes_its_state()
    {
        var hash = new RecordingHash();
        var mac = new Hmac(hash, "key"u8);
        mac.Append("message"u8);
        mac.Dispose();
        Assert.True(hash.Disposed);
    }

    private static bool IsAllZero<T>(ref T value)
        where T : struct =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1)).IndexOfAnyExcept((byte)0) < 0;

    /// <summary>A SHA-256 that records whether the MAC disposed it.</summary>
    private sealed class RecordingHash : IHashFunction
    {
        private readonly Sha256 _inner = new();

        public bool Disposed { get; private set; }

        public int BlockSize => _inner.BlockSize;

        public int OutputSize => _inner.OutputSize;

        public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

        public void Finish(Span<byte> destination) => _inner.Finish(destination);

        public void Reset() => _inner.Reset();

        public void Dispose()
        {
            _inner.Dispose();
            Disposed = true;
        }
    }
}
