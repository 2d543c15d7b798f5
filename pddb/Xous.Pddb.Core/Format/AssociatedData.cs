using System;
using System.Buffers.Binary;

namespace Xous.Pddb.Format;

/// <summary>
/// The associated data every data page is authenticated with (reference §5.6): the basis name's UTF-8 bytes (no
/// padding, no length) ‖ PDDB_VERSION u32 LE ‖ the device DNA u64 LE. Binding the DNA means a raw copy of the PDDB
/// does not decrypt on another device; the FastSpace record uses the pseudo-basis name ".FastSpace".
/// </summary>
public static class AssociatedData
{
    /// <summary>The longest associated data: a 63-byte name, the version and the DNA.</summary>
    public const int MaxLength = PddbNames.MaxBasisNameBytes + 4 + 8;

    /// <summary>Writes the associated data for a basis.</summary>
    /// <param name="basisNameUtf8">The basis name as UTF-8, at most 63 bytes.</param>
    /// <param name="deviceDna">The FPGA DNA (on a PC, the one in the device secrets file).</param>
    /// <param name="destination">At least the name's length + 12 bytes (<see cref="MaxLength"/> always suffices).</param>
    /// <returns>The number of bytes written: the name's length + 12.</returns>
    /// <exception cref="ArgumentException">The name is longer than 63 bytes or <paramref name="destination"/> is too short.</exception>
    public static int Write(ReadOnlySpan<byte> basisNameUtf8, ulong deviceDna, Span<byte> destination)
    {
        if (basisNameUtf8.Length > PddbNames.MaxBasisNameBytes)
        {
            throw new ArgumentException("a basis name is at most 63 bytes", nameof(basisNameUtf8));
        }

        int length = basisNameUtf8.Length + 12;
        if (destination.Length < length)
        {
            throw new ArgumentException("the destination is too short for the associated data", nameof(destination));
        }

        basisNameUtf8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(basisNameUtf8.Length, 4), PddbLayout.PddbVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(basisNameUtf8.Length + 4, 8), deviceDna);
        return length;
    }
}
