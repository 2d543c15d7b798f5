using System;
using System.Runtime.CompilerServices;

namespace Xous.Cbor;

/// <summary>
/// Reads one CTAP2-canonical CBOR item from a span, rejecting everything else, without allocating (except
/// <see cref="ReadTextString"/>, which returns a <see cref="string"/>).
/// </summary>
/// <remarks>
/// Rejected, each with its own <see cref="CborError"/> and the offset of the offending item: indefinite lengths,
/// integers, lengths and simple values not in shortest form, reserved additional information, duplicate or
/// out-of-order map keys, ill-formed UTF-8, tags and floats (unless <see cref="CborReaderOptions"/> allows them),
/// simple values other than false/true/null, nesting deeper than the limit, lengths beyond the remaining input,
/// and bytes after the top-level item. Input comes from outside (a USB host), so every length is checked
/// against the remaining input before it is used (house rule 9). After an exception the reader's position is
/// unspecified; start again with a new reader.
/// </remarks>
public ref struct CborReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _maxDepth;
    private readonly bool _allowTags;
    private readonly bool _allowFloats;
    private CborFrameStack _frames;
    private int _offset;
    private int _depth;
    private bool _tagPending;

    /// <summary>Creates a reader over <paramref name="data"/>, which must hold exactly one CBOR item.</summary>
    /// <param name="data">The input.</param>
    /// <param name="options">Relaxations and limits; the default is the strict CTAP2 reader.</param>
    /// <exception cref="CborException"><see cref="CborError.InvalidArgument"/> when the depth limit is out of range.</exception>
    public CborReader(ReadOnlySpan<byte> data, CborReaderOptions options = default)
    {
        int maxDepth = options.MaxDepth == 0 ? CborReaderOptions.DefaultMaxDepth : options.MaxDepth;
        if (maxDepth < 1 || maxDepth > CborReaderOptions.LargestMaxDepth)
        {
            throw new CborException(CborError.InvalidArgument, 0);
        }

        _data = data;
        _maxDepth = maxDepth;
        _allowTags = options.AllowTags;
        _allowFloats = options.AllowFloats;
        _offset = 0;
        _depth = 0;
        _tagPending = false;
        _frames = default;
        _frames[0] = CborFrame.Create(CborFrameKind.Root, 1);
    }

    /// <summary>Bytes consumed so far (the offset of the next item).</summary>
    public readonly int BytesRead => _offset;

    /// <summary>Number of open arrays and maps.</summary>
    public readonly int CurrentDepth => _depth;

    /// <summary>
    /// Says what comes next without consuming it. Throws for a malformed or disallowed head at the current
    /// position, and <see cref="CborError.TrailingBytes"/> when the top-level item is complete but input is left.
    /// </summary>
    public CborReaderState PeekState()
    {
        ref CborFrame frame = ref _frames[_depth];
        if (frame.Remaining == 0)
        {
            switch (frame.Kind)
            {
                case CborFrameKind.Array:
                    return CborReaderState.EndArray;
                case CborFrameKind.Map:
                    return CborReaderState.EndMap;
                default:
                    if (_offset != _data.Length)
                    {
                        throw new CborException(CborError.TrailingBytes, _offset);
                    }

                    return CborReaderState.Finished;
            }
        }

        int major = DecodeHead(out ulong _, out int _);
        switch (major)
        {
            case 0:
                return CborReaderState.UnsignedInteger;
            case 1:
                return CborReaderState.NegativeInteger;
            case 2:
                return CborReaderState.ByteString;
            case 3:
                return CborReaderState.TextString;
            case 4:
                return CborReaderState.StartArray;
            case 5:
                return CborReaderState.StartMap;
            case 6:
                return CborReaderState.Tag;
            default:
                int additional = _data[_offset] & 0x1F;
                return additional switch
                {
                    20 or 21 => CborReaderState.Boolean,
                    22 => CborReaderState.Null,
                    _ => CborReaderState.Float,
                };
        }
    }

    /// <summary>Reads an unsigned integer (major type 0).</summary>
    public ulong ReadUInt64()
    {
        int start = BeginItem(0, out ulong value, out int headLength);
        _offset = start + headLength;
        EndItem();
        return value;
    }

    /// <summary>Reads an unsigned integer that fits in 32 bits.</summary>
    public uint ReadUInt32()
    {
        int start = BeginItem(0, out ulong value, out int headLength);
        if (value > uint.MaxValue)
        {
            throw new CborException(CborError.IntegerOverflow, start);
        }

        _offset = start + headLength;
        EndItem();
        return (uint)value;
    }

    /// <summary>Reads an integer of major type 0 or 1 that fits in a <see cref="long"/>.</summary>
    public long ReadInt64()
    {
        int start = _offset;
        int major = DecodeHead(out ulong value, out int headLength);
        if (major != 0 && major != 1)
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        BeginItem(major, out _, out _);
        if (value > long.MaxValue)
        {
            throw new CborException(CborError.IntegerOverflow, start);
        }

        _offset = start + headLength;
        EndItem();
        return major == 0 ? (long)value : -1 - (long)value;
    }

    /// <summary>Reads an integer of major type 0 or 1 that fits in an <see cref="int"/>.</summary>
    public int ReadInt32()
    {
        int start = _offset;
        long value = ReadInt64();
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new CborException(CborError.IntegerOverflow, start);
        }

        return (int)value;
    }

    /// <summary>
    /// Reads a negative integer (major type 1) as its encoded argument <c>n</c>; the value is <c>-1 - n</c>, down to
    /// -2^64.
    /// </summary>
    public ulong ReadCborNegativeIntegerRepresentation()
    {
        int start = BeginItem(1, out ulong value, out int headLength);
        _offset = start + headLength;
        EndItem();
        return value;
    }

    /// <summary>Reads a byte string; the result is a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadByteString()
    {
        int start = BeginItem(2, out ulong length, out int headLength);
        ReadOnlySpan<byte> payload = Payload(start, headLength, length);
        EndItem();
        return payload;
    }

    /// <summary>Reads a text string and returns its (checked) UTF-8 bytes, a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadTextStringUtf8()
    {
        int start = BeginItem(3, out ulong length, out int headLength);
        ReadOnlySpan<byte> payload = Payload(start, headLength, length);
        if (CborCanonical.Utf16LengthOfUtf8(payload) < 0)
        {
            throw new CborException(CborError.InvalidUtf8, start);
        }

        EndItem();
        return payload;
    }

    /// <summary>Reads a text string and decodes it (allocates the string).</summary>
    public string ReadTextString()
    {
        int start = BeginItem(3, out ulong length, out int headLength);
        ReadOnlySpan<byte> payload = Payload(start, headLength, length);
        int utf16Length = CborCanonical.Utf16LengthOfUtf8(payload);
        if (utf16Length < 0)
        {
            throw new CborException(CborError.InvalidUtf8, start);
        }

        char[] chars = new char[utf16Length];
        CborCanonical.DecodeUtf8(payload, chars);
        EndItem();
        return new string(chars);
    }

    /// <summary>Reads <c>false</c> or <c>true</c>.</summary>
    public bool ReadBoolean()
    {
        int start = BeginItem(7, out ulong value, out int headLength);
        if (value != 20 && value != 21)
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        _offset = start + headLength;
        EndItem();
        return value == 21;
    }

    /// <summary>Reads <c>null</c>.</summary>
    public void ReadNull()
    {
        int start = BeginItem(7, out ulong value, out int headLength);
        if (value != 22)
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        _offset = start + headLength;
        EndItem();
    }

    /// <summary>
    /// Reads a tag number (only with <see cref="CborReaderOptions.AllowTags"/>); the tagged item follows and is
    /// read as the tag's content.
    /// </summary>
    public ulong ReadTag()
    {
        int start = _offset;
        ref CborFrame frame = ref _frames[_depth];
        if (frame.Remaining == 0)
        {
            throw new CborException(frame.Kind == CborFrameKind.Root ? CborError.TrailingBytes : CborError.UnexpectedType, start);
        }

        int major = DecodeHead(out ulong value, out int headLength);
        if (major != 6)
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        // A tag is a prefix of its content: the content completes the item, so nothing is counted here, but a
        // tagged map key starts at its (first) tag.
        if (frame.NextIsKey && !_tagPending)
        {
            frame.KeyStart = start;
        }

        _tagPending = true;
        _offset = start + headLength;
        return value;
    }

    /// <summary>Reads a half, single or double float (only with <see cref="CborReaderOptions.AllowFloats"/>).</summary>
    public double ReadDouble()
    {
        int start = BeginItem(7, out ulong bits, out int headLength);
        double result;
        switch (headLength)
        {
            case 3:
                result = HalfToDouble((ushort)bits);
                break;
            case 5:
                uint singleBits = (uint)bits;
                result = Unsafe.As<uint, float>(ref singleBits);
                break;
            case 9:
                result = Unsafe.As<ulong, double>(ref bits);
                break;
            default:
                throw new CborException(CborError.UnexpectedType, start);
        }

        _offset = start + headLength;
        EndItem();
        return result;
    }

    /// <summary>
    /// Skips a float (half, single or double) with the checks of <see cref="ReadDouble"/> but without converting it,
    /// so that <see cref="SkipValue"/> needs no floating point (the device compiler does not compile it yet).
    /// </summary>
    private void SkipFloat()
    {
        int start = BeginItem(7, out _, out int headLength);
        if (headLength is not (3 or 5 or 9))
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        _offset = start + headLength;
        EndItem();
    }

    /// <summary>Reads the start of an array and returns its item count; end it with <see cref="ReadEndArray"/>.</summary>
    public int ReadStartArray() => StartContainer(4, CborFrameKind.Array);

    /// <summary>Ends the current array; all its items must have been read.</summary>
    public void ReadEndArray() => EndContainer(CborFrameKind.Array);

    /// <summary>
    /// Reads the start of a map and returns its pair count; read key, value, key, value… then call
    /// <see cref="ReadEndMap"/>. Key order and uniqueness are checked as the keys are read.
    /// </summary>
    public int ReadStartMap() => StartContainer(5, CborFrameKind.Map);

    /// <summary>Ends the current map; all its pairs must have been read.</summary>
    public void ReadEndMap() => EndContainer(CborFrameKind.Map);

    /// <summary>
    /// Skips the next value, including everything nested in it, applying every rule of the reader to it. Iterative,
    /// so a deeply nested input cannot exhaust the stack.
    /// </summary>
    /// <exception cref="CborException">The value is malformed, or there is no value to skip (the end of a container).</exception>
    public void SkipValue()
    {
        int startDepth = _depth;
        do
        {
            CborReaderState state = PeekState();
            switch (state)
            {
                case CborReaderState.UnsignedInteger:
                    ReadUInt64();
                    break;
                case CborReaderState.NegativeInteger:
                    ReadCborNegativeIntegerRepresentation();
                    break;
                case CborReaderState.ByteString:
                    ReadByteString();
                    break;
                case CborReaderState.TextString:
                    ReadTextStringUtf8();
                    break;
                case CborReaderState.StartArray:
                    ReadStartArray();
                    break;
                case CborReaderState.StartMap:
                    ReadStartMap();
                    break;
                case CborReaderState.EndArray:
                    if (_depth == startDepth)
                    {
                        throw new CborException(CborError.UnexpectedType, _offset);
                    }

                    ReadEndArray();
                    break;
                case CborReaderState.EndMap:
                    if (_depth == startDepth)
                    {
                        throw new CborException(CborError.UnexpectedType, _offset);
                    }

                    ReadEndMap();
                    break;
                case CborReaderState.Tag:
                    ReadTag();
                    continue;
                case CborReaderState.Boolean:
                    ReadBoolean();
                    break;
                case CborReaderState.Null:
                    ReadNull();
                    break;
                case CborReaderState.Float:
                    SkipFloat();
                    break;
                default:
                    throw new CborException(CborError.UnexpectedEndOfInput, _offset);
            }
        }
        while (_depth > startDepth || _tagPending);
    }

    /// <summary>
    /// Checks that <paramref name="data"/> is exactly one well-formed, canonical CBOR item under
    /// <paramref name="options"/>.
    /// </summary>
    /// <exception cref="CborException">The first rule the input breaks.</exception>
    public static void Validate(ReadOnlySpan<byte> data, CborReaderOptions options = default)
    {
        var reader = new CborReader(data, options);
        reader.SkipValue();
        if (reader.PeekState() != CborReaderState.Finished)
        {
            throw new CborException(CborError.TrailingBytes, reader.BytesRead);
        }
    }

    private int StartContainer(int major, CborFrameKind kind)
    {
        int start = BeginItem(major, out ulong count, out int headLength);
        if (_depth >= _maxDepth)
        {
            throw new CborException(CborError.NestingTooDeep, start);
        }

        ulong items = kind == CborFrameKind.Map ? count * 2 : count;
        // Every item takes at least one byte, so a count beyond the remaining input cannot be satisfied;
        // checking here also keeps the count within int range.
        int remaining = _data.Length - start - headLength;
        if (count > (ulong)remaining || items > (ulong)remaining)
        {
            throw new CborException(CborError.LengthBeyondInput, start);
        }

        _offset = start + headLength;
        _depth++;
        _frames[_depth] = CborFrame.Create(kind, items);
        return (int)count;
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

    /// <summary>
    /// Checks that an item of major type <paramref name="expectedMajor"/> comes next in the current container and
    /// notes where a map key starts. Returns the item's offset; does not advance.
    /// </summary>
    private int BeginItem(int expectedMajor, out ulong value, out int headLength)
    {
        int start = _offset;
        ref CborFrame frame = ref _frames[_depth];
        if (frame.Remaining == 0)
        {
            throw new CborException(frame.Kind == CborFrameKind.Root ? CborError.TrailingBytes : CborError.UnexpectedType, start);
        }

        int major = DecodeHead(out value, out headLength);
        if (major != expectedMajor)
        {
            throw new CborException(CborError.UnexpectedType, start);
        }

        if (frame.NextIsKey && !_tagPending)
        {
            frame.KeyStart = start;
        }

        _tagPending = false;
        return start;
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
                    _data.Slice(frame.PreviousKeyStart, frame.PreviousKeyLength),
                    _data.Slice(frame.KeyStart, keyLength));
                if (order >= 0)
                {
                    throw new CborException(order == 0 ? CborError.DuplicateKey : CborError.KeyOutOfOrder, frame.KeyStart);
                }
            }

            frame.PreviousKeyStart = frame.KeyStart;
            frame.PreviousKeyLength = keyLength;
        }

        frame.Remaining--;
        frame.Index++;
    }

    private ReadOnlySpan<byte> Payload(int start, int headLength, ulong length)
    {
        int payloadStart = start + headLength;
        if (length > (ulong)(_data.Length - payloadStart))
        {
            throw new CborException(CborError.LengthBeyondInput, start);
        }

        _offset = payloadStart + (int)length;
        return _data.Slice(payloadStart, (int)length);
    }

    /// <summary>
    /// Decodes and checks the head at the current position: returns the major type, the argument (for major
    /// type 7 the simple value, or the raw float bits) and the head's length. Does not advance.
    /// </summary>
    private readonly int DecodeHead(out ulong value, out int headLength)
    {
        int start = _offset;
        if (start >= _data.Length)
        {
            throw new CborException(CborError.UnexpectedEndOfInput, start);
        }

        int initial = _data[start];
        int major = initial >> 5;
        int additional = initial & 0x1F;

        if (additional < 24)
        {
            value = (ulong)additional;
            headLength = 1;
        }
        else if (additional <= 27)
        {
            int argumentLength = 1 << (additional - 24);
            if (_data.Length - start - 1 < argumentLength)
            {
                throw new CborException(CborError.UnexpectedEndOfInput, start);
            }

            value = 0;
            for (int i = 1; i <= argumentLength; i++)
            {
                value = (value << 8) | _data[start + i];
            }

            headLength = 1 + argumentLength;
        }
        else if (additional == 31 && (major == 2 || major == 3 || major == 4 || major == 5 || major == 7))
        {
            throw new CborException(CborError.IndefiniteLength, start);
        }
        else
        {
            throw new CborException(CborError.ReservedAdditionalInfo, start);
        }

        if (major == 7)
        {
            if (additional >= 25)
            {
                if (!_allowFloats)
                {
                    throw new CborException(CborError.FloatNotAllowed, start);
                }
            }
            else if (additional == 24)
            {
                // RFC 8949 3.3: a one-byte simple value below 32 is not well-formed.
                throw new CborException(value < 32 ? CborError.NonShortestEncoding : CborError.UnsupportedSimpleValue, start);
            }
            else if (value < 20 || value > 22)
            {
                throw new CborException(CborError.UnsupportedSimpleValue, start);
            }

            return major;
        }

        if (additional >= 24)
        {
            ulong smallest = additional switch
            {
                24 => 24,
                25 => 0x100,
                26 => 0x1_0000,
                _ => 0x1_0000_0000,
            };
            if (value < smallest)
            {
                throw new CborException(CborError.NonShortestEncoding, start);
            }
        }

        if (major == 6 && !_allowTags)
        {
            throw new CborException(CborError.TagNotAllowed, start);
        }

        return major;
    }

    private static double HalfToDouble(ushort half)
    {
        ulong sign = (ulong)(half >> 15) << 63;
        int exponent = (half >> 10) & 0x1F;
        ulong mantissa = (ulong)(half & 0x3FF);
        ulong bits;
        if (exponent == 0)
        {
            double magnitude = mantissa * (1.0 / 16777216.0);
            return sign != 0 ? -magnitude : magnitude;
        }

        if (exponent == 31)
        {
            bits = sign | (0x7FFUL << 52) | (mantissa << 42);
        }
        else
        {
            bits = sign | ((ulong)(exponent - 15 + 1023) << 52) | (mantissa << 42);
        }

        return Unsafe.As<ulong, double>(ref bits);
    }
}
