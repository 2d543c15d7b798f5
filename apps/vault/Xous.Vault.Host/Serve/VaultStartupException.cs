namespace Xous.Vault.Host.Serve;

/// <summary>
/// Start-up failed for a reason the user can fix (no PIN, wrong PIN, a missing key file, a port in use, bad
/// attestation files). The message is printed as is and names no secret; <see cref="ExitCode"/> says which kind.
/// </summary>
public sealed class VaultStartupException(int exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code for this failure (see <see cref="VaultExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>The exit codes of <c>xous-vault</c>.</summary>
public static class VaultExitCodes
{
    /// <summary>Clean exit (also after SIGINT or SIGTERM).</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The state's PDDB image or its key file cannot be used (missing half, not a PDDB, damaged, I/O).</summary>
    public const int Storage = 3;

    /// <summary>No PDDB PIN was given and none could be asked for, or the PIN is wrong.</summary>
    public const int Pin = 4;

    /// <summary>The attestation files are missing or invalid, or could not be written.</summary>
    public const int Attestation = 5;

    /// <summary>The listen address cannot be bound.</summary>
    public const int Transport = 6;

    /// <summary>The store failed while running (full or I/O) and the final sync could not complete.</summary>
    public const int StoreFailed = 7;
}
