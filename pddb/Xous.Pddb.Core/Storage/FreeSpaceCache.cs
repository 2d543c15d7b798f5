using System;
using System.Collections.Generic;
using Xous.Crypto;
using Xous.Hal;
using Xous.Pddb.Format;

namespace Xous.Pddb.Storage;

/// <summary>
/// The free-space cache (FSCB, 16 pages, reference §5.8): a FastSpace record (2 pages at a random page offset) listing
/// free data pages, plus a log of SpaceUpdate records appended into erased FSCB pages (a log page keeps its first 16
/// bytes 0xFF). Allocation picks a uniformly random free page and makes its Used record durable first.
/// </summary>
/// <remarks>
/// <para>Additions to Xous's format, both invisible to a Xous reader: the record's last entry carries a 20-bit
/// compaction generation (valid bit clear), and each SpaceUpdate nonce is <c>(generation &lt;&lt; 32) | random32</c>;
/// <see cref="TryLoad"/> takes the decrypting record with the newest generation (serial arithmetic modulo 2^20) and
/// replays only that generation's log records in log order.</para>
/// <para>Log pages are opened in circular page order starting after the record (so their erases spread over the
/// FSCB), records within a page from low to high address, and only while two adjacent erased pages remain for the next
/// record; when none would remain, the cache compacts. Compaction (and <see cref="Refill"/>) writes the new record
/// (generation + 1) into two erased pages that are neither the record nor log pages, reads it back, then erases the old
/// record and the old log pages. After any power cut the loaded free set is a subset of the free set before the
/// interrupted operation (plus a page being released), and never holds a page that <see cref="TryAllocate"/> returned.</para>
/// <para>The cache is not safe against a cut during <see cref="Create"/> (format): <see cref="TryLoad"/> then reports
/// no cache and the engine must rebuild it.</para>
/// </remarks>
public sealed class FreeSpaceCache : IDisposable
{
    /// <summary>Most free pages one record holds: 2041 entries minus the one carrying the generation.</summary>
    public const int Capacity = FastSpaceRecord.PageEntries;

    private const int PageSize = PddbLayout.PageSize;
    private const int Pages = PddbLayout.FreeSpaceCachePages;
    private const int SlotsPerPage = PageSize / SpaceUpdateRecord.Size;
    private const uint GenerationMask = FastSpaceRecord.GenerationMask;

    private readonly IFlashPages _flash;
    private readonly PddbGeometry _geometry;
    private readonly PddbRandom _random;
    private readonly Aes _pageTableCipher;
    private readonly byte[] _dataKey;
    private readonly byte[] _associatedData;
    private readonly byte[] _pageBuffer = new byte[PageSize];
    private readonly byte[] _recordBuffer = new byte[FastSpaceRecord.Size];
    private readonly PageRole[] _roles = new PageRole[Pages];
    private readonly List<int> _logPages = new List<int>();
    private readonly List<int> _freeList = new List<int>();
    private readonly Dictionary<int, int> _freeIndex = new Dictionary<int, int>();
    private int _recordPage = -1;
    private uint _generation;
    private int _nextSlot;
    private long _compactionCount;
    private long _logRecordCount;
    private bool _disposed;

    /// <summary>Creates the cache over <paramref name="flash"/> (the whole PDDB region); copies the keys.</summary>
    /// <param name="flash">The PDDB region.</param>
    /// <param name="geometry">Its layout.</param>
    /// <param name="systemPageTableKey">The .System page-table key (32 bytes): encrypts SpaceUpdate records (AES-256-ECB).</param>
    /// <param name="systemDataKey">The .System data key (32 bytes): encrypts the FastSpace record (AES-256-GCM-SIV).</param>
    /// <param name="fastSpaceAssociatedData">The record's associated data: ".FastSpace" ‖ version u32 LE ‖ DNA u64 LE.</param>
    /// <param name="random">Nonces and random choices.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A key is not 32 bytes, or the flash does not hold the geometry.</exception>
    public FreeSpaceCache(
        IFlashPages flash, PddbGeometry geometry, ReadOnlySpan<byte> systemPageTableKey, ReadOnlySpan<byte> systemDataKey,
        ReadOnlySpan<byte> fastSpaceAssociatedData, PddbRandom random)
    {
        _flash = flash ?? throw new ArgumentNullException(nameof(flash));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        if (flash.SectorSize != PageSize || flash.SectorCount < geometry.TotalPages)
        {
            throw new ArgumentException("the flash must have 4096-byte sectors and hold the whole PDDB", nameof(flash));
        }

        if (systemPageTableKey.Length != 32 || systemDataKey.Length != 32)
        {
            throw new ArgumentException("the .System keys are 32 bytes");
        }

        _geometry = geometry;
        _pageTableCipher = new Aes(systemPageTableKey);
        _dataKey = systemDataKey.ToArray();
        _associatedData = fastSpaceAssociatedData.ToArray();
    }

    private enum PageRole : byte
    {
        Blank,
        Record,
        Log,
    }

    /// <summary>Number of free pages known to the cache.</summary>
    public int FreeCount => _freeList.Count;

    /// <summary>Compactions (including <see cref="Refill"/>) done by this instance.</summary>
    public long CompactionCount => _compactionCount;

    /// <summary>SpaceUpdate records appended by this instance.</summary>
    public long LogRecordCount => _logRecordCount;

    /// <summary>True when the FSCB holds SpaceUpdate log pages (records not yet folded into the record).</summary>
    public bool HasLog => _logPages.Count > 0;

    /// <summary>True when <paramref name="dataPage"/> is in the free set.</summary>
    public bool IsFree(int dataPage) => _freeIndex.ContainsKey(dataPage);

    /// <summary>Appends every free page (in no particular order) to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void CopyFreePages(List<int> destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        for (int i = 0; i < _freeList.Count; i++)
        {
            destination.Add(_freeList[i]);
        }
    }

    /// <summary>
    /// Format: erases all 16 FSCB pages and writes a record holding <paramref name="freeDataPages"/> at a random page
    /// offset. Not crash-safe (a cut leaves no cache; <see cref="TryLoad"/> then returns false).
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> pages, a page out of range, or a duplicate.</exception>
    public void Create(IReadOnlyList<int> freeDataPages)
    {
        CheckNotDisposed();
        int[] pages = CheckPages(freeDataPages);
        for (int i = 0; i < Pages; i++)
        {
            _flash.Erase(_geometry.FreeSpaceCacheFirstPage + i);
            _roles[i] = PageRole.Blank;
        }

        _recordPage = -1;
        _logPages.Clear();
        _nextSlot = SlotsPerPage;
        uint generation = _random.NextUInt32() & GenerationMask;
        int at = _random.NextInt(Pages - 1);
        WriteRecord(at, pages, generation);
        _recordPage = at;
        _generation = generation;
        _roles[at] = PageRole.Record;
        _roles[at + 1] = PageRole.Record;
        SetFree(pages);
    }

    /// <summary>
    /// Finds the newest record that decrypts, replays its generation's log records and erases every other non-blank
    /// FSCB page (left-overs of an interrupted compaction or log append).
    /// </summary>
    /// <returns>False when no record decrypts ("no free-space cache"); the free set is then empty and flash untouched.</returns>
    public bool TryLoad()
    {
        CheckNotDisposed();
        _freeList.Clear();
        _freeIndex.Clear();
        _logPages.Clear();
        _recordPage = -1;
        _nextSlot = SlotsPerPage;
        var headerBlank = new bool[Pages];
        Span<byte> header = stackalloc byte[16];
        for (int i = 0; i < Pages; i++)
        {
            _roles[i] = PageRole.Blank;
            _flash.Read(PageOffset(i), header);
            headerBlank[i] = IsAllOnes(header);
        }

        var pages = new List<int>();
        var bestPages = new List<int>();
        int best = -1;
        uint bestGeneration = 0;
        for (int at = 0; at < Pages - 1; at++)
        {
            if (headerBlank[at] || headerBlank[at + 1])
            {
                continue;
            }

            _flash.Read(PageOffset(at), _recordBuffer);
            pages.Clear();
            if (!FastSpaceRecord.TryDecrypt(_dataKey, _associatedData, _recordBuffer, pages, out uint generation))
            {
                continue;
            }

            if (best < 0 || IsNewer(generation, bestGeneration))
            {
                best = at;
                bestGeneration = generation;
                bestPages.Clear();
                bestPages.AddRange(pages);
            }
        }

        _recordBuffer.AsSpan().Clear();
        if (best < 0)
        {
            return false;
        }

        _recordPage = best;
        _generation = bestGeneration;
        _roles[best] = PageRole.Record;
        _roles[best + 1] = PageRole.Record;
        for (int i = 0; i < bestPages.Count; i++)
        {
            if (bestPages[i] < _geometry.DataPageCount)
            {
                AddFree(bestPages[i]);
            }
        }

        // Log pages follow the record in circular page order (OpenLogPage), so they replay in that order.
        for (int step = 0; step < Pages; step++)
        {
            int i = (best + 2 + step) % Pages;
            if (_roles[i] == PageRole.Record)
            {
                continue;
            }

            _flash.Read(PageOffset(i), _pageBuffer);
            if (IsAllOnes(_pageBuffer))
            {
                continue;
            }

            int lastUsedSlot = 0;
            bool isLog = false;
            if (headerBlank[i])
            {
                for (int slot = 1; slot < SlotsPerPage; slot++)
                {
                    ReadOnlySpan<byte> cipher = _pageBuffer.AsSpan(slot * SpaceUpdateRecord.Size, SpaceUpdateRecord.Size);
                    if (IsAllOnes(cipher))
                    {
                        continue;
                    }

                    lastUsedSlot = slot;
                    if (SpaceUpdateRecord.TryDecrypt(_pageTableCipher, cipher, out ulong nonce, out PhysicalPage page)
                        && (nonce >> 32) == _generation && page.IsValid)
                    {
                        isLog = true;
                        Replay(page);
                    }
                }
            }

            if (isLog)
            {
                _roles[i] = PageRole.Log;
                _logPages.Add(i);
                _nextSlot = lastUsedSlot + 1;
            }
            else
            {
                _flash.Erase(_geometry.FreeSpaceCacheFirstPage + i);
            }
        }

        _pageBuffer.AsSpan().Clear();
        return true;
    }

    /// <summary>
    /// Takes a uniformly random free page; its SpaceUpdate(Used) record is on flash (read back) before this returns
    /// true. Compacts first when the log is full.
    /// </summary>
    /// <returns>False when the cache holds no free page.</returns>
    /// <exception cref="InvalidOperationException">No record is loaded (call <see cref="Create"/> or <see cref="TryLoad"/>).</exception>
    /// <exception cref="FlashDeviceException">The record did not read back as programmed.</exception>
    public bool TryAllocate(out int dataPage)
    {
        CheckLoaded();
        dataPage = -1;
        if (_freeList.Count == 0)
        {
            return false;
        }

        int page = _freeList[_random.NextInt(_freeList.Count)];
        Append(new PhysicalPage(page, SpaceState.Used, false, 0));
        RemoveFree(page);
        dataPage = page;
        return true;
    }

    /// <summary>
    /// Takes <paramref name="dataPage"/> out of the free set, logging SpaceUpdate(Used) first (durable before this
    /// returns); ignored when the page is not free. The engine calls it for pages a basis maps that the cache lists as
    /// free (the cache was refilled while that basis was locked).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataPage"/> is not a data page.</exception>
    /// <exception cref="InvalidOperationException">No record is loaded.</exception>
    public void Claim(int dataPage)
    {
        CheckLoaded();
        if (dataPage < 0 || dataPage >= _geometry.DataPageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(dataPage));
        }

        if (!_freeIndex.ContainsKey(dataPage))
        {
            return;
        }

        Append(new PhysicalPage(dataPage, SpaceState.Used, false, 0));
        RemoveFree(dataPage);
    }

    /// <summary>
    /// Logs SpaceUpdate(Free) for <paramref name="dataPage"/>, which becomes allocatable again; ignored when already
    /// free. Past <see cref="Capacity"/> free pages the next compaction keeps only <see cref="Capacity"/> of them (the
    /// rest stay on flash as used pages the cache does not know about).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataPage"/> is not a data page.</exception>
    /// <exception cref="InvalidOperationException">No record is loaded.</exception>
    public void Release(int dataPage)
    {
        CheckLoaded();
        if (dataPage < 0 || dataPage >= _geometry.DataPageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(dataPage));
        }

        if (_freeIndex.ContainsKey(dataPage))
        {
            return;
        }

        Append(new PhysicalPage(dataPage, SpaceState.Free, true, 0));
        AddFree(dataPage);
    }

    /// <summary>Replaces the free set with <paramref name="freeDataPages"/> by writing a new record (crash-safe: after a
    /// cut the cache holds either the old or the new set).</summary>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> pages, a page out of range, or a duplicate.</exception>
    /// <exception cref="InvalidOperationException">No record is loaded.</exception>
    public void Refill(IReadOnlyList<int> freeDataPages)
    {
        CheckLoaded();
        int[] pages = CheckPages(freeDataPages);
        Rewrite(pages);
        _freeList.Clear();
        _freeIndex.Clear();
        SetFree(pages);
    }

    /// <summary>Folds the log into a new record (generation + 1) and erases the old record and log pages.</summary>
    /// <exception cref="InvalidOperationException">No record is loaded.</exception>
    public void Compact()
    {
        CheckLoaded();
        int count = _freeList.Count < Capacity ? _freeList.Count : Capacity;
        int[] pages = new int[count];
        for (int i = 0; i < count; i++)
        {
            pages[i] = _freeList[i];
        }

        Rewrite(pages);
        while (_freeList.Count > count)
        {
            RemoveFree(_freeList[_freeList.Count - 1]);
        }
    }

    /// <summary>Wipes the copied keys.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pageTableCipher.Dispose();
        _dataKey.AsSpan().Clear();
    }

    private void Rewrite(int[] pages)
    {
        int candidates = 0;
        for (int at = 0; at < Pages - 1; at++)
        {
            if (_roles[at] == PageRole.Blank && _roles[at + 1] == PageRole.Blank)
            {
                candidates++;
            }
        }

        if (candidates == 0)
        {
            throw new InvalidOperationException("no two adjacent erased FSCB pages are left for a new record");
        }

        int pick = _random.NextInt(candidates);
        int target = -1;
        for (int at = 0; at < Pages - 1 && target < 0; at++)
        {
            if (_roles[at] == PageRole.Blank && _roles[at + 1] == PageRole.Blank && pick-- == 0)
            {
                target = at;
            }
        }

        uint generation = (_generation + 1) & GenerationMask;
        WriteRecord(target, pages, generation);
        for (int i = 0; i < Pages; i++)
        {
            if (_roles[i] != PageRole.Blank)
            {
                _flash.Erase(_geometry.FreeSpaceCacheFirstPage + i);
                _roles[i] = PageRole.Blank;
            }
        }

        _roles[target] = PageRole.Record;
        _roles[target + 1] = PageRole.Record;
        _recordPage = target;
        _generation = generation;
        _logPages.Clear();
        _nextSlot = SlotsPerPage;
        _compactionCount++;
    }

    private void WriteRecord(int at, int[] pages, uint generation)
    {
        Span<byte> nonce = stackalloc byte[AesGcmSiv.NonceSizeInBytes];
        _random.Fill(nonce);
        FastSpaceRecord.Encrypt(_dataKey, _associatedData, nonce, pages, generation, _recordBuffer);
        _flash.ProgramRange(PageOffset(at), _recordBuffer);
        byte[] check = new byte[FastSpaceRecord.Size];
        _flash.Read(PageOffset(at), check);
        bool same = check.AsSpan().SequenceEqual(_recordBuffer);
        _recordBuffer.AsSpan().Clear();
        if (!same)
        {
            throw new FlashDeviceException("FastSpace record did not read back as programmed");
        }
    }

    private void Append(PhysicalPage page)
    {
        if (_nextSlot >= SlotsPerPage && !OpenLogPage())
        {
            Compact();
            if (!OpenLogPage())
            {
                throw new InvalidOperationException("no FSCB page is left for the log after compaction");
            }
        }

        ulong nonce = ((ulong)_generation << 32) | _random.NextUInt32();
        Span<byte> cipher = stackalloc byte[SpaceUpdateRecord.Size];
        SpaceUpdateRecord.Encrypt(_pageTableCipher, nonce, page, cipher);
        long offset = PageOffset(_logPages[_logPages.Count - 1]) + ((long)_nextSlot * SpaceUpdateRecord.Size);
        _nextSlot++;
        _flash.Program(offset, cipher);
        Span<byte> check = stackalloc byte[SpaceUpdateRecord.Size];
        _flash.Read(offset, check);
        if (!check.SequenceEqual(cipher))
        {
            throw new FlashDeviceException("SpaceUpdate record did not read back as programmed");
        }

        _logRecordCount++;
    }

    /// <summary>
    /// Opens the next log page: the first erased page after the current log pages — or, for the first one, after the
    /// record — in circular page order, such that two adjacent erased pages still remain for the next record. Starting
    /// after the record (placed at random) spreads the erases of log pages over the FSCB.
    /// </summary>
    private bool OpenLogPage()
    {
        // Positions relative to the page after the record; the record itself sits at the last two positions.
        int origin = _recordPage + 2;
        int first = _logPages.Count == 0 ? 0 : ((_logPages[_logPages.Count - 1] - origin + Pages) % Pages) + 1;
        for (int position = first; position < Pages - 2; position++)
        {
            int candidate = (origin + position) % Pages;
            if (_roles[candidate] != PageRole.Blank)
            {
                continue;
            }

            _roles[candidate] = PageRole.Log;
            bool reserveLeft = false;
            for (int at = 0; at < Pages - 1 && !reserveLeft; at++)
            {
                reserveLeft = _roles[at] == PageRole.Blank && _roles[at + 1] == PageRole.Blank;
            }

            if (reserveLeft)
            {
                _logPages.Add(candidate);
                _nextSlot = 1;
                return true;
            }

            _roles[candidate] = PageRole.Blank;
        }

        return false;
    }

    private void Replay(PhysicalPage page)
    {
        int number = page.PageNumber;
        if (number >= _geometry.DataPageCount)
        {
            return;
        }

        if (page.State == SpaceState.Free)
        {
            AddFree(number);
        }
        else
        {
            RemoveFree(number);
        }
    }

    private void SetFree(int[] pages)
    {
        for (int i = 0; i < pages.Length; i++)
        {
            AddFree(pages[i]);
        }
    }

    private void AddFree(int page)
    {
        if (!_freeIndex.ContainsKey(page))
        {
            _freeIndex[page] = _freeList.Count;
            _freeList.Add(page);
        }
    }

    private void RemoveFree(int page)
    {
        if (_freeIndex.TryGetValue(page, out int index))
        {
            int last = _freeList[_freeList.Count - 1];
            _freeList[index] = last;
            _freeIndex[last] = index;
            _freeList.RemoveAt(_freeList.Count - 1);
            _freeIndex.Remove(page);
        }
    }

    private int[] CheckPages(IReadOnlyList<int> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        if (pages.Count > Capacity)
        {
            throw new ArgumentException("at most " + Capacity + " pages fit in the free-space cache", nameof(pages));
        }

        var seen = new HashSet<int>();
        int[] result = new int[pages.Count];
        for (int i = 0; i < pages.Count; i++)
        {
            int page = pages[i];
            if (page < 0 || page >= _geometry.DataPageCount || !seen.Add(page))
            {
                throw new ArgumentException("page " + page + " is out of range or listed twice", nameof(pages));
            }

            result[i] = page;
        }

        return result;
    }

    private static bool IsNewer(uint candidate, uint current)
    {
        uint difference = (candidate - current) & GenerationMask;
        return difference != 0 && difference < (1u << 19);
    }

    private long PageOffset(int fscbPage) => (long)(_geometry.FreeSpaceCacheFirstPage + fscbPage) * PageSize;

    private void CheckLoaded()
    {
        CheckNotDisposed();
        if (_recordPage < 0)
        {
            throw new InvalidOperationException("no free-space cache record is loaded; call Create or TryLoad");
        }
    }

    private void CheckNotDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(FreeSpaceCache));
        }
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
}
