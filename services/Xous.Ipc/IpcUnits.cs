using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Xous.Ipc;

/// <summary>
/// Scalars travel in 32-bit units whatever the machine word (docs/ipc.md, "Scalar units"), so the hosted 64-bit and
/// the device 32-bit encodings are identical. Signed types are sign-extended to 32 bits, unsigned types and
/// <c>char</c> zero-extended, <c>bool</c> is 0 or 1, 64-bit values are two units (low, high), and a fixed-layout
/// struct is its bytes, little-endian, zero-padded to whole units. The <c>TryTo</c> decoders accept only the exact
/// encoding (a word above 32 bits, a unit outside the type's range, a bool other than 0 or 1, or non-zero padding
/// fails), so a value has exactly one encoding. Called by generated code.
/// </summary>
public static class IpcUnits
{
    /// <summary>The most units a struct may occupy (four units: 16 bytes).</summary>
    public const int MaxStructUnits = 4;

    /// <summary>Encodes a bool as 0 or 1.</summary>
    public static uint FromBoolean(bool value) => value ? 1u : 0u;

    /// <summary>Encodes a byte (zero-extended).</summary>
    public static uint FromByte(byte value) => value;

    /// <summary>Encodes an sbyte (sign-extended).</summary>
    public static uint FromSByte(sbyte value) => unchecked((uint)value);

    /// <summary>Encodes a short (sign-extended).</summary>
    public static uint FromInt16(short value) => unchecked((uint)value);

    /// <summary>Encodes a ushort (zero-extended).</summary>
    public static uint FromUInt16(ushort value) => value;

    /// <summary>Encodes a char (its UTF-16 code unit, zero-extended).</summary>
    public static uint FromChar(char value) => value;

    /// <summary>Encodes an int (its two's-complement bits).</summary>
    public static uint FromInt32(int value) => unchecked((uint)value);

    /// <summary>Encodes a uint.</summary>
    public static uint FromUInt32(uint value) => value;

    /// <summary>The low unit of a 64-bit value (pass a long as <c>unchecked((ulong)value)</c>).</summary>
    public static uint Low(ulong value) => unchecked((uint)value);

    /// <summary>The high unit of a 64-bit value.</summary>
    public static uint High(ulong value) => (uint)(value >> 32);

    /// <summary>
    /// Encodes a fixed-layout struct of at most 16 bytes as four units (its bytes, little-endian, zero-padded); units
    /// past the struct's size are zero.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is larger than 16 bytes.</exception>
    public static void FromStruct<T>(in T value, out uint unit0, out uint unit1, out uint unit2, out uint unit3)
        where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() > MaxStructUnits * 4)
        {
            throw new ArgumentException("A struct passed in units is at most 16 bytes.", nameof(value));
        }

        Span<byte> bytes = stackalloc byte[MaxStructUnits * 4];
        bytes.Clear();
        MemoryMarshal.Write(bytes, in value);
        unit0 = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        unit1 = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4));
        unit2 = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(8));
        unit3 = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(12));
    }

    /// <summary>Decodes a bool: true only for a word of 0 or 1.</summary>
    public static bool TryToBoolean(nuint word, out bool value)
    {
        value = word == 1;
        return word <= 1;
    }

    /// <summary>Decodes a byte: true only for a word of 0..255.</summary>
    public static bool TryToByte(nuint word, out byte value)
    {
        value = unchecked((byte)word);
        return word <= byte.MaxValue;
    }

    /// <summary>Decodes an sbyte: true only for the sign extension of an sbyte.</summary>
    public static bool TryToSByte(nuint word, out sbyte value)
    {
        value = unchecked((sbyte)word);
        return word == FromSByte(value);
    }

    /// <summary>Decodes a short: true only for the sign extension of a short.</summary>
    public static bool TryToInt16(nuint word, out short value)
    {
        value = unchecked((short)word);
        return word == FromInt16(value);
    }

    /// <summary>Decodes a ushort: true only for a word of 0..65535.</summary>
    public static bool TryToUInt16(nuint word, out ushort value)
    {
        value = unchecked((ushort)word);
        return word <= ushort.MaxValue;
    }

    /// <summary>Decodes a char: true only for a word of 0..65535.</summary>
    public static bool TryToChar(nuint word, out char value)
    {
        value = unchecked((char)word);
        return word <= char.MaxValue;
    }

    /// <summary>Decodes an int: true for any word that fits 32 bits.</summary>
    public static bool TryToInt32(nuint word, out int value)
    {
        value = unchecked((int)word);
        return word <= uint.MaxValue;
    }

    /// <summary>Decodes a uint: true for any word that fits 32 bits.</summary>
    public static bool TryToUInt32(nuint word, out uint value)
    {
        value = unchecked((uint)word);
        return word <= uint.MaxValue;
    }

    /// <summary>Decodes a long from its low and high units: true when both fit 32 bits.</summary>
    public static bool TryToInt64(nuint low, nuint high, out long value)
    {
        bool ok = TryToUInt64(low, high, out ulong bits);
        value = unchecked((long)bits);
        return ok;
    }

    /// <summary>Decodes a ulong from its low and high units: true when both fit 32 bits.</summary>
    public static bool TryToUInt64(nuint low, nuint high, out ulong value)
    {
        value = ((ulong)unchecked((uint)high) << 32) | unchecked((uint)low);
        return low <= uint.MaxValue && high <= uint.MaxValue;
    }

    /// <summary>
    /// Decodes a fixed-layout struct of at most 16 bytes from four units. True only when every word fits 32 bits, the
    /// bytes past the struct's size are zero, and the bool fields at <paramref name="booleanOffsets"/> (byte offsets
    /// within the struct) hold 0 or 1. Pass 0 for units the struct does not occupy.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is larger than 16 bytes.</exception>
    public static bool TryToStruct<T>(nuint word0, nuint word1, nuint word2, nuint word3, ReadOnlySpan<int> booleanOffsets, out T value)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (size > MaxStructUnits * 4)
        {
            throw new ArgumentException("A struct passed in units is at most 16 bytes.", nameof(value));
        }

        value = default;
        if (word0 > uint.MaxValue || word1 > uint.MaxValue || word2 > uint.MaxValue || word3 > uint.MaxValue)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxStructUnits * 4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)word0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(4), (uint)word1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(8), (uint)word2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(12), (uint)word3);
        for (int index = size; index < bytes.Length; index++)
        {
            if (bytes[index] != 0)
            {
                return false;
            }
        }

        if (!MemoryPayload.AreBooleansCanonical(bytes.Slice(0, size), size, booleanOffsets))
        {
            return false;
        }

        value = MemoryMarshal.Read<T>(bytes);
        return true;
    }
}
