using System;

namespace Xous.Crypto;

/// <summary>
/// A deterministic random bit generator on ChaCha20 with fast key erasure, seeded and reseeded from an
/// <see cref="IEntropySource"/>: the PDDB's noise, nonces and keys come from it.
/// </summary>
/// <remarks>
/// <para>The construction (README "ChaChaDrbg"), with HKDF = HKDF-SHA-256 (RFC 5869), L = "Xous.Crypto.ChaChaDrbg.v1"
/// in ASCII, and ChaCha20 as in RFC 8439 with a zero nonce and block counter 0:</para>
/// <list type="bullet">
/// <item><description>State: a 32-byte key K and the number of bytes generated since the last reseed.</description></item>
/// <item><description>Mix(IKM, extra): K ← HKDF(salt = K, IKM, info = L ‖ extra, 32 bytes).</description></item>
/// <item><description>Instantiate: K ← 32 zero bytes, then Mix(E, personalisation) with E = 32 bytes from the source
/// (or the caller's seed for the insecure deterministic instance).</description></item>
/// <item><description>Reseed: Mix(E ‖ additional input, empty) with E = 32 fresh bytes from the source (no E for the
/// deterministic instance); the byte count restarts at 0.</description></item>
/// <item><description>Generate n bytes: split into chunks of at most <see cref="MaxChunkSizeInBytes"/>. Per chunk of
/// m bytes: first reseed from the source if prediction resistance is on or if the byte count plus m would exceed the
/// reseed interval; then S = ChaCha20(K) key stream of 32 + m bytes, K ← S[0..32] (fast key erasure), the chunk is
/// S[32..32+m], and the byte count grows by m.</description></item>
/// </list>
/// <para>Nothing but K survives a request, so whoever reads the state later learns nothing about output already
/// returned. Each chunk costs at least one ChaCha20 block, even for a 4-byte nonce. Not thread-safe.</para>
/// </remarks>
public sealed class ChaChaDrbg : IDisposable
{
    /// <summary>The key size in bytes.</summary>
    public const int KeySizeInBytes = 32;

    /// <summary>How many bytes each seeding or reseeding draws from the entropy source (256 bits of entropy).</summary>
    public const int SeedSizeInBytes = 32;

    /// <summary>The largest chunk produced under one key; longer requests are served as several chunks.</summary>
    public const int MaxChunkSizeInBytes = 65536;

    /// <summary>The default reseed interval: 1 MiB of output.</summary>
    public const long DefaultReseedIntervalInBytes = 1L << 20;

    private readonly byte[] _key = new byte[KeySizeInBytes];
    private readonly IEntropySource? _source;
    private long _bytesSinceReseed;
    private long _reseedCount;
    private bool _disposed;

    /// <summary>Instantiates from <paramref name="source"/>: draws <see cref="SeedSizeInBytes"/> bytes and mixes in the personalisation.</summary>
    /// <param name="source">The entropy source; kept for reseeding.</param>
    /// <param name="personalization">Optional bytes that make this instance's state differ from another's (a device or purpose label); not secret.</param>
    /// <param name="reseedIntervalInBytes">Reseed from the source before a chunk would take the output since the last reseed past this many bytes; at least 1.</param>
    /// <param name="predictionResistance">Reseed from the source before every chunk.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reseedIntervalInBytes"/> is less than 1.</exception>
    public ChaChaDrbg(
        IEntropySource source,
        ReadOnlySpan<byte> personalization = default,
        long reseedIntervalInBytes = DefaultReseedIntervalInBytes,
        bool predictionResistance = false)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (reseedIntervalInBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(reseedIntervalInBytes), "The reseed interval must be at least 1 byte.");
        }

        _source = source;
        ReseedIntervalInBytes = reseedIntervalInBytes;
        PredictionResistance = predictionResistance;
        Span<byte> entropy = stackalloc byte[SeedSizeInBytes];
        try
        {
            source.Fill(entropy);
            Mix(entropy, default, personalization);
        }
        finally
        {
            entropy.Clear();
        }
    }

    private ChaChaDrbg(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> personalization)
    {
        ReseedIntervalInBytes = long.MaxValue;
        Mix(seed, default, personalization);
    }

    /// <summary>Reseeds before a chunk would take the output since the last reseed past this many bytes.</summary>
    public long ReseedIntervalInBytes { get; }

    /// <summary>Whether every chunk is preceded by a reseed from the source.</summary>
    public bool PredictionResistance { get; }

    /// <summary>True for an instance from <see cref="CreateInsecureDeterministic"/>: its output is predictable from its seed.</summary>
    public bool IsInsecureDeterministic => _source is null;

    /// <summary>Bytes generated since instantiation or the last reseed.</summary>
    public long BytesSinceReseed => _bytesSinceReseed;

    /// <summary>Reseeds so far (automatic and explicit; instantiation does not count).</summary>
    public long ReseedCount => _reseedCount;

    /// <summary>
    /// INSECURE: a generator whose whole output follows from <paramref name="seed"/>, with no entropy source and no
    /// automatic reseeding; for tests and simulation only, never for keys or nonces on a device.
    /// </summary>
    /// <param name="seed">At least <see cref="SeedSizeInBytes"/> bytes.</param>
    /// <param name="personalization">Optional personalisation, as for the secure constructor.</param>
    /// <returns>A generator for which <see cref="IsInsecureDeterministic"/> is true.</returns>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is shorter than <see cref="SeedSizeInBytes"/>.</exception>
    public static ChaChaDrbg CreateInsecureDeterministic(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> personalization = default)
    {
        if (seed.Length < SeedSizeInBytes)
        {
            throw new ArgumentException($"The seed must be at least {SeedSizeInBytes} bytes; got {seed.Length}.", nameof(seed));
        }

        return new ChaChaDrbg(seed, personalization);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with output, reseeding first when the interval or prediction resistance
    /// asks for it, and replaces the key after every chunk. An empty destination does nothing.
    /// </summary>
    /// <param name="destination">Any length; served in chunks of at most <see cref="MaxChunkSizeInBytes"/>.</param>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="Exception">The entropy source failed during a reseed (its exception, unchanged); <paramref name="destination"/> is then all zero, and the key is the one before the failed reseed.</exception>
    public void Generate(Span<byte> destination)
    {
        Check.NotDisposed(_disposed, nameof(ChaChaDrbg));
        bool completed = false;
        try
        {
            for (int done = 0; done < destination.Length; done += MaxChunkSizeInBytes)
            {
                Span<byte> chunk = destination.Slice(done, Math.Min(MaxChunkSizeInBytes, destination.Length - done));
                if (_source is not null && (PredictionResistance || _bytesSinceReseed + chunk.Length > ReseedIntervalInBytes))
                {
                    ReseedFromSource(default);
                }

                GenerateChunk(chunk);
                _bytesSinceReseed += chunk.Length;
            }

            completed = true;
        }
        finally
        {
            if (!completed)
            {
                destination.Clear();
            }
        }
    }

    /// <summary>Reseeds now with <see cref="SeedSizeInBytes"/> fresh bytes from the entropy source.</summary>
    /// <exception cref="InvalidOperationException">The generator has no entropy source (it is the insecure deterministic one).</exception>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="Exception">The entropy source failed (its exception); the key is unchanged.</exception>
    public void Reseed() => Reseed(default);

    /// <summary>
    /// Reseeds now: mixes fresh source entropy followed by <paramref name="additionalInput"/> into the key. For the
    /// insecure deterministic generator, only <paramref name="additionalInput"/> is mixed in, so the result stays
    /// reproducible.
    /// </summary>
    /// <param name="additionalInput">Extra entropy or context from the caller (another noise source, a counter); may be empty, except for the deterministic generator.</param>
    /// <exception cref="InvalidOperationException">The deterministic generator was given no additional input.</exception>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="Exception">The entropy source failed (its exception); the key is unchanged.</exception>
    public void Reseed(ReadOnlySpan<byte> additionalInput)
    {
        Check.NotDisposed(_disposed, nameof(ChaChaDrbg));
        if (_source is null && additionalInput.IsEmpty)
        {
            throw new InvalidOperationException("The insecure deterministic ChaChaDrbg has no entropy source; reseed it with additional input.");
        }

        ReseedFromSource(additionalInput);
    }

    /// <summary>Wipes the key; every member but <c>Dispose</c> then throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _key.AsSpan().Clear();
        _disposed = true;
    }

    /// <summary>The key, for tests that check key erasure and wiping.</summary>
    internal ReadOnlySpan<byte> KeyForTests => _key;

    private void ReseedFromSource(ReadOnlySpan<byte> additionalInput)
    {
        Span<byte> entropy = stackalloc byte[SeedSizeInBytes];
        try
        {
            if (_source is null)
            {
                entropy = default;
            }
            else
            {
                _source.Fill(entropy);
            }

            Mix(entropy, additionalInput, default);
            _bytesSinceReseed = 0;
            _reseedCount++;
        }
        finally
        {
            entropy.Clear();
        }
    }

    /// <summary>K ← HKDF-SHA-256(salt = K, IKM = <paramref name="entropy"/> ‖ <paramref name="additionalInput"/>, info = L ‖ <paramref name="extraInfo"/>, 32).</summary>
    private void Mix(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> additionalInput, ReadOnlySpan<byte> extraInfo)
    {
        Span<byte> pseudoRandomKey = stackalloc byte[HkdfSha256.HashSizeInBytes];
        Span<byte> counter = stackalloc byte[1];
        HmacEngine<Sha256Engine> mac = default;
        mac.Initialize(_key);
        mac.Append(entropy);
        mac.Append(additionalInput);
        mac.Finish(pseudoRandomKey);
        mac.Initialize(pseudoRandomKey);
        mac.Append(Label);
        mac.Append(extraInfo);
        counter[0] = 1;
        mac.Append(counter);
        mac.Finish(_key);
        mac.Clear();
        pseudoRandomKey.Clear();
    }

    /// <summary>One chunk: the key stream's first 32 bytes become the next key, the following bytes are the output.</summary>
    private void GenerateChunk(Span<byte> chunk)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20.NonceSizeInBytes];
        nonce.Clear();
        Span<byte> nextKey = stackalloc byte[KeySizeInBytes];
        nextKey.Clear();
        ChaCha20Engine engine = default;
        engine.Initialize(_key, nonce, 0);
        engine.Transform(nextKey, nextKey);
        chunk.Clear();
        engine.Transform(chunk, chunk);
        engine.Clear();
        nextKey.CopyTo(_key);
        nextKey.Clear();
    }

    /// <summary>The HKDF info label, "Xous.Crypto.ChaChaDrbg.v1" in ASCII.</summary>
    private static ReadOnlySpan<byte> Label => "Xous.Crypto.ChaChaDrbg.v1"u8;
}
