using System;

namespace Xous.Crypto;

/// <summary>
/// The seam for a source of true randomness: on the Precursor the hardware TRNG (through its HAL), on a PC the
/// operating system's generator. <see cref="ChaChaDrbg"/> seeds and reseeds from it.
/// </summary>
/// <remarks>
/// Contract: every byte written is full-entropy, or conditioned so that it is (the TRNG's raw ring-oscillator and
/// avalanche output must pass its health tests and a conditioning function first; this interface does neither).
/// An implementation that cannot deliver (a failed health test, a timeout, a closed connection) throws; it never
/// returns partly filled, repeated or zero bytes in place of entropy.
/// </remarks>
public interface IEntropySource
{
    /// <summary>Fills <paramref name="destination"/> entirely with fresh entropy.</summary>
    /// <param name="destination">The bytes to fill; any length, including empty.</param>
    /// <exception cref="Exception">The source failed; nothing written may be used. The type is the implementation's.</exception>
    void Fill(Span<byte> destination);
}
