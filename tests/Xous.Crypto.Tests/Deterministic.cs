using CsCheck;

namespace Xous.Crypto.Tests;

/// <summary>
/// Runs a CsCheck generator for a fixed number of cases from a fixed seed, so every run checks the same inputs
/// (reproducible in CI); a failure names the case and the seed.
/// </summary>
internal static class Deterministic
{
    public const int Cases = 10_000;

    public static void Run<T>(Gen<T> gen, ulong seed, Action<T> assert)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < Cases; i++)
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
