using System.Runtime.CompilerServices;
using CsCheck;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Runs a CsCheck generator for a fixed number of cases from a fixed seed, so every run checks the same inputs
/// (reproducible in CI); a failure names the case and the seed. CI runs 10,000 cases per primitive; a longer run sets
/// <c>XOUS_CRYPTO_CASES</c> (for example <c>XOUS_CRYPTO_CASES=1000000 ./xous test</c>).
/// </summary>
internal static class Deterministic
{
    /// <summary>Cases per primitive: 10,000, or <c>XOUS_CRYPTO_CASES</c> when that is set to a larger number.</summary>
    public static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("XOUS_CRYPTO_CASES"), out int requested) && requested > 10_000 ? requested : 10_000;

    /// <summary>
    /// Checks <see cref="Cases"/> generated values; with <paramref name="output"/>, writes a <c>[counts]</c> line
    /// (collected by <c>./xous test</c> from the TRX files) naming the test and the number of cases.
    /// </summary>
    /// <param name="gen">The generator.</param>
    /// <param name="seed">Its fixed seed.</param>
    /// <param name="assert">The check of one case.</param>
    /// <param name="output">Where the <c>[counts]</c> line goes, if anywhere.</param>
    /// <param name="name">The test's name (the caller's, by default).</param>
    /// <param name="cases">How many cases, when a test must run fewer or more than <see cref="Cases"/>.</param>
    public static void Run<T>(
        Gen<T> gen, ulong seed, Action<T> assert, ITestOutputHelper? output = null, [CallerMemberName] string name = "", int? cases = null)
    {
        int count = cases ?? Cases;
        var pcg = new PCG(1, seed);
        for (int i = 0; i < count; i++)
        {
            T value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"Case {i} from seed {seed} failed: {failure.Message}", failure);
            }
        }

        output?.WriteLine($"[counts] Xous.Crypto differential {name}: {count:N0} of {count:N0} cases passed (seed {seed})");
    }

    /// <summary>Lengths 0–1000: half uniform, half within two bytes of a multiple of the block size.</summary>
    public static Gen<int> Length(int blockSize, int max = 1000) =>
        Gen.OneOf(
            Gen.Int[0, max],
            Gen.Select(Gen.Int[0, max / blockSize], Gen.Int[-2, 2], (blocks, delta) => Math.Clamp((blocks * blockSize) + delta, 0, max)));

    /// <summary>Random bytes of a length from <see cref="Length"/>.</summary>
    public static Gen<byte[]> Bytes(int blockSize, int max = 1000) =>
        Length(blockSize, max).SelectMany(n => Gen.Byte.Array[n]);

    /// <summary>Up to four cut points inside a message, sorted, for split appends.</summary>
    public static Gen<int[]> Cuts(int length) =>
        Gen.Int[0, length].Array[0, 4].Select(cuts =>
        {
            Array.Sort(cuts);
            return cuts;
        });

    /// <summary>Appends <paramref name="message"/> in pieces split at <paramref name="cuts"/>.</summary>
    public static void AppendInPieces(Action<byte[]> append, byte[] message, int[] cuts)
    {
        int previous = 0;
        foreach (int cut in cuts)
        {
            append(message[previous..cut]);
            previous = cut;
        }

        append(message[previous..]);
    }
}
