using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Xous.Bench.Compiler.Programs;

namespace Xous.Bench;

/// <summary>
/// One benchmark of <c>./xous bench compiler</c>: the C kernel <c>bench_NAME</c> in tools/bench/compiler/c/NAME.c and
/// the C# program whose entry class is <paramref name="EntryType"/>.
/// </summary>
/// <param name="Name">The name, also of the C file and of the console lines.</param>
/// <param name="EntryType">The C# entry class, whose Main returns the kernel's checksum.</param>
/// <param name="RunOnHost">The C# kernel, run on the CLR (the host flavour of the programs).</param>
/// <param name="Reference">The checksum computed with .NET's own implementation, or null when .NET has none.</param>
internal sealed record CompilerBenchmark(string Name, string EntryType, Func<uint> RunOnHost, CompilerBenchmark.Check? Reference)
{
    /// <summary>A host-side reference: what computes it, and the checksum.</summary>
    internal sealed record Check(string What, Func<uint> Compute);
}

/// <summary>The benchmarks and their host-side references.</summary>
internal static class CompilerBenchmarks
{
    public static IReadOnlyList<CompilerBenchmark> All { get; } =
    [
        new("sha256", typeof(Sha256Program).FullName!, Sha256.Run, new("System.Security.Cryptography.SHA256", Sha256Reference)),
        new("aes256", typeof(Aes256Program).FullName!, Aes256.Run, new("System.Security.Cryptography.Aes, ECB", Aes256Reference)),
        new("modmul256", typeof(ModMul256Program).FullName!, ModMul256.Run, new("System.Numerics.BigInteger", ModMul256Reference)),
        new("linkedwalk", typeof(LinkedWalkProgram).FullName!, LinkedWalk.Run, null),
        new("cborparse", typeof(CborParseProgram).FullName!, CborParse.Run, null),
    ];

    private static uint Sha256Reference()
    {
        var lcg = new Lcg(Sha256.Seed);
        byte[] input = new byte[Sha256.InputLength];
        for (int i = 0; i < input.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(input.AsSpan(i), lcg.Next());
        }

        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    private static uint Aes256Reference()
    {
        var lcg = new Lcg(Aes256.Seed);
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(i), lcg.Next());
        }

        byte[] block = new byte[16];
        for (int i = 0; i < block.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(i), lcg.Next());
        }

        using var aes = Aes.Create();
        aes.Key = key;
        byte[] next = new byte[16];
        for (int n = 0; n < Aes256.Blocks; n++)
        {
            aes.EncryptEcb(block, next, PaddingMode.None);
            (block, next) = (next, block);
        }

        uint checksum = 0;
        for (int i = 0; i < block.Length; i += 4)
        {
            checksum ^= BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(i));
        }

        return checksum;
    }

    private static uint ModMul256Reference()
    {
        var lcg = new Lcg(ModMul256.Seed);
        BigInteger x = Limbs(ref lcg);
        BigInteger y = Limbs(ref lcg);
        BigInteger p = (BigInteger.One << 255) - 19;
        for (int n = 0; n < ModMul256.Iterations; n++)
        {
            x = x * y % p;
        }

        byte[] bytes = new byte[32];
        x.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        uint checksum = 0;
        for (int i = 0; i < bytes.Length; i += 4)
        {
            checksum ^= BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
        }

        return checksum;
    }

    private static BigInteger Limbs(ref Lcg lcg)
    {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i), lcg.Next());
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }
}
