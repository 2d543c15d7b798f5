using System.Net;
using Xous.Vault.Host.Presence;

namespace Xous.Vault.Host.Serve;

/// <summary>What <c>xous-vault serve</c> (and the hosted Vault of <c>./xous run</c>) is told on its command line.</summary>
public sealed record VaultServiceOptions
{
    /// <summary>The default UDP port (the one Solo-style tools use).</summary>
    public const int DefaultPort = 8111;

    /// <summary>Where CTAPHID-over-UDP listens (<c>--listen</c>; port 0 picks a free one).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>The state directory (<c>--state-dir</c>): the PDDB image, its key file, a generated attestation.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory();

    /// <summary>The user-presence policy (<c>--user-presence</c>).</summary>
    public UserPresencePolicy UserPresence { get; init; } = new(UserPresenceKind.Prompt);

    /// <summary>Also serve on /dev/uhid (<c>--uhid</c>).</summary>
    public bool Uhid { get; init; }

    /// <summary>The attestation folder (<c>--attestation</c>); null generates one into STATE/attestation on first start.</summary>
    public string? AttestationDirectory { get; init; }

    /// <summary>TEST HOOK: milliseconds added to the clock (<c>--boot-clock-offset-ms</c>).</summary>
    public long BootClockOffsetMilliseconds { get; init; }

    /// <summary>The folder a generated development attestation goes to.</summary>
    public string GeneratedAttestationDirectory => Path.Combine(StateDirectory, "attestation");

    /// <summary>$XDG_DATA_HOME/xous-vault, else ~/.local/share/xous-vault.</summary>
    public static string DefaultStateDirectory()
    {
        string? dataHome = System.Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome) || !Path.IsPathRooted(dataHome))
        {
            dataHome = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "xous-vault");
    }

    /// <summary>Parses <c>HOST:PORT</c> (an IP address, or <c>localhost</c>) for <c>--listen</c>.</summary>
    public static bool TryParseListen(string text, out IPEndPoint? endPoint, out string? error)
    {
        endPoint = null;
        error = null;
        string value = (text ?? string.Empty).Trim();
        if (value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            value = "127.0.0.1" + value["localhost".Length..];
        }

        if (!IPEndPoint.TryParse(value, out IPEndPoint? parsed) || parsed.Port is < 0 or > 65535 || !value.Contains(':', StringComparison.Ordinal))
        {
            error = "--listen wants HOST:PORT with an IP address, e.g. 127.0.0.1:8111 (port 0 picks a free one)";
            return false;
        }

        endPoint = parsed;
        return true;
    }
}
