using System;
using System.Collections.Generic;
using Xous.Hal;
using Xous.Pddb.Format;

namespace Xous.Pddb.Storage;

/// <summary>One page-table entry to store: a slot (= data page number) and its 16 raw bytes.</summary>
public readonly struct PageTableWrite
{
    /// <summary>Creates the write of <paramref name="entry"/> (16 already-encrypted bytes, or 16 noise bytes to retire
    /// an entry) into slot <paramref name="slot"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entry"/> is not 16 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is negative.</exception>
    public PageTableWrite(int slot, byte[] entry)
    {
        if (entry is null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        if (entry.Length != PddbLayout.PageTableEntrySize)
        {
            throw new ArgumentException("a page-table entry is 16 bytes", nameof(entry));
        }

        if (slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slot));
        }

        Slot = slot;
        Entry = entry;
    }

    /// <summary>The page-table slot, equal to the data page number the entry describes.</summary>
    public int Slot { get; }

    /// <summary>The 16 raw bytes to store.</summary>
    public byte[] Entry { get; }
}

/// <summary>What <see cref="PageTableStore.Recover"/> found in the make-before-break (MBBB) area.</summary>
public enum MakeBeforeBreakRecovery
{
    /// <summary>Every MBBB page was blank: no page-table rewrite was interrupted.</summary>
    Clean,

    /// <summary>A backup was found but was not (or need not be) copied back; it has been erased.</summary>
    DiscardedBackup,

    /// <summary>A backup was copied back over an interrupted page-table page, then erased.</summary>
    RestoredPage,
}

/// <summary>
/// The raw page table (16-byte entries, 256 per 4096-byte page, entry n describing data page n) and its
/// make-before-break (MBBB) protection: every page-table page rewrite first stores the patched page in a random MBBB
/// page, so that a power cut at any point leaves each entry holding either its old or its new bytes after
/// <see cref="Recover"/>. Entries are opaque here (encryption is the caller's); see docs/pddb-format.md, "Page table
/// and make-before-break".
/// </summary>
public sealed class PageTableStore
{
    /// <summary>Most entries of one page-table page changed by one rewrite cycle (the rest, ≥ 128, stay unchanged).</summary>
    public const int MaxChangedEntriesPerCycle = 128;

    private const int PageSize = PddbLayout.PageSize;
    private const int EntrySize = PddbLayout.PageTableEntrySize;
    private const int EntriesPerPage = PddbLayout.EntriesPerPageTablePage;

    private readonly IFlashPages _flash;
    private readonly PddbGeometry _geometry;
    private readonly PddbRandom _random;
    private readonly byte[] _old = new byte[PageSize];
    private readonly byte[] _patched = new byte[PageSize];
    private readonly byte[] _check = new byte[PageSize];
    private long _patchCount;

    /// <summary>Creates the store over <paramref name="flash"/> (the whole PDDB region) laid out as <paramref name="geometry"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The flash is smaller than the geometry or has another sector size.</exception>
    public PageTableStore(IFlashPages flash, PddbGeometry geometry, PddbRandom random)
    {
        _flash = flash ?? throw new ArgumentNullException(nameof(flash));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        if (flash.SectorSize != PageSize || flash.SectorCount < geometry.TotalPages)
        {
            throw new ArgumentException("the flash must have 4096-byte sectors and hold the whole PDDB", nameof(flash));
        }

        _geometry = geometry;
    }

    /// <summary>Page-table page rewrites done by this instance (cycles of <see cref="Apply"/> and restores of <see cref="Recover"/>).</summary>
    public long PatchCount => _patchCount;

    /// <summary>Number of entry slots (page-table pages × 256).</summary>
    public int SlotCount => _geometry.PageTablePages * EntriesPerPage;

    /// <summary>Copies the raw entries from <paramref name="firstSlot"/> on into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/>.Length is not a multiple of 16.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The slots run past the page table.</exception>
    public void ReadEntries(int firstSlot, Span<byte> destination)
    {
        if (destination.Length % EntrySize != 0)
        {
            throw new ArgumentException("the destination must be a multiple of 16 bytes", nameof(destination));
        }

        if (firstSlot < 0 || (long)firstSlot + (destination.Length / EntrySize) > SlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstSlot), "the slots run past the page table");
        }

        _flash.Read((long)firstSlot * EntrySize, destination);
    }

    /// <summary>
    /// Stores <paramref name="writes"/>. Writes are grouped by page-table page (a later write to the same slot wins);
    /// each page is rewritten in cycles that change at most <see cref="MaxChangedEntriesPerCycle"/> entries: read page P
    /// (old image O), build the patched image B, pick a random MBBB page M, erase M, program B into M (the changed
    /// entries first, then the unchanged ones), read M back and compare, erase P, program B into P, read P back and
    /// compare, erase M. Entries whose new bytes equal the stored bytes cost nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A slot is past the page table.</exception>
    /// <exception cref="ArgumentException">An entry is all 0xFF, or is a strict bitwise superset of the entry it
    /// replaces (every 1 bit of the old entry is 1 in the new one; chance (3/4)^128 for ciphertext — re-encrypt with a
    /// fresh nonce). Such an entry could not be told apart from a partly erased one by <see cref="Recover"/>.</exception>
    /// <exception cref="InvalidOperationException">A page-table page holds an all-0xFF entry (the page table was not
    /// filled with noise by <see cref="FillWithNoise"/>), or an MBBB page is not blank (<see cref="Recover"/> was not
    /// called at mount).</exception>
    /// <exception cref="FlashDeviceException">A read-back did not match what was programmed.</exception>
    public void Apply(IReadOnlyList<PageTableWrite> writes)
    {
        if (writes is null)
        {
            throw new ArgumentNullException(nameof(writes));
        }

        // page → (slot → index into writes); last write to a slot wins.
        var byPage = new Dictionary<int, Dictionary<int, int>>();
        var pageOrder = new List<int>();
        for (int i = 0; i < writes.Count; i++)
        {
            PageTableWrite write = writes[i];
            if (write.Entry is null)
            {
                throw new ArgumentException("a write has no entry", nameof(writes));
            }

            if (write.Slot >= SlotCount)
            {
                throw new ArgumentOutOfRangeException(nameof(writes), "slot " + write.Slot + " is past the page table");
            }

            if (IsAllOnes(write.Entry))
            {
                throw new ArgumentException("an all-0xFF entry is reserved (it reads as erased flash)", nameof(writes));
            }

            int page = write.Slot / EntriesPerPage;
            if (!byPage.TryGetValue(page, out Dictionary<int, int>? slots))
            {
                slots = new Dictionary<int, int>();
                byPage[page] = slots;
                pageOrder.Add(page);
            }

            slots[write.Slot] = i;
        }

        for (int p = 0; p < pageOrder.Count; p++)
        {
            int page = pageOrder[p];
            Dictionary<int, int> slots = byPage[page];
            var pending = new List<int>(slots.Keys);
            pending.Sort();
            int next = 0;
            while (next < pending.Count)
            {
                _flash.Read((long)page * PageSize, _old);
                _old.AsSpan().CopyTo(_patched);
                int changed = 0;
                while (next < pending.Count && changed < MaxChangedEntriesPerCycle)
                {
                    int slot = pending[next++];
                    byte[] entry = writes[slots[slot]].Entry;
                    int offset = (slot % EntriesPerPage) * EntrySize;
                    Span<byte> oldEntry = _old.AsSpan(offset, EntrySize);
                    if (oldEntry.SequenceEqual(entry))
                    {
                        continue;
                    }

                    if (IsSuperset(entry, oldEntry))
                    {
                        throw new ArgumentException("entry for slot " + slot + " is a bitwise superset of the stored entry; re-encrypt it", nameof(writes));
                    }

                    entry.AsSpan().CopyTo(_patched.AsSpan(offset, EntrySize));
                    changed++;
                }

                if (changed > 0)
                {
                    RewriteCycle(page);
                }
            }
        }
    }

    /// <summary>
    /// Recovers from a page-table rewrite interrupted by a power cut. Call once at mount, before reading entries.
    /// </summary>
    /// <remarks>
    /// <para><b>Rule.</b> For each MBBB page whose image m is not all 0xFF (normally at most one), compare it block by
    /// block (16-byte entries) with every page-table page t. A block is <i>comparable</i> when m_i is not all 0xFF and
    /// t_i ⊇ m_i or m_i ⊇ t_i bitwise (x ⊇ y: every 1 bit of y is 1 in x). The target T is the page with the most
    /// comparable blocks (ties: fewest extra 1 bits, then lowest page). m is copied into T (erase T, program m, read
    /// back) only when T has at least one comparable block and <b>no block i with m_i ⊋ t_i</b> (m strictly above t,
    /// counting all-0xFF blocks of m); otherwise the backup is discarded. In both cases the MBBB page is then erased.</para>
    /// <para><b>Why it is safe</b> (O = old page image, B = patched image, ≤ 128 blocks differ, ≥ 128 equal; no block of
    /// O or B is all 0xFF and no changed block has B_i ⊋ O_i — <see cref="Apply"/> enforces both; M is programmed with
    /// the changed blocks first and the unchanged ones last, and P is erased only after M read back equal to B):</para>
    /// <list type="bullet">
    /// <item><description>Cut while erasing M (M was blank) or before any bit of M was programmed: m is blank → Clean; P = O.</description></item>
    /// <item><description>Cut while programming M: P = O intact. If the cut was in the changed-block phase, every
    /// unchanged block of m is still 0xFF ⊋ O_i; if in the unchanged phase, the block being programmed is partial
    /// (m_i ⊋ O_i) or, if the last op happened to finish, all later unchanged blocks are 0xFF. Either way some block has
    /// m_i ⊋ t_i → discard, P keeps O (old values). The only way to have no such block is m = B, and then restoring B
    /// gives the new values: also correct.</description></item>
    /// <item><description>Cut while erasing P: m = B (verified). P is O with some bits set: on the unchanged blocks
    /// t_i ⊇ O_i = B_i, on the changed ones t_i ⊇ O_i and B_i ⊋ t_i would need B_i ⊋ O_i (excluded) → no block
    /// with m_i ⊋ t_i, ≥ 128 comparable blocks → restore B.</description></item>
    /// <item><description>Cut while programming P: m = B, P ⊇ B on every block (0xFF or partly programmed) → 256
    /// comparable blocks, none with m_i ⊋ t_i → restore B.</description></item>
    /// <item><description>Cut while erasing M at the end: P = B; m ⊇ B. If any bit was set, some m_i ⊋ t_i → discard (P
    /// already holds B); if none, m = t → nothing to copy → discard. If m became blank → Clean.</description></item>
    /// <item><description>Cut during Recover itself: a restore is the same erase/program of the target with m intact
    /// (the cases above); a cut erase of M only adds 1 bits to m, which keeps or creates a block with m_i ⊋ t_i, so a
    /// discarded backup stays discarded.</description></item>
    /// </list>
    /// <para>An untouched page-table page other than the target scores a comparable block only by chance (about
    /// 2^-64 per block for ciphertext), and all-0xFF page-table pages can only be the interrupted target because
    /// <see cref="FillWithNoise"/> fills the whole table at format. More than one non-blank MBBB page cannot arise from
    /// the protocol (each cycle erases its MBBB page and Recover erases every one before any new cycle); should it
    /// happen, each is treated independently by the same rule, which never writes a torn image but could roll an
    /// entry back to an older complete backup.</para>
    /// </remarks>
    /// <returns>Clean when every MBBB page was blank; RestoredPage when a page was copied back; otherwise DiscardedBackup.</returns>
    /// <exception cref="FlashDeviceException">A read-back did not match what was programmed.</exception>
    public MakeBeforeBreakRecovery Recover()
    {
        MakeBeforeBreakRecovery result = MakeBeforeBreakRecovery.Clean;
        byte[] backup = new byte[PageSize];
        for (int k = 0; k < PddbLayout.MakeBeforeBreakPages; k++)
        {
            int mbbbPage = _geometry.MakeBeforeBreakFirstPage + k;
            _flash.Read((long)mbbbPage * PageSize, backup);
            if (IsAllOnes(backup))
            {
                continue;
            }

            int target = FindTarget(backup);
            bool restored = false;
            if (target >= 0)
            {
                _flash.Read((long)target * PageSize, _check);
                if (!HasBlockStrictlyAbove(backup, _check) && !_check.AsSpan().SequenceEqual(backup))
                {
                    _flash.Erase(target);
                    _flash.ProgramSector(target, backup);
                    Verify(target, backup);
                    _patchCount++;
                    restored = true;
                }
            }

            _flash.Erase(mbbbPage);
            if (restored)
            {
                result = MakeBeforeBreakRecovery.RestoredPage;
            }
            else if (result == MakeBeforeBreakRecovery.Clean)
            {
                result = MakeBeforeBreakRecovery.DiscardedBackup;
            }
        }

        return result;
    }

    /// <summary>Format: erases every page-table page and programs it with random bytes, then erases every MBBB page.</summary>
    public void FillWithNoise()
    {
        byte[] noise = new byte[PageSize];
        for (int page = 0; page < _geometry.PageTablePages; page++)
        {
            FillNoiseWithoutBlankBlocks(noise);
            _flash.Erase(page);
            _flash.ProgramSector(page, noise);
        }

        for (int k = 0; k < PddbLayout.MakeBeforeBreakPages; k++)
        {
            _flash.Erase(_geometry.MakeBeforeBreakFirstPage + k);
        }

        noise.AsSpan().Clear();
    }

    private void FillNoiseWithoutBlankBlocks(byte[] noise)
    {
        _random.Fill(noise);
        for (int offset = 0; offset < PageSize; offset += EntrySize)
        {
            while (IsAllOnes(noise.AsSpan(offset, EntrySize)))
            {
                _random.Fill(noise.AsSpan(offset, EntrySize));
            }
        }
    }

    private void RewriteCycle(int page)
    {
        for (int offset = 0; offset < PageSize; offset += EntrySize)
        {
            if (IsAllOnes(_old.AsSpan(offset, EntrySize)))
            {
                throw new InvalidOperationException("page-table page " + page + " holds an erased entry; the page table must be filled with noise at format");
            }
        }

        int mbbbPage = _geometry.MakeBeforeBreakFirstPage + _random.NextInt(PddbLayout.MakeBeforeBreakPages);
        _flash.Read((long)mbbbPage * PageSize, _check);
        if (!IsAllOnes(_check))
        {
            throw new InvalidOperationException("MBBB page " + mbbbPage + " is not blank; call Recover at mount");
        }

        _flash.Erase(mbbbPage);

        // Changed blocks first, unchanged blocks last (Recover relies on this order).
        ProgramBlocks(mbbbPage, changed: true);
        ProgramBlocks(mbbbPage, changed: false);
        Verify(mbbbPage, _patched);

        _flash.Erase(page);
        _flash.ProgramSector(page, _patched);
        Verify(page, _patched);
        _flash.Erase(mbbbPage);
        _patchCount++;
    }

    private void ProgramBlocks(int sector, bool changed)
    {
        long baseOffset = (long)sector * PageSize;
        int block = 0;
        const int blocks = PageSize / EntrySize;
        int blocksPerProgramPage = _flash.ProgramPageSize / EntrySize;
        while (block < blocks)
        {
            if (IsChanged(block) != changed)
            {
                block++;
                continue;
            }

            int start = block;
            int limit = ((start / blocksPerProgramPage) + 1) * blocksPerProgramPage;
            while (block < limit && block < blocks && IsChanged(block) == changed)
            {
                block++;
            }

            int offset = start * EntrySize;
            _flash.Program(baseOffset + offset, _patched.AsSpan(offset, (block - start) * EntrySize));
        }
    }

    private bool IsChanged(int block)
    {
        int offset = block * EntrySize;
        return !_old.AsSpan(offset, EntrySize).SequenceEqual(_patched.AsSpan(offset, EntrySize));
    }

    private void Verify(int sector, byte[] expected)
    {
        _flash.Read((long)sector * PageSize, _check);
        if (!_check.AsSpan().SequenceEqual(expected))
        {
            throw new FlashDeviceException("page " + sector + " did not read back as programmed");
        }
    }

    private int FindTarget(byte[] backup)
    {
        int best = -1;
        int bestScore = 0;
        long bestDistance = long.MaxValue;
        byte[] page = new byte[PageSize];
        for (int candidate = 0; candidate < _geometry.PageTablePages; candidate++)
        {
            _flash.Read((long)candidate * PageSize, page);
            int score = 0;
            long distance = 0;
            for (int offset = 0; offset < PageSize; offset += EntrySize)
            {
                ReadOnlySpan<byte> m = backup.AsSpan(offset, EntrySize);
                ReadOnlySpan<byte> t = page.AsSpan(offset, EntrySize);
                if (IsAllOnes(m))
                {
                    continue;
                }

                if (IsSuperset(t, m) || IsSuperset(m, t))
                {
                    score++;
                    for (int i = 0; i < EntrySize; i++)
                    {
                        distance += PopCount((byte)(t[i] ^ m[i]));
                    }
                }
            }

            if (score > bestScore || (score == bestScore && score > 0 && distance < bestDistance))
            {
                best = candidate;
                bestScore = score;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool HasBlockStrictlyAbove(byte[] backup, byte[] target)
    {
        for (int offset = 0; offset < PageSize; offset += EntrySize)
        {
            ReadOnlySpan<byte> m = backup.AsSpan(offset, EntrySize);
            ReadOnlySpan<byte> t = target.AsSpan(offset, EntrySize);
            if (IsSuperset(m, t) && !m.SequenceEqual(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every 1 bit of <paramref name="lower"/> is 1 in <paramref name="upper"/>.</summary>
    private static bool IsSuperset(ReadOnlySpan<byte> upper, ReadOnlySpan<byte> lower)
    {
        for (int i = 0; i < upper.Length; i++)
        {
            if ((upper[i] | lower[i]) != upper[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllOnes(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    private static int PopCount(byte value)
    {
        int count = 0;
        while (value != 0)
        {
            count += value & 1;
            value >>= 1;
        }

        return count;
    }
}
