using System.Net;
using System.Net.Sockets;
using Xous.Pddb;
using Xous.Pddb.Host;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;
using Xous.Vault.Hid;
using Xous.Vault.Host.Attestation;
using Xous.Vault.Host.Presence;
using Xous.Vault.Host.Storage;
using Xous.Vault.Host.Transports;

namespace Xous.Vault.Host.Serve;

/// <summary>A start-up line: what it says and whether it is a warning.</summary>
public readonly record struct StartupLine(string Text, bool IsWarning);

/// <summary>
/// The composition root of Vault on a PC: the PDDB-backed store, the operating system's entropy, the stopwatch clock,
/// the user-presence policy and the attestation material make a <see cref="VaultEnvironment"/>; a
/// <see cref="CtapAuthenticator"/> over it is served by a <see cref="CtapHidServer"/> on CTAPHID-over-UDP and,
/// optionally, a second one on /dev/uhid. <see cref="Run"/> handles reports until cancelled; <see cref="Dispose"/>
/// syncs the PDDB and closes the sockets. Used by <c>xous-vault serve</c> and by the hosted Vault of <c>./xous run</c>.
/// </summary>
/// <remarks>
/// One thread runs everything, one request at a time, as on the device: with /dev/uhid too, the loop alternates between
/// the two servers, so a request waiting for a touch on one transport holds the other until it ends (its host sees
/// silence, not CHANNEL_BUSY). Store failures that escape a request (full image, I/O) are reported and counted; the
/// loop continues, and the final sync's answer decides the exit code.
/// </remarks>
public sealed class VaultService : IDisposable
{
    private const int PollMilliseconds = 50;
    private const int AlternatingPollMilliseconds = 5;

    private readonly VaultStorage _storage;
    private readonly UdpHidPort _udp;
    private readonly UhidHidPort? _uhid;
    private readonly CtapHidServer _udpServer;
    private readonly CtapHidServer? _uhidServer;
    private readonly Action<string> _warning;
    private bool _disposed;

    private VaultService(VaultStorage storage, UdpHidPort udp, UhidHidPort? uhid, CtapHidServer udpServer, CtapHidServer? uhidServer,
        VaultEnvironment environment, List<StartupLine> lines, Action<string> warning)
    {
        _storage = storage;
        _udp = udp;
        _uhid = uhid;
        _udpServer = udpServer;
        _uhidServer = uhidServer;
        Environment = environment;
        StartupLines = lines;
        _warning = warning;
    }

    /// <summary>The environment the authenticator sees.</summary>
    public VaultEnvironment Environment { get; }

    /// <summary>The bound UDP endpoint (the port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => _udp.LocalEndPoint;

    /// <summary>Whether /dev/uhid is served too.</summary>
    public bool ServesUhid => _uhid is not null;

    /// <summary>What to tell the user at start-up: state dir, transports, attestation source, user presence, warnings.</summary>
    public IReadOnlyList<StartupLine> StartupLines { get; }

    /// <summary>Store failures that escaped a request while running.</summary>
    public int StoreFailures { get; private set; }

    /// <summary>
    /// Opens the storage (formatting on first start), loads or generates the attestation, composes the authenticator
    /// and binds the transports. Nothing is served until <see cref="Run"/>.
    /// </summary>
    /// <param name="options">The command line.</param>
    /// <param name="pin">The PDDB PIN's UTF-8 bytes; not kept (the caller wipes them).</param>
    /// <param name="createUserPresence">Makes the user presence from the clock (the caller keeps a terminal prompt to feed it).</param>
    /// <param name="stopping">Cancelled at shutdown: an open prompt is then declined at once.</param>
    /// <param name="warning">Receives warnings that happen while running (store failures, an unusable policy file).</param>
    /// <param name="pddbOptions">PDDB tunables (tests lower the KDF cost); null for the device's.</param>
    /// <exception cref="VaultStartupException">Something the user must fix; the message says what.</exception>
    public static VaultService Open(VaultServiceOptions options, ReadOnlySpan<byte> pin, Func<IMonotonicClock, IUserPresence> createUserPresence,
        CancellationToken stopping, Action<string> warning, PddbOptions? pddbOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createUserPresence);
        ArgumentNullException.ThrowIfNull(warning);
        var lines = new List<StartupLine>();
        var clock = new StopwatchClock(options.BootClockOffsetMilliseconds);
        if (options.BootClockOffsetMilliseconds != 0)
        {
            lines.Add(new StartupLine("clock: --boot-clock-offset-ms " + options.BootClockOffsetMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                                      " — TEST HOOK: the authenticator believes it has been up that long (reset window)", true));
        }

        VaultStorage storage = VaultStorage.Open(options.StateDirectory, pin, pddbOptions);
        UdpHidPort? udp = null;
        UhidHidPort? uhid = null;
        try
        {
            lines.Insert(0, new StartupLine("state: " + Path.GetFullPath(options.StateDirectory) + " (PDDB image " + storage.ImagePath +
                                            (storage.Formatted ? ", created now" : ", mounted") + ")", false));
            AttestationMaterial attestation = LoadAttestation(options, lines);
            IUserPresence presence = new StoppableUserPresence(createUserPresence(clock), stopping);
            lines.Add(new StartupLine("user presence: " + options.UserPresence.Describe(), options.UserPresence.IsInsecure));
            var environment = new VaultEnvironment(storage.Store, new SystemEntropySource(), clock, presence, attestation);
            var authenticator = new CtapAuthenticator(environment);

            try
            {
                udp = new UdpHidPort(options.Listen);
            }
            catch (SocketException e)
            {
                throw new VaultStartupException(VaultExitCodes.Transport, "cannot listen on udp " + options.Listen + ": " + e.Message);
            }

            lines.Add(new StartupLine("transport: CTAPHID over UDP on " + udp.LocalEndPoint + " (one 64-byte report per datagram)", false));
            CtapHidServer? uhidServer = null;
            if (options.Uhid)
            {
                if (UhidHidPort.TryOpenDevice(out uhid, out string? reason))
                {
                    uhidServer = new CtapHidServer(uhid!, clock, presence, authenticator);
                    lines.Add(new StartupLine("transport: /dev/uhid (a FIDO HID device browsers can see)", false));
                }
                else
                {
                    lines.Add(new StartupLine("transport: --uhid asked, but /dev/uhid cannot be used: " + reason + "; serving UDP only", true));
                }
            }

            var udpServer = new CtapHidServer(udp, clock, presence, authenticator);
            return new VaultService(storage, udp, uhid, udpServer, uhidServer, environment, lines, warning);
        }
        catch
        {
            // Not a blanket handler: everything opened so far is closed, and the exception goes on unchanged.
            uhid?.Dispose();
            udp?.Dispose();
            storage.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Serves reports until <paramref name="stopping"/> is cancelled (checked at least every 50 ms between reports; an
    /// open prompt is declined by the <see cref="StoppableUserPresence"/> wrapper).
    /// </summary>
    public void Run(CancellationToken stopping)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_uhidServer is null)
                {
                    _udpServer.ProcessOne(PollMilliseconds);
                }
                else
                {
                    _udpServer.ProcessOne(AlternatingPollMilliseconds);
                    _uhidServer.ProcessOne(AlternatingPollMilliseconds);
                }
            }
            catch (VaultStoreException e)
            {
                StoreFailures++;
                _warning("store failure (" + e.Error.ToString() + "): " + e.Message + "; the request was not completed");
            }
        }
    }

    /// <summary>Syncs the PDDB (writes pending changes), then closes the transports and the image.</summary>
    /// <param name="problem">Why the final sync failed, or null.</param>
    /// <returns>Whether the final sync succeeded.</returns>
    public bool Shutdown(out string? problem)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        problem = null;
        try
        {
            PddbStatus status = _storage.Sync();
            if (status != PddbStatus.Ok)
            {
                problem = "the final PDDB sync failed: " + status.ToString();
            }
        }
        catch (IOException e)
        {
            problem = "the final PDDB sync failed: " + e.Message;
        }

        Dispose();
        return problem is null;
    }

    /// <summary>Closes the transports and the image without a final sync (uncommitted changes are dropped).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _uhid?.Dispose();
        _udp.Dispose();
        _storage.Dispose();
    }

    private static AttestationMaterial LoadAttestation(VaultServiceOptions options, List<StartupLine> lines)
    {
        string directory = options.AttestationDirectory ?? options.GeneratedAttestationDirectory;
        try
        {
            if (options.AttestationDirectory is null && !AttestationFiles.Exists(directory))
            {
                using GeneratedAttestation generated = AttestationGenerator.Generate();
                AttestationFiles.Write(generated, directory);
                lines.Add(new StartupLine("attestation: development attestation generated for this state dir in " + directory +
                                          " (its CA is trusted by nobody; for a real batch make a folder with `xous-vault attestation` and pass it in)", true));
            }
            else
            {
                lines.Add(new StartupLine("attestation: " + Path.Combine(directory, AttestationFiles.BatchCertificateDer) +
                                          (options.AttestationDirectory is null ? " (development attestation of this state dir)" : string.Empty), false));
            }

            AttestationMaterial material = AttestationFiles.Load(directory);
            lines.Add(new StartupLine("aaguid: " + AttestationGenerator.FormatAaguid(material.Aaguid), false));
            return material;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new VaultStartupException(VaultExitCodes.Attestation, "attestation: " + e.Message);
        }
    }
}
