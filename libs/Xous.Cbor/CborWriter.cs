using System;

namespace Xous.Cbor;

/// <summary>
/// Writes one CTAP2-canonical CBOR item into a caller-supplied span, without allocating.
/// </summary>
/// <remarks>
/// Integers and lengths are always written in their shortest form and arrays and maps with a definite length, so
/// the output is canonical by construction. Map keys must be written by the caller in CTAP2 canonical order (lower
/// major type first, then shorter encoding, then bytewise); the writer compares each key's encoding with the
/// previous one and throws <see cref="CborError.KeyOutOfOrder"/> or <see cref="CborError.DuplicateKey"/>.
/// Every failure is a <see cref="CborException"/>; a call that fails with <see cref="CborError.BufferTooSmall"/>
/// has written nothing.
/// </remarks>
public ref struct CborWriter
{
    private readonly Span<byte> _buffer;
    private readonly int _maxDepth;
    private CborFrameStack _frames;
    private int _offset;
    private int _depth;

    /// <summary>Creates a writer over <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Where the encoding goes.</param>
    /// <param name="maxDepth">Nesting limit for arrays and maps (1 to 32; 0 means 16).</param>
    /// <exception cref="CborException"><see cref="CborError.InvalidArgument"/> when <paramref name="maxDepth"/> is out of range.</exception>
    public CborWriter(Span<byte> buffer, int maxDepth = 0)
    {
        if (maxDepth == 0)
        {
            maxDepth = CborReaderOptions.DefaultMaxDepth;
        }

        if (maxDepth < 1 || maxDepth > CborReaderOptions.LargestMaxDepth)
        {
            throw new CborException(CborError.InvalidArgument, 0);
        }

        _buffer = buffer;
        _maxDepth = maxDepth;
        _offset = 0;
        _depth = 0;
        _frames = default;
        _frames[0] = CborFrame.Create(CborFrameKind.Root, 1);
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int BytesWritten => _offset;

    /// <summary>The encoding written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[.._offset];

    /// <summary>Number of open arrays and maps.</summary>
    public readonly int CurrentDepth => _depth;

    /// <summary>True once the one top-level item is completely written.</summary>
    public readonly bool IsComplete => _depth == 0 && _frames[0].Remaining == 0;

    /// <summary>Writes an unsigned integer (major type 0) in its shortest form.</summary>
    public void WriteUInt64(ulong value)
    {
        BeginItem();
        WriteHead(0, value, 0);
        EndItem();
    }

    /// <summary>Writes a signed integer: major type 0 when non-negative, major type 1 when negative.</summary>
    public void WriteInt64(long value)
    {
        BeginItem();
        if (value >= 0)
        {
            WriteHead(0, (ulong)value, 0);
        }
        else
        {
            WriteHead(1, (ulong)(-1 - value), 0);
        }

        EndItem();
    }

    /// <summary>
    /// Writes the negative integer <c>-1 - <paramref name="encodedValue"/></c> (major type 1), which reaches down
    /// to -2^64.
    /// </summary>
    public void WriteCborNegativeIntegerRepresentation(ulong encodedValue)
    {
        BeginItem();
        WriteHead(1, encodedValue, 0);
        EndItem();
    }

    /// <summary>Writes a definite-length byte string.</summary>
    public void WriteByteString(ReadOnlySpan<byte> value)
    {
        BeginItem();
        int start = WriteHead(2, (ulong)value.Length, value.Length);
        value.CopyTo(_buffer[start..]);
        _offset = start + value.Length;
        EndItem();
    }

    /// <summary>Writes a text string, encoding <paramref name="value"/> as UTF-8.</summary>
    /// <exception cref="CborException"><see cref="CborError.InvalidUtf16"/> for an unpaired surrogate.</exception>
    public void WriteTextString(ReadOnlySpan<char> value)
    {
        long utf8Length = CborCanonical.Utf8LengthOfUtf16(value);
        if (utf8Length < 0)
        {
            throw new CborException(CborError.InvalidUtf16, _offset);
        }

        if (utf8Length > int.MaxValue)
        {
            throw new CborException(CborError.BufferTooSmall, _offset);
        }

        BeginItem();
        int start = WriteHead(3, (ulong)utf8Length, (int)utf8Length);
        CborCanonical.EncodeUtf8(value, _buffer.Slice(start, (int)utf8Length));
        _offset = start + (int)utf8Length;
        EndItem();
    }

    /// <summary>Writes a text string, encoding <paramref name="value"/> as UTF-8.</summary>
    /// <exception cref="CborException"><see cref="CborError.InvalidUtf16"/> for an unpaired surrogate.</exception>
    public void WriteTextString(string value) => WriteTextString(value.AsSpan());

    /// <summary>Writes a text string whose UTF-8 encoding is given; it is checked to be well-formed.</summary>
    /// <exception cref="CborException"><see cref="CborError.InvalidUtf8"/> when it is not.</exception>
    public void WriteTextStringUtf8(ReadOnlySpan<byte> utf8)
    {
        if (CborCanonical.Utf16LengthOfUtf8(utf8) < 0)
        {
            throw new CborException(CborError.InvalidUtf8, _offset);
        }

        BeginItem();
        int start = WriteHead(3, (ulong)utf8.Length, utf8.Length);
        utf8.CopyTo(_buffer[start..]);
        _offset = start + utf8.Length;
        EndItem();
    }

    /// <summary>Writes <c>false</c> or <c>true</c>.</summary>
    public void WriteBoolean(bool value)
    {
        BeginItem();
        WriteHead(7, value ? 21u : 20u, 0);
        EndItem();
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNull()
    {
        BeginItem();
        WriteHead(7, 22, 0);
        EndItem();
    }

    /// <summary>Starts an array of exactly <paramref name="count"/> items; end it with <see cref="WriteEndArray"/>.</summary>
    public void WriteStartArray(int count) => StartContainer(4, CborFrameKind.Array, count, (ulong)count);

    /// <summary>Ends the current array; all its declared items must have been written.</summary>
    public void WriteEndArray() => EndContainer(CborFrameKind.Array);

    /// <summary>
    /// Starts a map of exactly <paramref name="pairCount"/> key/value pairs; write key, value, key, value… with keys
    /// in CTAP2 canonical order, then call <see cref="WriteEndMap"/>.
    /// </summary>
    public void WriteStartMap(int pairCount) => StartContainer(5, CborFrameKind.Map, pairCount, 2 * (ulong)pairCount);

    /// <summary>Ends the current map; all its declared pairs must have been written.</summary>
    public void WriteEndMap() => EndContainer(CborFrameKind.Map);

    private void StartContainer(int major, CborFrameKind kind, int count, ulong items)
    {
        if (count < 0)
        {
            throw new CborException(CborError.InvalidArgument, _offset);
        }

        if (_depth >= _maxDepth)
        {
            throw new CborException(CborError.NestingTooDeep, _offset);
        }

        BeginItem();
        WriteHead(major, (ulong)count, 0);
        _depth++;
        _frames[_depth] = CborFrame.Create(kind, items);
    }

    private void EndContainer(CborFrameKind kind)
    {
        if (_depth == 0 || _frames[_depth].Kind != kind)
        {
            throw new CborException(CborError.MismatchedEnd, _offset);
        }

        if (_frames[_depth].Remaining != 0)
        {
            throw new CborException(CborError.TooFewItems, _offset);
        }

        _depth--;
        EndItem();
    }

    /// <summary>Checks that the current container takes another item and notes where a map key starts.</summary>
    private void BeginItem()
    {
        ref CborFrame frame = ref _frames[_depth];
        if (frame.Remaining == 0)
        {
            throw new CborException(CborError.TooManyItems, _offset);
        }

        if (frame.NextIsKey)
        {
            frame.KeyStart = _offset;
        }
    }

    /// <summary>Counts a completed item; for a completed map key, checks its order against the previous key.</summary>
    private void EndItem()
    {
        ref CborFrame frame = ref _frames[_depth];
        if (frame.NextIsKey)
        {
            int keyLength = _offset - frame.KeyStart;
            if (frame.PreviousKeyStart >= 0)
            {
                int order = CborCanonical.CompareKeys(
                    _buffer.Slice(frame.PreviousKeyStart, frame.PreviousKeyLength),
                    _buffer.Slice(frame.KeyStart, keyLength));
                if (order >= 0)
                {
                    int keyStart = frame.KeyStart;
                    _offset = keyStart;
                    throw new CborException(order == 0 ? CborError.DuplicateKey : CborError.KeyOutOfOrder, keyStart);
                }
            }

            frame.PreviousKeyStart = frame.KeyStart;
            frame.PreviousKeyLength = keyLength;
        }

        frame.Remaining--;
        frame.Index++;
    }

    /// <summary>
    /// Writes a head (initial byte and argument) in shortest form, after checking that it and
    /// <paramref name="payloadLength"/> more bytes fit. Returns the offset after the head.
    /// </summary>
    private int WriteHead(int major, ulong value, int payloadLength)
    {
        int headLength = value < 24 ? 1 : value <= byte.MaxValue ? 2 : value <= ushort.MaxValue ? 3 : value <= uint.MaxValue ? 5 : 9;
        if ((long)_buffer.Length - _offset < (long)headLength + payloadLength)
        {
            throw new CborException(CborError.BufferTooSmall, _offset);
        }

        Span<byte> head = _buffer.Slice(_offset, headLength);
        int initial = major << 5;
        switch (headLength)
        {
            case 1:
                head[0] = (byte)(initial | (int)value);
                break;
            case 2:
                head[0] = (byte)(initial | 24);
                head[1] = (byte)value;
                break;
            case 3:
                head[0] = (byte)(initial | 25);
                WriteBigEndian(head[1..], value, 2);
                break;
            case 5:
                head[0] = (byte)(initial | 26);
                WriteBigEndian(head[1..], value, 4);
                break;
            default:
                head[0] = (byte)(initial | 27);
                WriteBigEndian(head[1..], value, 8);
                break;
        }

        _offset += headLength;
        return _offset;
    }

    private static void WriteBigEndian(Span<byte> destination, ulong value, int length)
    {
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }
}
