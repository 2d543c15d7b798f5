using System;
using System.Collections.Generic;
using Xous.Crypto;
using Xous.Ipc;
using Xous.Pddb.Api;
using Xous.Pddb.Engine;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>
/// The PDDB service: implements the generated <see cref="IPddbHandler"/> over one <see cref="PddbEngine"/>. Every input is
/// validated here (lengths, reserved fields, UTF-8 names, offsets) before the engine sees it; every outcome is a
/// <see cref="PddbServiceStatus"/>. The PIN and basis passwords are asked through the environment into stack buffers
/// that are wiped after use; no key, PIN or password is ever written to a reply or the log.
/// </summary>
/// <remarks>Not thread-safe: the server loop calls it from one thread (the engine is single-threaded too).</remarks>
public sealed partial class PddbService : IPddbHandler, IDisposable
{
    private readonly IPddbServiceEnvironment _environment;
    private readonly PddbRandom _random;
    private readonly List<string> _names = new();
    private readonly BulkReadSink _bulkSink = new();
    private PddbEngine? _engine;
    private OpcodeCounters? _counters;
    private uint[] _failures = [];
    private uint _wrongPinAttempts;
    private uint _basisOpenFailures;

    /// <summary>Creates the service (unmounted); reports at once when the environment is insecure.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="environment"/> is null.</exception>
    public PddbService(IPddbServiceEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _random = new PddbRandom(new ChaChaDrbg(environment.Entropy, "xous-pddb-service"u8));
        if (environment.IsInsecure)
        {
            environment.Report("WARNING: INSECURE environment (test PIN/password source, simulated secrets); not for real data");
        }
    }

    /// <summary>Mount attempts refused for a wrong PIN.</summary>
    public uint WrongPinAttempts => _wrongPinAttempts;

    /// <summary>
    /// Gives the service the dispatcher's per-opcode counters, for <see cref="Stats"/>, and starts counting failures per
    /// opcode in the same rows.
    /// </summary>
    public void AttachCounters(OpcodeCounters counters)
    {
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _failures = new uint[counters.Count];
    }

    /// <inheritdoc/>
    public bool IsMounted() => _engine is not null;

    /// <inheritdoc/>
    public PddbServiceStatus TryMount()
    {
        if (_engine is not null)
        {
            return PddbServiceStatus.Ok;
        }

        if (PddbEngine.Probe(_environment.Flash) != StaticCryptoDataState.Present)
        {
            return Done(PddbOpcodes.TryMount, PddbServiceStatus.NoPddb);
        }

        Span<byte> pin = stackalloc byte[PddbNames.MaxPasswordBytes];
        Span<byte> user0 = stackalloc byte[32];
        try
        {
            if (!_environment.TryAskPin(pin, out int length))
            {
                return Done(PddbOpcodes.TryMount, PddbServiceStatus.Cancelled);
            }

            if (length < 1 || length > pin.Length)
            {
                return Done(PddbOpcodes.TryMount, PddbServiceStatus.InvalidPassword);
            }

            RootKeys.DeriveUser0(pin.Slice(0, length), _environment.Secrets, user0, _environment.KdfCost);
            pin.Clear();
            var options = new PddbOptions
            {
                KdfCost = _environment.KdfCost,
                ApproveFreeSpaceRefill = _environment.ApproveFreeSpaceRefill,
            };
            PddbStatus status = PddbEngine.Mount(_environment.Flash, _random, user0, _environment.Secrets.DeviceDna, options, out PddbEngine? engine);
            if (status == PddbStatus.WrongPin)
            {
                _wrongPinAttempts++;
            }

            if (status == PddbStatus.Ok)
            {
                _engine = engine;
                if (engine!.FreeSpaceCacheRebuilt)
                {
                    _environment.Report("mounted; the free-space cache was rebuilt");
                }
            }

            return Done(PddbOpcodes.TryMount, Map(status));
        }
        finally
        {
            pin.Clear();
            user0.Clear();
        }
    }

    /// <inheritdoc/>
    public PddbServiceStatus ListBasis(ref NameList list)
    {
        PddbServiceStatus status = Prepare(ref list, NameUse.Forbidden, NameUse.Forbidden, out _, out _);
        if (status == PddbServiceStatus.Ok)
        {
            _engine!.ListOpenBases(_names);
            status = NamePage.Fill(ref list, _names);
        }

        return Done(PddbOpcodes.ListBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus LatestBasis(ref KeyPath path)
    {
        PddbServiceStatus status = Mounted();
        string latest = status == PddbServiceStatus.Ok ? _engine!.LatestBasis : string.Empty;
        path = default;
        if (status == PddbServiceStatus.Ok)
        {
            if (!PddbNames.TryEncode(latest, PddbNames.MaxBasisNameBytes, out byte[] utf8))
            {
                throw new InvalidOperationException("an open basis has a name the PDDB cannot hold");
            }

            path = PddbWire.Path(utf8, default, default);
        }

        return Done(PddbOpcodes.LatestBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus CreateBasis(in KeyPath path) => Done(PddbOpcodes.CreateBasis, WithPassword(in path, create: true));

    /// <inheritdoc/>
    public PddbServiceStatus OpenBasis(in KeyPath path)
    {
        PddbServiceStatus status = WithPassword(in path, create: false);
        if (status == PddbServiceStatus.NotFound)
        {
            _basisOpenFailures++;
        }

        return Done(PddbOpcodes.OpenBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus CloseBasis(in KeyPath path)
    {
        PddbServiceStatus status = Target(in path, NameUse.Required, NameUse.Forbidden, NameUse.Forbidden, out string? basis, out _, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.LockBasis(basis!));
        }

        return Done(PddbOpcodes.CloseBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DeleteBasis(in KeyPath path)
    {
        PddbServiceStatus status = Target(in path, NameUse.Required, NameUse.Forbidden, NameUse.Forbidden, out string? basis, out _, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.DeleteBasis(basis!));
        }

        return Done(PddbOpcodes.DeleteBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus Sync()
    {
        PddbServiceStatus status = Mounted();
        return Done(PddbOpcodes.Sync, status == PddbServiceStatus.Ok ? Map(_engine!.Sync()) : status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus Churn()
    {
        PddbServiceStatus status = Mounted();
        return Done(PddbOpcodes.Churn, status == PddbServiceStatus.Ok ? Map(_engine!.Churn()) : status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus Stats(ref PddbStats stats)
    {
        stats = default;
        if (_engine is not null)
        {
            PddbCounters counters = _engine.Counters;
            stats.DataPagesWritten = (ulong)counters.DataPagesWritten;
            stats.DataPagesRead = (ulong)counters.DataPagesRead;
            stats.Syncs = (ulong)counters.Syncs;
            stats.Refills = (ulong)counters.Refills;
            stats.EntriesRetired = (ulong)counters.EntriesRetired;
            stats.ValueBytesWritten = (ulong)counters.ValueBytesWritten;
            stats.GarbageFound = (ulong)counters.GarbageFound;
            stats.Mounted = 1;
            stats.FreePages = (uint)_engine.FreePages;
            _engine.ListOpenBases(_names);
            stats.OpenBases = (uint)_names.Count;
            _names.Clear();
        }

        stats.WrongPinAttempts = _wrongPinAttempts;
        stats.BasisOpenFailures = _basisOpenFailures;
        if (_counters is not null)
        {
            stats.UnknownOpcodeMessages = _counters.UnknownOpcodeMessages;
            int rows = Math.Min(_counters.Count, IPddb.StatsOpcodeSlots);
            stats.OpcodeCount = (uint)rows;
            Span<uint> opcodes = PddbWire.StatsTable(ref stats, 0);
            Span<uint> requests = PddbWire.StatsTable(ref stats, 1);
            Span<uint> errors = PddbWire.StatsTable(ref stats, 2);
            Span<uint> failures = PddbWire.StatsTable(ref stats, 3);
            for (int i = 0; i < rows; i++)
            {
                opcodes[i] = _counters.OpcodeAt(i);
                requests[i] = _counters.RequestsAt(i);
                errors[i] = _counters.ErrorsAt(i);
                failures[i] = _failures[i];
            }
        }

        return PddbServiceStatus.Ok;
    }

    /// <inheritdoc/>
    public CheckResult Check()
    {
        if (_engine is null)
        {
            return new CheckResult { Status = Done(PddbOpcodes.Check, PddbServiceStatus.NotMounted) };
        }

        var problems = new List<string>();
        _engine.Check(problems);
        foreach (string problem in problems)
        {
            _environment.Report("check: " + problem);
        }

        return new CheckResult { Status = PddbServiceStatus.Ok, Problems = (uint)problems.Count };
    }

    /// <summary>Unmounts: the engine's keys are wiped (pending changes that were not synced are lost, as on power-off).</summary>
    public void Dispose()
    {
        _engine?.Dispose();
        _engine = null;
        _random.Dispose();
    }

    /// <summary>The engine's status as the wire's (values 0–14 are the same by definition; a test checks every name).</summary>
    internal static PddbServiceStatus Map(PddbStatus status) => (PddbServiceStatus)(uint)status;

    private PddbServiceStatus WithPassword(in KeyPath path, bool create)
    {
        PddbServiceStatus status = Target(in path, NameUse.Required, NameUse.Forbidden, NameUse.Forbidden, out string? basis, out _, out _);
        if (status != PddbServiceStatus.Ok)
        {
            return status;
        }

        _engine!.ListOpenBases(_names);
        bool open = _names.Contains(basis!);
        _names.Clear();
        if (open)
        {
            return create ? PddbServiceStatus.AlreadyExists : PddbServiceStatus.BasisAlreadyOpen;
        }

        Span<byte> password = stackalloc byte[PddbNames.MaxPasswordBytes];
        try
        {
            if (!_environment.TryAskBasisPassword(PddbWire.BasisName(in path), password, out int length))
            {
                return PddbServiceStatus.Cancelled;
            }

            if (length < 1 || length > password.Length)
            {
                return PddbServiceStatus.InvalidPassword;
            }

            ReadOnlySpan<byte> typed = password.Slice(0, length);
            return Map(create ? _engine.CreateBasis(basis!, typed) : _engine.UnlockBasis(basis!, typed));
        }
        finally
        {
            password.Clear();
        }
    }

    private PddbServiceStatus Mounted() => _engine is null ? PddbServiceStatus.NotMounted : PddbServiceStatus.Ok;

    /// <summary>Not mounted → NotMounted; otherwise the decoded path.</summary>
    private PddbServiceStatus Target(
        ref readonly KeyPath path, NameUse basisUse, NameUse dictionaryUse, NameUse keyUse, out string? basis, out string dictionary, out string key)
    {
        basis = null;
        dictionary = string.Empty;
        key = string.Empty;
        PddbServiceStatus status = Mounted();
        return status != PddbServiceStatus.Ok ? status : RequestPath.Decode(in path, basisUse, dictionaryUse, keyUse, out basis, out dictionary, out key);
    }

    /// <summary>Validates a name-list request and clears its outputs; the name list scratch is empty afterwards.</summary>
    private PddbServiceStatus Prepare(ref NameList list, NameUse basisUse, NameUse dictionaryUse, out string? basis, out string dictionary)
    {
        _names.Clear();
        uint start = list.StartIndex;
        bool reservedClear = list.Reserved == 0;
        PddbServiceStatus status = Target(in list.Path, basisUse, dictionaryUse, NameUse.Forbidden, out basis, out dictionary, out _);
        NamePage.Clear(ref list);
        list.StartIndex = start;
        return status == PddbServiceStatus.Ok && !reservedClear ? PddbServiceStatus.MalformedRequest : status;
    }

    /// <summary>Counts a non-Ok answer against <paramref name="opcode"/>'s row and returns it.</summary>
    private PddbServiceStatus Done(uint opcode, PddbServiceStatus status)
    {
        if (status != PddbServiceStatus.Ok && _counters is not null)
        {
            for (int i = 0; i < _failures.Length; i++)
            {
                if (_counters.OpcodeAt(i) == opcode)
                {
                    _failures[i]++;
                    break;
                }
            }
        }

        return status;
    }
}
