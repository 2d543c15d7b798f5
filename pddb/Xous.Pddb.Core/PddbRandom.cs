using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb;

/// <summary>
/// The PDDB's one source of randomness: noise, nonces, keys, salts and random choices, from a <see cref="ChaChaDrbg"/>
/// seeded by the device's entropy source (the TRNG). Tests pass an insecure deterministic DRBG to replay a run.
/// </summary>
public sealed class PddbRandom : IDisposable
{
    private readonly ChaChaDrbg _drbg;

    /// <summary>Draws from <paramref name="drbg"/>, which this object owns and disposes.</summary>
    public PddbRandom(ChaChaDrbg drbg)
    {
        _drbg = drbg ?? throw new ArgumentNullException(nameof(drbg));
    }

    /// <summary>Fills <paramref name="destination"/> with random bytes (any length).</summary>
    public void Fill(Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            int count = destination.Length < ChaChaDrbg.MaxChunkSizeInBytes ? destination.Length : ChaChaDrbg.MaxChunkSizeInBytes;
            _drbg.Generate(destination.Slice(0, count));
            destination = destination.Slice(count);
        }
    }

    /// <summary>A uniformly random 32-bit value.</summary>
    public uint NextUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        _drbg.Generate(bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>A uniformly random integer in [0, <paramref name="bound"/>) (rejection sampling, no modulo bias).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound));
        }

        uint limit = uint.MaxValue - (uint.MaxValue % (uint)bound);
        while (true)
        {
            uint value = NextUInt32();
            if (value < limit)
            {
                return (int)(value % (uint)bound);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _drbg.Dispose();
}
