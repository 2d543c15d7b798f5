using System;
using Xous.Bench.Crypto.Programs;
using Xous.Crypto;
using Xous.Hal.Simulation;
using Xous.Pddb;

namespace Xous.Bench.Pddb.Programs;

/// <summary>
/// A small PDDB on an in-memory flash (<see cref="SimulatedFlash"/>, <see cref="Pages"/> pages, the smallest the engine
/// accepts): fast-formatted with a fixed User0 key and a deterministic DRBG, then <see cref="Records"/> keys of
/// <see cref="ValueBytes"/> bytes written into dictionary <see cref="Dictionary"/> and synced, and the engine closed.
/// Everything is deterministic, so the CLR and the device compute the same checksums.
/// </summary>
public static class SmallImage
{
    /// <summary>Pages of the flash (1 MiB).</summary>
    public const int Pages = 256;

    /// <summary>Keys in the dictionary.</summary>
    public const int Records = 50;

    /// <summary>Bytes of each value.</summary>
    public const int ValueBytes = 64;

    /// <summary>The dictionary's name.</summary>
    public const string Dictionary = "bench";

    /// <summary>The device DNA bound into every page.</summary>
    public const ulong DeviceDna = 0x0123_4567_89AB_CDEF;

    /// <summary>Builds the image; the flash and the DRBG are returned for mounting.</summary>
    public static SimulatedFlash Prepare(out PddbRandom random, out byte[] user0Key)
    {
        byte[] seed = new byte[32];
        Inputs.Fill(seed, 0x5052_4E47);
        random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(seed));
        user0Key = new byte[32];
        Inputs.Fill(user0Key, 0x5553_5230);
        var flash = new SimulatedFlash(Pages);
        PddbEngine.Format(flash, random, user0Key, DeviceDna, null, fast: true);
        if (PddbEngine.Mount(flash, random, user0Key, DeviceDna, null, out PddbEngine? engine) != PddbStatus.Ok)
        {
            throw new InvalidOperationException("the fresh image does not mount");
        }

        engine!.CreateDictionary(Dictionary);
        byte[] value = new byte[ValueBytes];
        for (int i = 0; i < Records; i++)
        {
            Inputs.Fill(value, (uint)(0x5641_0000 + i));
            if (engine.WriteKey(Dictionary, KeyName(i), value) != PddbStatus.Ok)
            {
                throw new InvalidOperationException("a key could not be written");
            }
        }

        if (engine.Sync() != PddbStatus.Ok)
        {
            throw new InvalidOperationException("the image could not be synced");
        }

        engine.Dispose();
        return flash;
    }

    /// <summary>Mounts the prepared image.</summary>
    public static PddbEngine Mount(SimulatedFlash flash, PddbRandom random, byte[] user0Key)
    {
        if (PddbEngine.Mount(flash, random, user0Key, DeviceDna, null, out PddbEngine? engine) != PddbStatus.Ok)
        {
            throw new InvalidOperationException("the image does not mount");
        }

        return engine!;
    }

    /// <summary>The name of key <paramref name="index"/>: "k" and three digits.</summary>
    public static string KeyName(int index)
    {
        char[] name = new char[4];
        name[0] = 'k';
        name[1] = (char)('0' + (index / 100 % 10));
        name[2] = (char)('0' + (index / 10 % 10));
        name[3] = (char)('0' + (index % 10));
        return new string(name);
    }
}

/// <summary>Step 1 alone: builds <see cref="SmallImage"/> (subtracted from the next kernels).</summary>
public static class PrepareImage
{
    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        SimulatedFlash flash = SmallImage.Prepare(out PddbRandom random, out _);
        random.Dispose();
        return Inputs.Mix(0x811C_9DC5, (uint)flash.BytesProgrammed);
    }
}

/// <summary>Steps 1 and 2: builds the image and mounts it (the whole mount: key unwrap, page-table scan, free-space cache, root and dictionaries).</summary>
public static class MountImage
{
    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        SimulatedFlash flash = SmallImage.Prepare(out PddbRandom random, out byte[] user0Key);
        PddbEngine engine = SmallImage.Mount(flash, random, user0Key);
        uint checksum = Inputs.Mix(0x811C_9DC5, (uint)engine.FreePages);
        engine.Dispose();
        random.Dispose();
        return checksum;
    }
}

/// <summary>Steps 1 to 3: builds, mounts, and reads the whole dictionary with one <see cref="PddbEngine.BulkRead"/>.</summary>
public static class BulkReadImage
{
    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        SimulatedFlash flash = SmallImage.Prepare(out PddbRandom random, out byte[] user0Key);
        PddbEngine engine = SmallImage.Mount(flash, random, user0Key);
        var sink = new ChecksumSink();
        engine.BulkRead(SmallImage.Dictionary, sink, out int entries);
        uint checksum = Inputs.Mix(sink.Checksum, (uint)entries);
        engine.Dispose();
        random.Dispose();
        return checksum;
    }
}

/// <summary>Steps 1, 2 and the same records read one by one with <see cref="PddbEngine.ReadKey"/> (in key order).</summary>
public static class ReadEachImage
{
    /// <summary>Runs the kernel.</summary>
    public static uint Run()
    {
        SimulatedFlash flash = SmallImage.Prepare(out PddbRandom random, out byte[] user0Key);
        PddbEngine engine = SmallImage.Mount(flash, random, user0Key);
        byte[] buffer = new byte[SmallImage.ValueBytes];
        uint checksum = 0x811C_9DC5;
        uint entries = 0;
        for (int i = 0; i < SmallImage.Records; i++)
        {
            if (engine.ReadKey(SmallImage.Dictionary, SmallImage.KeyName(i), 0, buffer, out int read) == PddbStatus.Ok)
            {
                checksum = ChecksumSink.Add(checksum, buffer.AsSpan(0, read));
                entries++;
            }
        }

        checksum = Inputs.Mix(checksum, entries);
        engine.Dispose();
        random.Dispose();
        return checksum;
    }
}

/// <summary>Sums what a bulk read delivers (order-independent, so bulk and one-by-one reads agree).</summary>
public sealed class ChecksumSink : IDictionaryEntrySink
{
    /// <summary>The checksum so far.</summary>
    public uint Checksum { get; private set; } = 0x811C_9DC5;

    /// <summary>Adds the value's bytes to <paramref name="checksum"/>, position-weighted.</summary>
    public static uint Add(uint checksum, ReadOnlySpan<byte> value)
    {
        uint sum = 0;
        for (int i = 0; i < value.Length; i++)
        {
            sum += (uint)value[i] * (uint)(i + 1);
        }

        return checksum + (sum * 0x9E37_79B1);
    }

    /// <inheritdoc/>
    public void Entry(string key, ReadOnlySpan<byte> value) => Checksum = Add(Checksum, value);
}
