using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// ChaChaDrbg: 10,000 generated request and reseed sequences against an independent model of the documented
/// construction (BouncyCastle's <c>ChaCha7539Engine</c> and <c>HkdfBytesGenerator</c>), fast key erasure, reseed
/// interval and prediction resistance counted at the entropy source, a failing source, a chi-square smoke test,
/// wiping and unhappy paths.
/// </summary>
public class ChaChaDrbgTests(ITestOutputHelper output)
{
    private static readonly byte[] s_label = "Xous.Crypto.ChaChaDrbg.v1"u8.ToArray();

    private enum Step
    {
        Generate,
        Reseed,
        ReseedWithInput,
    }

    [Fact]
    public void Request_and_reseed_sequences_equal_the_BouncyCastle_model()
    {
        Gen<(Step Kind, int Length, byte[] Input)> steps = Gen.Frequency(
            (12, Gen.Int[0, 300].Select(n => (Step.Generate, n, Array.Empty<byte>()))),
            (2, Gen.Int[0, 3].Select(k => (Step.Generate, ChaChaDrbg.MaxChunkSizeInBytes - 1 + k, Array.Empty<byte>()))),
            (2, Gen.Const((Step.Reseed, 0, Array.Empty<byte>()))),
            (2, Gen.Byte.Array[1, 40].Select(input => (Step.ReseedWithInput, 0, input))));
        Gen<(bool Deterministic, int SourceSeed, byte[] Seed, byte[] Personalization, long Interval, bool Resistance, (Step Kind, int Length, byte[] Input)[] Steps)> cases =
            from deterministic in Gen.Frequency((1, Gen.Const(true)), (3, Gen.Const(false)))
            from sourceSeed in Gen.Int
            from seed in Gen.Byte.Array[32, 64]
            from personalization in Gen.Byte.Array[0, 40]
            from interval in Gen.OneOf(Gen.Long[1, 64], Gen.Long[64, 2000], Gen.Const(ChaChaDrbg.DefaultReseedIntervalInBytes))
            from resistance in Gen.Frequency((1, Gen.Const(true)), (5, Gen.Const(false)))
            from list in steps.Array[1, 6]
            select (deterministic, sourceSeed, seed, personalization, interval, resistance, list);
        int bigRequests = 0;
        Deterministic.Run(cases, 8439, c =>
        {
            // A chunk boundary costs a megabyte of work in both implementations: keep roughly one case in a hundred.
            (Step Kind, int Length, byte[] Input)[] list = Array.FindAll(
                c.Steps, s => s.Length < 1000 || (c.SourceSeed & 0x7F) == 0);
            bigRequests += list.Length - Array.FindAll(list, s => s.Length < 1000).Length;
            using ChaChaDrbg drbg = c.Deterministic
                ? ChaChaDrbg.CreateInsecureDeterministic(c.Seed, c.Personalization)
                : new ChaChaDrbg(new SeededSource(c.SourceSeed), c.Personalization, c.Interval, c.Resistance);
            var model = c.Deterministic
                ? new Model(null, c.Seed, c.Personalization, long.MaxValue, false)
                : new Model(new SeededSource(c.SourceSeed), null, c.Personalization, c.Interval, c.Resistance);
            Assert.Equal(model.Key, drbg.KeyForTests.ToArray());
            foreach ((Step kind, int length, byte[] input) in list)
            {
                switch (kind)
                {
                    case Step.Generate:
                        byte[] actual = new byte[length];
                        drbg.Generate(actual);
                        Assert.Equal(model.Generate(length), actual);
                        break;
                    case Step.Reseed when c.Deterministic:
                        Assert.Throws<InvalidOperationException>(drbg.Reseed);
                        break;
                    case Step.Reseed:
                        drbg.Reseed();
                        model.Reseed([]);
                        break;
                    default:
                        drbg.Reseed(input);
                        model.Reseed(input);
                        break;
                }

                Assert.Equal(model.Key, drbg.KeyForTests.ToArray());
                Assert.Equal(model.BytesSinceReseed, drbg.BytesSinceReseed);
                Assert.Equal(model.ReseedCount, drbg.ReseedCount);
            }
        }, output);
        Assert.InRange(bigRequests, 10, 1_000);
    }

    [Fact]
    public void Generate_erases_the_key_it_used()
    {
        using ChaChaDrbg drbg = ChaChaDrbg.CreateInsecureDeterministic(new byte[32]);
        byte[] before = drbg.KeyForTests.ToArray();
        byte[] first = new byte[100];
        drbg.Generate(first);
        byte[] after = drbg.KeyForTests.ToArray();

        // The new key is the first 32 bytes of the old key's stream; the output is what follows them.
        byte[] stream = ChaChaStream(before, 32 + 100);
        Assert.Equal(stream[..32], after);
        Assert.Equal(stream[32..], first);
        Assert.NotEqual(before, after);

        // From the new key onwards the stream is unrelated to what was returned before.
        byte[] later = ChaChaStream(after, 32 + 100);
        Assert.NotEqual(first, later[32..]);
        Assert.NotEqual(first, later[..100]);
        byte[] second = new byte[100];
        drbg.Generate(second);
        Assert.Equal(later[32..], second);
    }

    [Fact]
    public void Reseed_interval_draws_from_the_source_when_the_output_would_pass_it()
    {
        var source = new SeededSource(1);
        using var drbg = new ChaChaDrbg(source, reseedIntervalInBytes: 100);
        Assert.Equal(1, source.Calls);
        drbg.Generate(new byte[60]);
        Assert.Equal(1, source.Calls);
        drbg.Generate(new byte[40]);
        Assert.Equal(1, source.Calls);
        Assert.Equal(100, drbg.BytesSinceReseed);
        drbg.Generate(new byte[1]);
        Assert.Equal(2, source.Calls);
        Assert.Equal(1, drbg.BytesSinceReseed);
        Assert.Equal(1, drbg.ReseedCount);
        drbg.Generate(new byte[250]);
        Assert.Equal(3, source.Calls);
        Assert.Equal(ChaChaDrbg.SeedSizeInBytes, source.LastRequest);
    }

    [Fact]
    public void Prediction_resistance_reseeds_before_every_chunk()
    {
        var source = new SeededSource(2);
        using var drbg = new ChaChaDrbg(source, predictionResistance: true);
        drbg.Generate(new byte[4]);
        drbg.Generate(new byte[4]);
        Assert.Equal(3, source.Calls);
        drbg.Generate(new byte[ChaChaDrbg.MaxChunkSizeInBytes + 1]);
        Assert.Equal(5, source.Calls);
        drbg.Generate([]);
        Assert.Equal(5, source.Calls);
        Assert.Equal(4, drbg.ReseedCount);
    }

    [Fact]
    public void A_failing_source_throws_and_leaves_no_output()
    {
        var source = new SeededSource(3) { FailAfter = 1 };
        using var drbg = new ChaChaDrbg(source, reseedIntervalInBytes: 64);
        byte[] key = drbg.KeyForTests.ToArray();
        byte[] destination = new byte[100];
        Array.Fill(destination, (byte)0xAA);
        Assert.Throws<IOException>(() => drbg.Generate(destination));
        Assert.All(destination, b => Assert.Equal(0, b));
        Assert.Equal(key, drbg.KeyForTests.ToArray());
        Assert.Throws<IOException>(drbg.Reseed);
        Assert.Equal(key, drbg.KeyForTests.ToArray());

        // Within the interval no reseed is needed, so output still flows; past it, it never does.
        drbg.Generate(new byte[64]);
        Assert.Throws<IOException>(() => drbg.Generate(new byte[1]));

        // A second chunk's failed reseed wipes the first chunk's output too.
        var later = new SeededSource(4) { FailAfter = 1 };
        using var chunked = new ChaChaDrbg(later, reseedIntervalInBytes: ChaChaDrbg.MaxChunkSizeInBytes);
        byte[] big = new byte[ChaChaDrbg.MaxChunkSizeInBytes + 10];
        Assert.Throws<IOException>(() => chunked.Generate(big));
        Assert.All(big, b => Assert.Equal(0, b));

        Assert.Throws<IOException>(() => new ChaChaDrbg(new SeededSource(5) { FailAfter = 0 }));
    }

    [Fact]
    public void One_mebibyte_passes_a_byte_chi_square_smoke_test()
    {
        using ChaChaDrbg drbg = ChaChaDrbg.CreateInsecureDeterministic(new byte[32], "chi-square"u8);
        byte[] data = new byte[1 << 20];
        drbg.Generate(data);
        long[] counts = new long[256];
        foreach (byte b in data)
        {
            counts[b]++;
        }

        double expected = data.Length / 256.0;
        double chiSquare = 0;
        foreach (long count in counts)
        {
            chiSquare += (count - expected) * (count - expected) / expected;
        }

        // 255 degrees of freedom: mean 255, standard deviation about 22.6; these bounds are beyond 4.5 sigma.
        output.WriteLine($"chi-square over 1 MiB: {chiSquare:F1}");
        Assert.InRange(chiSquare, 150, 360);
    }

    [Fact]
    public void Seed_and_personalisation_both_change_the_output()
    {
        byte[] seed = new byte[32];
        byte[] a = Draw(ChaChaDrbg.CreateInsecureDeterministic(seed));
        byte[] b = Draw(ChaChaDrbg.CreateInsecureDeterministic(seed, "pddb"u8));
        seed[31] = 1;
        byte[] c = Draw(ChaChaDrbg.CreateInsecureDeterministic(seed));
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, Draw(ChaChaDrbg.CreateInsecureDeterministic(new byte[32])));
        Assert.True(ChaChaDrbg.CreateInsecureDeterministic(seed).IsInsecureDeterministic);
        Assert.False(new ChaChaDrbg(new SeededSource(6)).IsInsecureDeterministic);
    }

    [Fact]
    public void Dispose_wipes_the_key_and_refuses_further_use()
    {
        var drbg = new ChaChaDrbg(new SeededSource(7));
        drbg.Generate(new byte[10]);
        Assert.Contains(drbg.KeyForTests.ToArray(), b => b != 0);
        drbg.Dispose();
        Assert.All(drbg.KeyForTests.ToArray(), b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => drbg.Generate(new byte[1]));
        Assert.Throws<ObjectDisposedException>(drbg.Reseed);
        drbg.Dispose();
    }

    [Fact]
    public void Unhappy_paths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ChaChaDrbg.CreateInsecureDeterministic(new byte[31]));
        Assert.Throws<ArgumentNullException>(() => new ChaChaDrbg(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChaChaDrbg(new SeededSource(8), reseedIntervalInBytes: 0));
        using ChaChaDrbg drbg = ChaChaDrbg.CreateInsecureDeterministic(new byte[32]);
        Assert.Throws<InvalidOperationException>(drbg.Reseed);
        Assert.Throws<InvalidOperationException>(() => drbg.Reseed([]));
    }

    private static byte[] Draw(ChaChaDrbg drbg)
    {
        using (drbg)
        {
            byte[] data = new byte[64];
            drbg.Generate(data);
            return data;
        }
    }

    private static byte[] ChaChaStream(byte[] key, int length)
    {
        var engine = new ChaCha7539Engine();
        engine.Init(true, new ParametersWithIV(new KeyParameter(key), new byte[12]));
        byte[] stream = new byte[length];
        engine.ProcessBytes(new byte[length], 0, length, stream, 0);
        return stream;
    }

    /// <summary>A reproducible stand-in for the TRNG that counts calls and can be told to fail.</summary>
    private sealed class SeededSource(int seed) : IEntropySource
    {
        private readonly Random _random = new(seed);

        public int Calls { get; private set; }

        public int LastRequest { get; private set; }

        /// <summary>How many calls succeed before every further call throws.</summary>
        public int FailAfter { get; init; } = int.MaxValue;

        public void Fill(Span<byte> destination)
        {
            Calls++;
            LastRequest = destination.Length;
            if (Calls > FailAfter)
            {
                throw new IOException("TRNG health test failed");
            }

            _random.NextBytes(destination);
        }
    }

    /// <summary>The construction as the README states it, written with BouncyCastle.</summary>
    private sealed class Model
    {
        private readonly SeededSource? _source;
        private readonly long _interval;
        private readonly bool _resistance;

        public Model(SeededSource? source, byte[]? seed, byte[] personalization, long interval, bool resistance)
        {
            _source = source;
            _interval = interval;
            _resistance = resistance;
            Mix(seed ?? Draw32(), personalization);
        }

        public byte[] Key { get; private set; } = new byte[32];

        public long BytesSinceReseed { get; private set; }

        public long ReseedCount { get; private set; }

        public byte[] Generate(int length)
        {
            var result = new List<byte>();
            for (int done = 0; done < length; done += ChaChaDrbg.MaxChunkSizeInBytes)
            {
                int chunk = Math.Min(ChaChaDrbg.MaxChunkSizeInBytes, length - done);
                if (_source is not null && (_resistance || BytesSinceReseed + chunk > _interval))
                {
                    Reseed([]);
                }

                byte[] stream = ChaChaStream(Key, 32 + chunk);
                Key = stream[..32];
                result.AddRange(stream[32..]);
                BytesSinceReseed += chunk;
            }

            return [.. result];
        }

        public void Reseed(byte[] additionalInput)
        {
            byte[] entropy = _source is null ? [] : Draw32();
            Mix([.. entropy, .. additionalInput], []);
            BytesSinceReseed = 0;
            ReseedCount++;
        }

        private byte[] Draw32()
        {
            byte[] entropy = new byte[32];
            _source!.Fill(entropy);
            return entropy;
        }

        private void Mix(byte[] inputKeyMaterial, byte[] extraInfo)
        {
            var hkdf = new HkdfBytesGenerator(new Sha256Digest());
            hkdf.Init(new HkdfParameters(inputKeyMaterial, Key, [.. s_label, .. extraInfo]));
            byte[] key = new byte[32];
            hkdf.GenerateBytes(key, 0, 32);
            Key = key;
        }
    }
}
