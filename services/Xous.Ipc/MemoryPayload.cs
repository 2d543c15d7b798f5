using System;
using System.Buffers.Binary;

namespace Xous.Ipc;

/// <summary>
/// The layout of a memory message's buffer (docs/ipc.md, "Memory messages"): a 24-byte header, then the payload.
/// <code>
/// offset size field
///  0     4    payload length in bytes (u32, little-endian)
///  4     4    format version: 0 (u32)
///  8     4    scalar unit 0 (u32)
/// 12     4    scalar unit 1 (u32)
/// 16     4    scalar unit 2 (u32)
/// 20     4    scalar unit 3 (u32)
/// 24     n    payload: the span's elements or the struct's bytes (8-byte aligned)
/// </code>
/// The request's <c>offset</c> word is 0 and its <c>valid</c> word is <see cref="HeaderSize"/> + payload length.
/// </summary>
public static class MemoryPayload
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 24;

    /// <summary>Offset of the payload length.</summary>
    public const int PayloadLengthOffset = 0;

    /// <summary>Offset of the format version (always <see cref="FormatVersion"/>).</summary>
    public const int FormatVersionOffset = 4;

    /// <summary>Offset of scalar unit 0; units 1..3 follow at 4-byte steps.</summary>
    public const int UnitsOffset = 8;

    /// <summary>The only format version.</summary>
    public const uint FormatVersion = 0;

    /// <summary>Scalar units the header carries.</summary>
    public const int MaxUnits = 4;

    /// <summary>
    /// Writes the header into the first <see cref="HeaderSize"/> bytes of <paramref name="buffer"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative or the buffer cannot
    /// hold the header and the payload.</exception>
    public static void WriteHeader(Span<byte> buffer, int payloadLength, uint unit0, uint unit1, uint unit2, uint unit3)
    {
        if (payloadLength < 0 || buffer.Length - HeaderSize < payloadLength)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength), "The buffer cannot hold the header and the payload.");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(PayloadLengthOffset), (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(FormatVersionOffset), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(UnitsOffset), unit0);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(UnitsOffset + 4), unit1);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(UnitsOffset + 8), unit2);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(UnitsOffset + 12), unit3);
    }

    /// <summary>
    /// True when every bool in <paramref name="payload"/> holds 0 or 1. The payload is a sequence of elements of
    /// <paramref name="elementSize"/> bytes, and <paramref name="booleanOffsets"/> are the byte offsets of the bool
    /// fields within one element (empty: nothing to check). A trailing partial element is not checked.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elementSize"/> is not positive.</exception>
    public static bool AreBooleansCanonical(ReadOnlySpan<byte> payload, int elementSize, ReadOnlySpan<int> booleanOffsets)
    {
        if (elementSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(elementSize), "An element is at least one byte.");
        }

        if (booleanOffsets.IsEmpty)
        {
            return true;
        }

        for (int element = 0; element + elementSize <= payload.Length; element += elementSize)
        {
            for (int index = 0; index < booleanOffsets.Length; index++)
            {
                if (payload[element + booleanOffsets[index]] > 1)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
