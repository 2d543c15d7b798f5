using System.Security.Cryptography;
using Xous.Crypto;

namespace Xous.Pddb.Host;

/// <summary>
/// The entropy source on a PC: the operating system's generator (<see cref="RandomNumberGenerator"/>). It seeds the
/// PDDB's <see cref="ChaChaDrbg"/> as the TRNG does on a Precursor.
/// </summary>
public sealed class SystemEntropySource : IEntropySource
{
    /// <inheritdoc/>
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);

    /// <summary>A new <see cref="PddbRandom"/> seeded from the operating system (the caller disposes it).</summary>
    /// <returns>The PDDB's randomness for one session.</returns>
    public static PddbRandom CreatePddbRandom() => new(new ChaChaDrbg(new SystemEntropySource(), "xous pddb host"u8));
}
