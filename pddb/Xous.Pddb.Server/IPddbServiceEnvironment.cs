using System;
using Xous.Crypto;
using Xous.Hal;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>
/// What the PDDB service needs from its platform (the one seam, as in OpenSK): the flash region, the entropy source, the
/// device secrets (the KEYROM stand-in), and the user — who types the PIN and basis passwords on the device, so they
/// never travel over IPC. A test environment must say "Insecure" in its type name and set <see cref="IsInsecure"/>
/// (house rule 10).
/// </summary>
public interface IPddbServiceEnvironment
{
    /// <summary>The PDDB's flash region.</summary>
    IFlashPages Flash { get; }

    /// <summary>True entropy for the PDDB's DRBG (nonces, keys, noise).</summary>
    IEntropySource Entropy { get; }

    /// <summary>The KEYROM stand-in: pepper, user key, DNA, rollback counter. Owned by the environment.</summary>
    DeviceSecrets Secrets { get; }

    /// <summary>bcrypt cost of the PIN and password derivations: 7 on the device (Xous); tests may use 4.</summary>
    int KdfCost { get; }

    /// <summary>True for a test or simulation environment; the service then says so at start-up.</summary>
    bool IsInsecure { get; }

    /// <summary>
    /// Asks the user for the boot PIN. Writes its UTF-8 bytes to the start of <paramref name="pin"/> (72 bytes) and its
    /// length to <paramref name="length"/>; false when the user declined. The service wipes the buffer after use.
    /// </summary>
    bool TryAskPin(Span<byte> pin, out int length);

    /// <summary>
    /// Asks the user for the password of basis <paramref name="basisName"/> (UTF-8), as <see cref="TryAskPin"/>.
    /// </summary>
    bool TryAskBasisPassword(ReadOnlySpan<byte> basisName, Span<byte> password, out int length);

    /// <summary>
    /// Asks the user whether the free-space cache may be refilled now, which may overwrite pages of secret bases that
    /// are not open (Xous asks the user to unlock every basis first).
    /// </summary>
    bool ApproveFreeSpaceRefill();

    /// <summary>Writes a line to the server's log (start-up notices, Check findings). Never called with secrets.</summary>
    void Report(string line);
}
