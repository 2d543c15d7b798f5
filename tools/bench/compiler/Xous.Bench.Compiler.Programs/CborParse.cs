using System;
using System.Buffers.Binary;

namespace Xous.Bench.Compiler.Programs;

/// <summary>
/// A CBOR-like byte parser, the twin of ../c/cborparse.c. An encoder writes <see cref="Items"/> LCG items of major
/// types 0-5 (unsigned and negative integers, byte and text strings, array and map heads) with the argument inline
/// or in 1, 2 or 4 big-endian bytes; the parser then reads the buffer <see cref="Passes"/> times with the bounds
/// checks a real parser makes. Containers are not nested: a head only adds its element count.
/// </summary>
public static class CborParse
{
    /// <summary>The number of encoded items.</summary>
    public const int Items = 20000;

    /// <summary>The number of parses of the buffer.</summary>
    public const uint Passes = 10;

    /// <summary>The LCG seed: per item one word for the shape and one for the argument.</summary>
    public const uint Seed = 0x4342;

    /// <summary>The checksum when the buffer was too small or the parser rejected it.</summary>
    public const uint Failed = 0xFFFFFFFF;

    private const int Capacity = 192 * 1024;

    /// <summary>The largest item: the initial byte, 4 argument bytes and a 31-byte string.</summary>
    private const int MaxItemLength = 36;

    private static readonly byte[] s_buffer = new byte[Capacity];

    /// <summary>The argument masks by width: inline (below 24), 1, 2 and 4 bytes.</summary>
    private static ReadOnlySpan<uint> Masks => [0x0F, 0xFF, 0xFFFF, 0xFFFFFFFF];

    /// <summary>Encodes the items and parses them; the checksum is the sum of the passes' results.</summary>
    public static uint Run()
    {
        Span<byte> buffer = s_buffer;
        int length = Encode(buffer);
        if (length == 0)
        {
            return Failed;
        }

        ReadOnlySpan<byte> data = buffer.Slice(0, length);
        uint checksum = 0;
        for (uint pass = 0; pass < Passes; pass++)
        {
            if (!TryParse(data, pass, out uint result))
            {
                return Failed;
            }

            checksum += result;
        }

        return checksum;
    }

    /// <summary>Writes the items; returns the number of bytes written, or 0 if the buffer is too small.</summary>
    private static int Encode(Span<byte> buffer)
    {
        var lcg = new Lcg(Seed);
        int position = 0;
        for (int item = 0; item < Items; item++)
        {
            if (buffer.Length - position < MaxItemLength)
            {
                return 0;
            }

            uint r = lcg.Next();
            uint v = lcg.Next();
            uint major = (((r >> 16) & 0xFF) * 6) >> 8;
            int width = (int)((r >> 8) & 3);
            uint argument = major switch
            {
                <= 1 => v & Masks[width],
                <= 3 => v & (width == 0 ? 0x0Fu : 0x1Fu),
                _ => v & (width == 0 ? 0x0Fu : 0xFFu),
            };

            buffer[position++] = (byte)((major << 5) | (width == 0 ? argument : 23u + (uint)width));
            switch (width)
            {
                case 1:
                    buffer[position++] = (byte)argument;
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(position), (ushort)argument);
                    position += 2;
                    break;
                case 3:
                    BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(position), argument);
                    position += 4;
                    break;
            }

            if (major is 2 or 3)
            {
                Span<byte> payload = buffer.Slice(position, (int)argument);
                for (int k = 0; k < payload.Length; k++)
                {
                    payload[k] = (byte)((v >> 8) + (uint)k);
                }

                position += payload.Length;
            }
        }

        return position;
    }

    /// <summary>
    /// Parses the buffer. False for malformed input: a truncated head, a string running past the end, reserved
    /// additional information (27-31) or major types 6 and 7.
    /// </summary>
    private static bool TryParse(ReadOnlySpan<byte> data, uint salt, out uint result)
    {
        result = 0;
        uint sum = 0, lengths = 0, text = 0, elements = 0;
        int position = 0;
        while (position < data.Length)
        {
            int initial = data[position++];
            int major = initial >> 5;
            int info = initial & 0x1F;
            uint argument;
            switch (info)
            {
                case < 24:
                    argument = (uint)info;
                    break;
                case 24:
                    if (position >= data.Length)
                    {
                        return false;
                    }

                    argument = data[position];
                    position += 1;
                    break;
                case 25:
                    if (!BinaryPrimitives.TryReadUInt16BigEndian(data.Slice(position), out ushort half))
                    {
                        return false;
                    }

                    argument = half;
                    position += 2;
                    break;
                case 26:
                    if (!BinaryPrimitives.TryReadUInt32BigEndian(data.Slice(position), out uint word))
                    {
                        return false;
                    }

                    argument = word;
                    position += 4;
                    break;
                default:
                    return false;
            }

            switch (major)
            {
                case 0:
                    sum += argument ^ salt;
                    break;
                case 1:
                    sum += ~argument; // the value is -1 - argument
                    break;
                case 2 or 3:
                    if (argument > (uint)(data.Length - position))
                    {
                        return false;
                    }

                    ReadOnlySpan<byte> payload = data.Slice(position, (int)argument);
                    if (major == 3)
                    {
                        foreach (byte b in payload)
                        {
                            text += b;
                        }
                    }

                    lengths += argument;
                    position += payload.Length;
                    break;
                case 4:
                    elements += argument;
                    break;
                case 5:
                    elements += 2 * argument;
                    break;
                default:
                    return false;
            }
        }

        result = sum + (lengths * 3) + (text * 5) + (elements * 7);
        return true;
    }
}
