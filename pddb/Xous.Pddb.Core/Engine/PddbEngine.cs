using System;
using System.Collections.Generic;
using Xous.Hal;
using Xous.Pddb.Engine;
using Xous.Pddb.Format;
using Xous.Pddb.Storage;

namespace Xous.Pddb;

/// <summary>
/// A mounted PDDB: the system basis plus the secret bases unlocked so far, seen as one union (the most recently unlocked
/// basis wins) or addressed by name. Changes stay in RAM until <see cref="Sync"/> (or an automatic sync of a large
/// stream); a sync is atomic per basis and survives a power cut at any flash operation. Layout: docs/pddb-format.md.
/// </summary>
/// <remarks>Not thread-safe: the PDDB service owns the one instance and serialises requests.</remarks>
public sealed partial class PddbEngine : IDisposable, ISpaceReservation
{
    private readonly PddbContext _context;
    private readonly List<OpenBasis> _open = new();
    private readonly byte[] _saltBase;
    private bool _disposed;

    private PddbEngine(PddbContext context, byte[] saltBase)
    {
        _context = context;
        _saltBase = saltBase;
    }

    /// <summary>True when the free-space cache had to be rebuilt at mount (it was missing or damaged).</summary>
    public bool FreeSpaceCacheRebuilt { get; private set; }

    /// <summary>Operation counters.</summary>
    public PddbCounters Counters => _context.Counters;

    /// <summary>Layout of the mounted region.</summary>
    public PddbGeometry Geometry => _context.Geometry;

    /// <summary>What the static crypto data page of <paramref name="flash"/> says, without any key.</summary>
    public static StaticCryptoDataState Probe(IFlashPages flash)
    {
        var geometry = new PddbGeometry(flash.SectorCount);
        byte[] page = new byte[PddbLayout.PageSize];
        flash.Read((long)geometry.StaticCryptoDataPage * PddbLayout.PageSize, page);
        return StaticCryptoData.Classify(page);
    }

    /// <summary>
    /// Formats <paramref name="flash"/> (the whole region): noise everywhere (unless <paramref name="fast"/>), fresh
    /// random system keys wrapped under <paramref name="user0Key"/>, fresh salt, an empty free-space cache record and
    /// an empty system basis. The static crypto data page is written last, so an interrupted format leaves "no PDDB".
    /// </summary>
    public static void Format(IFlashPages flash, PddbRandom random, ReadOnlySpan<byte> user0Key, ulong deviceDna, PddbOptions? options = null, bool fast = false)
    {
        var geometry = new PddbGeometry(flash.SectorCount);
        var context = new PddbContext(flash, geometry, random, deviceDna, options ?? new PddbOptions());
        flash.Erase(geometry.StaticCryptoDataPage);
        byte[] page = new byte[PddbLayout.PageSize];
        if (!fast)
        {
            for (int dataPage = 0; dataPage < geometry.DataPageCount; dataPage++)
            {
                random.Fill(page);
                flash.EraseAndProgramSector(geometry.PageOfData(dataPage), page);
            }
        }

        context.PageTable.FillWithNoise();
        byte[] pageTableKey = new byte[32];
        byte[] dataKey = new byte[32];
        byte[] saltBase = new byte[StaticCryptoData.SaltBaseSize];
        random.Fill(pageTableKey);
        random.Fill(dataKey);
        random.Fill(saltBase);
        try
        {
            var engine = new PddbEngine(context, saltBase);
            engine.OpenFreeSpace(pageTableKey, dataKey);
            var initial = new List<int>();
            engine.ChooseFreePages(new HashSet<int>(), 0, initial);
            context.RequireSpace.Create(initial);
            byte[] systemName = SystemNameUtf8();
            using (OpenBasis system = OpenBasis.CreateEmpty(context, PddbLayout.SystemBasisName, systemName, pageTableKey, dataKey))
            {
                PddbStatus status = system.Sync(engine, force: true);
                if (status != PddbStatus.Ok)
                {
                    throw new InvalidOperationException("format could not write the system basis: " + status.ToString());
                }
            }

            byte[] wrappedPageTableKey = new byte[StaticCryptoData.WrappedKeySize];
            byte[] wrappedDataKey = new byte[StaticCryptoData.WrappedKeySize];
            RootKeys.WrapSystemKeys(user0Key, pageTableKey, dataKey, wrappedPageTableKey, wrappedDataKey);
            Array.Fill(page, (byte)0xFF);
            StaticCryptoData.Write(page, wrappedPageTableKey, wrappedDataKey, saltBase);
            flash.ProgramSector(geometry.StaticCryptoDataPage, page);
            engine.Dispose();
        }
        finally
        {
            pageTableKey.AsSpan().Clear();
            dataKey.AsSpan().Clear();
        }
    }

    /// <summary>
    /// Mounts the PDDB on <paramref name="flash"/> with the root key derived from the user's PIN.
    /// <see cref="PddbStatus.NoPddb"/>: nothing recognisable (format first); <see cref="PddbStatus.WrongPin"/>: a PDDB is
    /// there but the key does not unwrap it; <see cref="PddbStatus.Corrupt"/>: the system basis is gone.
    /// </summary>
    public static PddbStatus Mount(IFlashPages flash, PddbRandom random, ReadOnlySpan<byte> user0Key, ulong deviceDna, PddbOptions? options, out PddbEngine? engine)
    {
        engine = null;
        if (flash.SectorCount < PddbGeometry.MinimumPages || flash.SectorCount % 16 != 0)
        {
            return PddbStatus.NoPddb;
        }

        var geometry = new PddbGeometry(flash.SectorCount);
        byte[] page = new byte[PddbLayout.PageSize];
        flash.Read((long)geometry.StaticCryptoDataPage * PddbLayout.PageSize, page);
        if (StaticCryptoData.Classify(page) != StaticCryptoDataState.Present)
        {
            return PddbStatus.NoPddb;
        }

        byte[] pageTableKey = new byte[32];
        byte[] dataKey = new byte[32];
        try
        {
            if (!RootKeys.TryUnwrapSystemKeys(
                user0Key,
                page.AsSpan(StaticCryptoData.SystemPageTableKeyOffset, StaticCryptoData.WrappedKeySize),
                page.AsSpan(StaticCryptoData.SystemDataKeyOffset, StaticCryptoData.WrappedKeySize),
                pageTableKey,
                dataKey))
            {
                return PddbStatus.WrongPin;
            }

            var context = new PddbContext(flash, geometry, random, deviceDna, options ?? new PddbOptions());
            byte[] saltBase = page.AsSpan(StaticCryptoData.SaltBaseOffset, StaticCryptoData.SaltBaseSize).ToArray();
            var mounted = new PddbEngine(context, saltBase);
            context.PageTable.Recover();
            mounted.OpenFreeSpace(pageTableKey, dataKey);
            bool haveFreeSpace = context.RequireSpace.TryLoad();
            OpenBasis? system = OpenBasis.TryLoad(context, PddbLayout.SystemBasisName, SystemNameUtf8(), pageTableKey, dataKey, context.ReadPageTable());
            if (system is null)
            {
                mounted.Dispose();
                return PddbStatus.Corrupt;
            }

            mounted._open.Add(system);
            if (!haveFreeSpace)
            {
                mounted.FreeSpaceCacheRebuilt = true;
                var chosen = new List<int>();
                var used = new HashSet<int>();
                system.CollectUsedPages(used);
                mounted.ChooseFreePages(used, 0, chosen);
                context.RequireSpace.Create(chosen);
            }
            else
            {
                mounted.ClaimMappedPages(system);

                // A session that ended with a secret basis open (a power cut, no lock) left its allocations in the log.
                mounted.ForgetSecretActivity();
            }

            engine = mounted;
            return PddbStatus.Ok;
        }
        finally
        {
            pageTableKey.AsSpan().Clear();
            dataKey.AsSpan().Clear();
        }
    }

    /// <summary>Names of the open bases, oldest first (the system basis is always first).</summary>
    public void ListOpenBases(List<string> names)
    {
        foreach (OpenBasis basis in _open)
        {
            names.Add(basis.Name);
        }
    }

    /// <summary>The most recently unlocked basis.</summary>
    public string LatestBasis => _open[_open.Count - 1].Name;

    /// <summary>Free pages the free-space cache holds now.</summary>
    public int FreePages => _context.RequireSpace.FreeCount;

    /// <summary>
    /// Creates secret basis (<paramref name="name"/>, <paramref name="password"/>) and writes its root; it stays locked
    /// (unlock it to use it). <see cref="PddbStatus.AlreadyExists"/> when that name and password already open a basis.
    /// </summary>
    public PddbStatus CreateBasis(string name, ReadOnlySpan<byte> password)
    {
        PddbStatus status = CheckBasisArguments(name, password, out byte[] nameUtf8);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        if (FindOpen(name) is not null)
        {
            return PddbStatus.AlreadyExists;
        }

        byte[] pageTableKey = new byte[32];
        byte[] dataKey = new byte[32];
        try
        {
            BasisKeyDerivation.Derive(_saltBase, nameUtf8, password, pageTableKey, dataKey, _context.Options.KdfCost);
            using (OpenBasis? existing = OpenBasis.TryLoad(_context, name, nameUtf8, pageTableKey, dataKey, _context.ReadPageTable()))
            {
                if (existing is not null)
                {
                    return PddbStatus.AlreadyExists;
                }
            }

            using OpenBasis created = OpenBasis.CreateEmpty(_context, name, nameUtf8, pageTableKey, dataKey);
            return created.Sync(this, force: true);
        }
        finally
        {
            pageTableKey.AsSpan().Clear();
            dataKey.AsSpan().Clear();
        }
    }

    /// <summary>
    /// Unlocks secret basis (<paramref name="name"/>, <paramref name="password"/>); it becomes the latest basis.
    /// <see cref="PddbStatus.NotFound"/> both when no such basis exists and when the password is wrong.
    /// </summary>
    public PddbStatus UnlockBasis(string name, ReadOnlySpan<byte> password)
    {
        PddbStatus status = CheckBasisArguments(name, password, out byte[] nameUtf8);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        if (FindOpen(name) is not null)
        {
            return PddbStatus.BasisAlreadyOpen;
        }

        if (_open.Count >= _context.Options.MaxOpenBases)
        {
            return PddbStatus.LimitReached;
        }

        byte[] pageTableKey = new byte[32];
        byte[] dataKey = new byte[32];
        try
        {
            BasisKeyDerivation.Derive(_saltBase, nameUtf8, password, pageTableKey, dataKey, _context.Options.KdfCost);
            OpenBasis? basis = OpenBasis.TryLoad(_context, name, nameUtf8, pageTableKey, dataKey, _context.ReadPageTable());
            if (basis is null)
            {
                return PddbStatus.NotFound;
            }

            ClaimMappedPages(basis);
            _open.Add(basis);
            return PddbStatus.Ok;
        }
        finally
        {
            pageTableKey.AsSpan().Clear();
            dataKey.AsSpan().Clear();
        }
    }

    /// <summary>Syncs and locks basis <paramref name="name"/>; its keys are wiped from RAM.</summary>
    public PddbStatus LockBasis(string name)
    {
        PddbStatus status = FindSecret(name, out OpenBasis? basis);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        status = basis!.Sync(this);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        _open.Remove(basis);
        basis.Dispose();
        ForgetSecretActivity();
        return PddbStatus.Ok;
    }

    /// <summary>Deletes open secret basis <paramref name="name"/>: every page it maps is retired (root first) and freed.</summary>
    public PddbStatus DeleteBasis(string name)
    {
        PddbStatus status = FindSecret(name, out OpenBasis? basis);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        basis!.RetireEverything();
        _open.Remove(basis);
        basis.Dispose();
        ForgetSecretActivity();
        return PddbStatus.Ok;
    }

    /// <summary>Writes every open basis's pending changes. The first failure is returned (later bases still try).</summary>
    public PddbStatus Sync()
    {
        PddbStatus result = PddbStatus.Ok;
        foreach (OpenBasis basis in _open)
        {
            PddbStatus status = basis.Sync(this);
            if (result == PddbStatus.Ok)
            {
                result = status;
            }
        }

        return result;
    }

    /// <summary>
    /// Churn: re-encrypts every page of every open basis under fresh nonces (in syncs of 64 pages) and re-noises every
    /// page the free-space cache holds.
    /// </summary>
    public PddbStatus Churn()
    {
        PddbStatus status = Sync();
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        foreach (OpenBasis basis in _open)
        {
            ulong resume = ulong.MaxValue;
            do
            {
                resume = basis.QueueRewrite(resume, 64);
                status = basis.Sync(this, force: true);
                if (status != PddbStatus.Ok)
                {
                    return status;
                }
            }
            while (resume != ulong.MaxValue);
        }

        var free = new List<int>();
        _context.RequireSpace.CopyFreePages(free);
        byte[] page = new byte[PddbLayout.PageSize];
        foreach (int dataPage in free)
        {
            _context.Random.Fill(page);
            _context.Flash.EraseAndProgramSector(_context.Geometry.PageOfData(dataPage), page);
        }

        return PddbStatus.Ok;
    }

    /// <summary>
    /// Free pages a sync that grows the used space must leave, so that a later sync that only deletes (and needs a few
    /// new pages before it can free the old ones) still fits on a full flash.
    /// </summary>
    internal const int ShrinkReservePages = 16;

    /// <inheritdoc/>
    PddbStatus ISpaceReservation.Reserve(int pages, bool shrinking)
    {
        FreeSpaceCache space = _context.RequireSpace;
        int margin = shrinking ? 0 : ShrinkReservePages;
        if (space.FreeCount >= pages + margin)
        {
            return PddbStatus.Ok;
        }

        if (pages > FreeSpaceCache.Capacity)
        {
            return PddbStatus.NoSpace;
        }

        var used = new HashSet<int>();
        foreach (OpenBasis basis in _open)
        {
            basis.CollectUsedPages(used);
        }

        if (_context.Geometry.DataPageCount - used.Count < pages + margin)
        {
            return PddbStatus.NoSpace;
        }

        if (space.FreeCount >= pages)
        {
            return PddbStatus.Ok;
        }

        Func<bool>? approve = _context.Options.ApproveFreeSpaceRefill;
        if (approve is not null && !approve())
        {
            return PddbStatus.RefillNotApproved;
        }

        var chosen = new List<int>();
        ChooseFreePages(used, pages, chosen);
        space.Refill(chosen);
        _context.Counters.Refills++;
        return PddbStatus.Ok;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (OpenBasis basis in _open)
        {
            basis.Dispose();
        }

        _open.Clear();
        _context.Space?.Dispose();
        _saltBase.AsSpan().Clear();
    }

    private static byte[] SystemNameUtf8()
    {
        PddbNames.TryEncode(PddbLayout.SystemBasisName, PddbNames.MaxBasisNameBytes, out byte[] name);
        return name;
    }

    private void OpenFreeSpace(ReadOnlySpan<byte> pageTableKey, ReadOnlySpan<byte> dataKey)
    {
        PddbNames.TryEncode(PddbLayout.FastSpaceName, PddbNames.MaxBasisNameBytes, out byte[] fastSpace);
        byte[] associatedData = new byte[AssociatedData.MaxLength];
        int length = AssociatedData.Write(fastSpace, _context.DeviceDna, associatedData);
        _context.Space = new FreeSpaceCache(_context.Flash, _context.Geometry, pageTableKey, dataKey, associatedData.AsSpan(0, length), _context.Random);
    }

    /// <summary>
    /// Picks the free-space cache's new contents: 0.5 ± 0.1 (random) of the smaller of the truly free pages and the
    /// cache's capacity, at least <paramref name="atLeast"/>, in random order.
    /// </summary>
    private void ChooseFreePages(HashSet<int> used, int atLeast, List<int> chosen)
    {
        var candidates = new List<int>();
        for (int dataPage = 0; dataPage < _context.Geometry.DataPageCount; dataPage++)
        {
            if (!used.Contains(dataPage))
            {
                candidates.Add(dataPage);
            }
        }

        int limit = Math.Min(candidates.Count, FreeSpaceCache.Capacity);
        int target = (int)((long)limit * (40 + _context.Random.NextInt(21)) / 100);
        target = Math.Min(limit, Math.Max(target, Math.Max(atLeast, Math.Min(limit, 1))));
        for (int i = 0; i < target; i++)
        {
            int pick = i + _context.Random.NextInt(candidates.Count - i);
            (candidates[i], candidates[pick]) = (candidates[pick], candidates[i]);
            chosen.Add(candidates[i]);
        }
    }

    /// <summary>
    /// Folds the free-space log into a new record and erases the log. The log's SpaceUpdate records are encrypted under
    /// the .System keys, so whoever has the PIN could read which pages other bases took or gave back (pages Used that
    /// .System does not map). Called whenever a secret basis is locked or deleted, and at mount; afterwards the log
    /// holds only what happens next, and the record holds only the current free set (docs/pddb-format.md
    /// "Deniability mechanics").
    /// </summary>
    private void ForgetSecretActivity()
    {
        FreeSpaceCache space = _context.RequireSpace;
        if (space.HasLog)
        {
            space.Compact();
        }
    }

    /// <summary>Takes the pages <paramref name="basis"/> maps out of the free-space cache (it was refilled while the basis was locked).</summary>
    private void ClaimMappedPages(OpenBasis basis)
    {
        FreeSpaceCache space = _context.RequireSpace;
        basis.ForEachMappedPage(dataPage =>
        {
            if (space.IsFree(dataPage))
            {
                space.Claim(dataPage);
            }
        });
    }

    private PddbStatus CheckBasisArguments(string name, ReadOnlySpan<byte> password, out byte[] nameUtf8)
    {
        nameUtf8 = Array.Empty<byte>();
        if (password.Length is 0 or > PddbNames.MaxPasswordBytes)
        {
            return PddbStatus.InvalidPassword;
        }

        if (name is null || name.Length == 0 || name[0] == '.' || !PddbNames.TryEncode(name, PddbNames.MaxBasisNameBytes, out nameUtf8))
        {
            return PddbStatus.InvalidName;
        }

        return PddbStatus.Ok;
    }

    private OpenBasis? FindOpen(string name)
    {
        foreach (OpenBasis basis in _open)
        {
            if (basis.Name == name)
            {
                return basis;
            }
        }

        return null;
    }

    private PddbStatus FindSecret(string name, out OpenBasis? basis)
    {
        basis = null;
        if (name == PddbLayout.SystemBasisName)
        {
            return PddbStatus.SystemBasis;
        }

        basis = FindOpen(name);
        return basis is null ? PddbStatus.BasisNotOpen : PddbStatus.Ok;
    }
}
