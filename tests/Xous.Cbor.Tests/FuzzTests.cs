using System.Diagnostics;
using Xunit.Abstractions;
using Dotnet = System.Formats.Cbor;

namespace Xous.Cbor.Tests;

/// <summary>
/// Smoke fuzzing with a fixed seed: random and mutated inputs never make the reader throw anything but
/// <see cref="CborException"/>, never hang, and what the strict reader accepts System.Formats.Cbor's CTAP2 mode
/// accepts too.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;

    [Fact]
    public void Random_and_mutated_inputs_only_ever_raise_CborException()
    {
        var random = new Random(0x5EED_CB0);
        var seeds = new List<byte[]>();
        for (int i = 0; i < 200; i++)
        {
            seeds.Add(CborValue.EncodeWithDotnet(CborValue.Random(random)));
        }

        int accepted = 0;
        int rejected = 0;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Cases; i++)
        {
            byte[] input = i % 4 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Count)]);
            if (Check(input))
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }

        Assert.Equal(Cases, accepted + rejected);
        Assert.True(accepted > 1000, $"only {accepted} inputs were accepted; the mutator is too destructive");
        Assert.True(rejected > 10_000, $"only {rejected} inputs were rejected");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"fuzzing took {watch.Elapsed}");
        output.WriteLine($"[counts] Xous.Cbor fuzz smoke: {Cases:N0} random and mutated inputs, {accepted:N0} accepted, {rejected:N0} rejected with CborException, none crashed ({watch.Elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>Returns whether the input was accepted; any exception but CborException fails the test.</summary>
    private static bool Check(byte[] input)
    {
        bool skipped;
        try
        {
            var reader = new CborReader(input);
            reader.SkipValue();
            Assert.Equal(CborReaderState.Finished, reader.PeekState());
            skipped = true;
        }
        catch (CborException e)
        {
            Assert.NotEqual(CborError.None, e.Error);
            Assert.InRange(e.Offset, 0, input.Length);
            skipped = false;
        }

        bool read;
        CborValue? value = null;
        try
        {
            var reader = new CborReader(input);
            value = CborValue.ReadWithXous(ref reader);
            Assert.Equal(CborReaderState.Finished, reader.PeekState());
            read = true;
        }
        catch (CborException)
        {
            read = false;
        }

        Assert.Equal(skipped, read);
        if (read)
        {
            // Accepted means canonical: System.Formats.Cbor agrees and re-encodes the same bytes.
            var dotnetReader = new Dotnet.CborReader(input, Dotnet.CborConformanceMode.Ctap2Canonical);
            CborValue again = CborValue.ReadWithDotnet(dotnetReader);
            Assert.Equal(Dotnet.CborReaderState.Finished, dotnetReader.PeekState());
            Assert.True(value!.SameAs(again));
            Assert.Equal(input, CborValue.EncodeWithXous(value));
        }

        return read;
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(24)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        int mutations = random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            int position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[position] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(position, (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(position);
                    break;
                case 4:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                default:
                    bytes.Insert(position, s_interestingBytes[random.Next(s_interestingBytes.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }

    private static readonly byte[] s_interestingBytes =
        [0x1F, 0x5F, 0x7F, 0x9F, 0xBF, 0xFF, 0x18, 0x19, 0x1A, 0x1B, 0x3B, 0x9B, 0xBB, 0xC0, 0xF9, 0xF7, 0xF8, 0xED, 0xC3, 0xF4];
}
