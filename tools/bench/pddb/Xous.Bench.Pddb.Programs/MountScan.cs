using System;
using Xous.Bench.Crypto.Programs;
using Xous.Crypto;
using Xous.Pddb.Format;

namespace Xous.Bench.Pddb.Programs;

/// <summary>
/// The mount scan of the PDDB: trial-decrypt a page table of <see cref="Entries"/> entries with a page-table key and
/// keep those whose checksum matches — the same steps as the engine's basis load (one bulk
/// <see cref="Aes.DecryptBlocks"/> over the whole table into a fresh buffer, then
/// <see cref="PageTableEntry.TryReadPlain"/> per 16-byte entry, then clearing the plain copy). One entry in
/// <see cref="ValidEvery"/> belongs to the key; the rest is noise, as on a real image where most entries are free
/// pages or other bases. <see cref="MountScanSetup"/> builds the same table without scanning it, so the scan's
/// instructions are the difference of the two.
/// </summary>
public static class MountScan
{
    /// <summary>Page-table entries scanned per run.</summary>
    public const int Entries = 1024;

    /// <summary>One entry in this many decrypts to a valid entry.</summary>
    public const int ValidEvery = 8;

    /// <summary>Runs the kernel: builds the table, scans it, returns a checksum of the entries found.</summary>
    public static uint Run()
    {
        byte[] raw = new byte[Entries * PddbLayout.PageTableEntrySize];
        using Aes cipher = MountScanSetup.BuildTable(raw);
        return Scan(cipher, raw);
    }

    /// <summary>The scan (what OpenBasis.Load does first): bulk decrypt, then a checksum test per entry.</summary>
    public static uint Scan(Aes cipher, byte[] raw)
    {
        int count = raw.Length / PddbLayout.PageTableEntrySize;
        byte[] plain = new byte[raw.Length];
        cipher.DecryptBlocks(raw, plain);
        uint found = 0;
        uint checksum = 0x811C_9DC5;
        for (int slot = 0; slot < count; slot++)
        {
            if (PageTableEntry.TryReadPlain(plain.AsSpan(slot * PddbLayout.PageTableEntrySize, PddbLayout.PageTableEntrySize), out PageTableEntry entry))
            {
                found++;
                checksum = Inputs.Mix(checksum, (uint)slot);
                checksum = Inputs.Mix(checksum, (uint)entry.VirtualPage ^ entry.Nonce);
            }
        }

        plain.AsSpan().Clear();
        return Inputs.Mix(checksum, found);
    }
}

/// <summary>The set-up of <see cref="MountScan"/> alone (the key schedule and the encrypted table), measured to be subtracted.</summary>
public static class MountScanSetup
{
    /// <summary>Runs the set-up; the checksum covers the encrypted table, so nothing is optimised away.</summary>
    public static uint Run()
    {
        byte[] raw = new byte[MountScan.Entries * PddbLayout.PageTableEntrySize];
        using Aes cipher = MountScanSetup.BuildTable(raw);
        return Inputs.Mix(0x811C_9DC5, (uint)(raw[0] | (raw[raw.Length - 1] << 8)));
    }

    /// <summary>Fills <paramref name="raw"/> with an encrypted page table: noise, and every <see cref="MountScan.ValidEvery"/>th entry valid.</summary>
    /// <returns>The page-table cipher (the caller disposes it).</returns>
    public static Aes BuildTable(byte[] raw)
    {
        byte[] key = new byte[32];
        Inputs.Fill(key, 0x5054_4B59);
        var cipher = new Aes(key);
        byte[] plain = new byte[raw.Length];
        Inputs.Fill(plain, 0x4E4F_4953);
        for (int slot = 0; slot < MountScan.Entries; slot += MountScan.ValidEvery)
        {
            var entry = new PageTableEntry((ulong)(slot + 2), PageTableEntry.FlagClean, (uint)(0x1000 + slot));
            entry.WritePlain(plain.AsSpan(slot * PddbLayout.PageTableEntrySize, PddbLayout.PageTableEntrySize));
        }

        cipher.EncryptBlocks(plain, raw);
        return cipher;
    }
}
