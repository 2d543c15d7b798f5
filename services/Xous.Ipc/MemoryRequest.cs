using System;
using System.Buffers.Binary;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>
/// A memory message's header and payload after validation (<see cref="TryRead"/>). Used by generated dispatchers.
/// </summary>
public readonly ref struct MemoryRequest
{
    private MemoryRequest(Span<byte> payload, uint unit0, uint unit1, uint unit2, uint unit3)
    {
        Payload = payload;
        Unit0 = unit0;
        Unit1 = unit1;
        Unit2 = unit2;
        Unit3 = unit3;
    }

    /// <summary>The payload bytes: a whole number of elements, within the declared maximum.</summary>
    public Span<byte> Payload { get; }

    /// <summary>Scalar unit 0 from the header.</summary>
    public uint Unit0 { get; }

    /// <summary>Scalar unit 1 from the header.</summary>
    public uint Unit1 { get; }

    /// <summary>Scalar unit 2 from the header.</summary>
    public uint Unit2 { get; }

    /// <summary>Scalar unit 3 from the header.</summary>
    public uint Unit3 { get; }

    /// <summary>
    /// Validates the buffer of a memory message whose payload is <paramref name="minimumElements"/> to
    /// <paramref name="maximumElements"/> elements of <paramref name="elementSize"/> bytes. Checks, in order: the
    /// message carries memory, <c>offset</c> is 0, <c>valid</c> covers at least the header and at most the buffer,
    /// the format version is 0, the payload length is within the maximum (else <see cref="IpcStatus.PayloadTooLarge"/>),
    /// header + payload length equals <c>valid</c>, and the payload is a whole number of at least
    /// <paramref name="minimumElements"/> elements.
    /// </summary>
    /// <returns><see cref="IpcStatus.Ok"/> with <paramref name="request"/> set; otherwise
    /// <see cref="IpcStatus.MalformedPayload"/> or <see cref="IpcStatus.PayloadTooLarge"/> and a default request.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The element size or counts are not positive and ordered.</exception>
    public static IpcStatus TryRead(in IncomingMessage message, int elementSize, int minimumElements, int maximumElements, out MemoryRequest request)
    {
        if (elementSize <= 0 || minimumElements < 0 || maximumElements < minimumElements)
        {
            throw new ArgumentOutOfRangeException(nameof(elementSize), "The element size must be positive and the counts ordered.");
        }

        request = default;
        Span<byte> buffer = message.Buffer;
        if (!MessageKindCodes.HasMemory(message.Kind) || message.Offset != 0 ||
            message.Valid < (nuint)MemoryPayload.HeaderSize || message.Valid > (nuint)buffer.Length)
        {
            return IpcStatus.MalformedPayload;
        }

        int valid = (int)message.Valid;
        if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.FormatVersionOffset)) != MemoryPayload.FormatVersion)
        {
            return IpcStatus.MalformedPayload;
        }

        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.PayloadLengthOffset));
        if (payloadLength > (ulong)maximumElements * (ulong)elementSize)
        {
            return IpcStatus.PayloadTooLarge;
        }

        if (payloadLength != (uint)(valid - MemoryPayload.HeaderSize) ||
            payloadLength % (uint)elementSize != 0 ||
            payloadLength / (uint)elementSize < (uint)minimumElements)
        {
            return IpcStatus.MalformedPayload;
        }

        request = new MemoryRequest(
            buffer.Slice(MemoryPayload.HeaderSize, (int)payloadLength),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.UnitsOffset)),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.UnitsOffset + 4)),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.UnitsOffset + 8)),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(MemoryPayload.UnitsOffset + 12)));
        return IpcStatus.Ok;
    }
}
