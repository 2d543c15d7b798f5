using System;
using System.Buffers.Binary;

namespace Xous.Pddb.Format;

/// <summary>
/// The basis root at virtual page 1 (reference §5.7), 80 bytes: magic "PDDB", version u32, age u32 (saturating),
/// num_dictionaries u32, name {len u8, data[63]} (zero-padded). All integers little-endian.
/// </summary>
public struct BasisRoot
{
    /// <summary>Bytes of the record.</summary>
    public const int Size = 80;

    /// <summary>The record's version (PDDB_VERSION).</summary>
    public uint Version;

    /// <summary>The basis's age, bumped (saturating) on every root update.</summary>
    public uint Age;

    /// <summary>Number of valid dictionaries in the basis.</summary>
    public uint DictionaryCount;

    /// <summary>The basis name as UTF-8, at most 63 bytes (null is written as empty).</summary>
    public byte[] Name;

    private static ReadOnlySpan<byte> Magic => [0x50, 0x44, 0x44, 0x42];

    /// <summary>Writes the 80-byte record.</summary>
    /// <param name="destination">At least 80 bytes; only the first 80 are written.</param>
    /// <exception cref="ArgumentException">The name is longer than 63 bytes or the destination is too short.</exception>
    public readonly void Write(Span<byte> destination)
    {
        RecordCodec.CheckDestination(destination.Length, Size);
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4, 4), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(8, 4), Age);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(12, 4), DictionaryCount);
        RecordCodec.WriteName(Name, PddbNames.MaxBasisNameBytes, destination.Slice(16, Size - 16));
    }

    /// <summary>Reads a record; false for a wrong magic, a name length over 63 or a name that is not UTF-8.</summary>
    /// <param name="source">At least 80 bytes.</param>
    /// <param name="root">The record on success; default otherwise.</param>
    /// <returns>Whether the record is well-formed.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than 80 bytes.</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, out BasisRoot root)
    {
        RecordCodec.CheckSource(source.Length, Size);
        root = default;
        if (!source.Slice(0, 4).SequenceEqual(Magic)
            || !RecordCodec.TryReadName(source.Slice(16, Size - 16), PddbNames.MaxBasisNameBytes, true, out byte[] name))
        {
            return false;
        }

        root.Version = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(4, 4));
        root.Age = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(8, 4));
        root.DictionaryCount = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(12, 4));
        root.Name = name;
        return true;
    }
}

/// <summary>
/// A dictionary header, slot 0 of a dictionary's descriptor area (reference §5.7), 127 bytes: flags u32 (bit 0
/// valid), age u32, num_keys u32, free_key_index u32 (first free key slot, ≥ 1), name {len u8, data[110]}.
/// </summary>
public struct DictionaryHeader
{
    /// <summary>Bytes of the record (and the stride of descriptor slots).</summary>
    public const int Size = 127;

    /// <summary>The dictionary exists (a deleted dictionary only has this bit cleared).</summary>
    public const uint FlagValid = 1;

    /// <summary>Flags (<see cref="FlagValid"/>).</summary>
    public uint Flags;

    /// <summary>The dictionary's age.</summary>
    public uint Age;

    /// <summary>Number of valid keys.</summary>
    public uint KeyCount;

    /// <summary>The first free key slot (≥ 1).</summary>
    public uint FreeKeyIndex;

    /// <summary>The dictionary name as UTF-8, at most 110 bytes (null is written as empty).</summary>
    public byte[] Name;

    /// <summary>Writes the 127-byte record.</summary>
    /// <param name="destination">At least 127 bytes; only the first 127 are written.</param>
    /// <exception cref="ArgumentException">The name is longer than 110 bytes or the destination is too short.</exception>
    public readonly void Write(Span<byte> destination)
    {
        RecordCodec.CheckDestination(destination.Length, Size);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(0, 4), Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4, 4), Age);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(8, 4), KeyCount);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(12, 4), FreeKeyIndex);
        RecordCodec.WriteName(Name, PddbNames.MaxDictionaryNameBytes, destination.Slice(16, Size - 16));
    }

    /// <summary>
    /// Reads a record. False for a name length over 110, or for a name that is not UTF-8 when the valid bit is set;
    /// a slot whose valid bit is clear is otherwise read as it is (the caller checks <see cref="Flags"/>).
    /// </summary>
    /// <param name="source">At least 127 bytes.</param>
    /// <param name="header">The record on success; default otherwise.</param>
    /// <returns>Whether the record is well-formed.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than 127 bytes.</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, out DictionaryHeader header)
    {
        RecordCodec.CheckSource(source.Length, Size);
        header = default;
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(0, 4));
        if (!RecordCodec.TryReadName(source.Slice(16, Size - 16), PddbNames.MaxDictionaryNameBytes, (flags & FlagValid) != 0, out byte[] name))
        {
            return false;
        }

        header.Flags = flags;
        header.Age = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(4, 4));
        header.KeyCount = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(8, 4));
        header.FreeKeyIndex = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(12, 4));
        header.Name = name;
        return true;
    }
}

/// <summary>
/// A key descriptor, slots 1.. of a dictionary's descriptor area (reference §5.7), 127 bytes: start u64 (virtual
/// address), len u64, reserved u64 (allocated capacity), flags u32 (bit 0 valid, bit 1 unresolved), age u32, name
/// {len u8, data[94]}. 32 descriptors fill a virtual page (32 × 127 = 4064).
/// </summary>
public struct KeyDescriptor
{
    /// <summary>Bytes of the record.</summary>
    public const int Size = 127;

    /// <summary>The key exists (a deleted key only has this bit cleared).</summary>
    public const uint FlagValid = 1;

    /// <summary>The key's storage has not been resolved yet.</summary>
    public const uint FlagUnresolved = 2;

    /// <summary>Virtual address of the key's data.</summary>
    public ulong Start;

    /// <summary>Length of the key's data in bytes.</summary>
    public ulong Length;

    /// <summary>Allocated capacity in bytes.</summary>
    public ulong Reserved;

    /// <summary>Flags (<see cref="FlagValid"/>, <see cref="FlagUnresolved"/>).</summary>
    public uint Flags;

    /// <summary>The key's age.</summary>
    public uint Age;

    /// <summary>The key name as UTF-8, at most 94 bytes (null is written as empty).</summary>
    public byte[] Name;

    /// <summary>Writes the 127-byte record.</summary>
    /// <param name="destination">At least 127 bytes; only the first 127 are written.</param>
    /// <exception cref="ArgumentException">The name is longer than 94 bytes or the destination is too short.</exception>
    public readonly void Write(Span<byte> destination)
    {
        RecordCodec.CheckDestination(destination.Length, Size);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(0, 8), Start);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(8, 8), Length);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(16, 8), Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(24, 4), Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(28, 4), Age);
        RecordCodec.WriteName(Name, PddbNames.MaxKeyNameBytes, destination.Slice(32, Size - 32));
    }

    /// <summary>
    /// Reads a record. False for a name length over 94, or for a name that is not UTF-8 when the valid bit is set;
    /// a slot whose valid bit is clear is otherwise read as it is (the caller checks <see cref="Flags"/>).
    /// </summary>
    /// <param name="source">At least 127 bytes.</param>
    /// <param name="descriptor">The record on success; default otherwise.</param>
    /// <returns>Whether the record is well-formed.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than 127 bytes.</exception>
    public static bool TryRead(ReadOnlySpan<byte> source, out KeyDescriptor descriptor)
    {
        RecordCodec.CheckSource(source.Length, Size);
        descriptor = default;
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(24, 4));
        if (!RecordCodec.TryReadName(source.Slice(32, Size - 32), PddbNames.MaxKeyNameBytes, (flags & FlagValid) != 0, out byte[] name))
        {
            return false;
        }

        descriptor.Start = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(0, 8));
        descriptor.Length = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(8, 8));
        descriptor.Reserved = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(16, 8));
        descriptor.Flags = flags;
        descriptor.Age = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(28, 4));
        descriptor.Name = name;
        return true;
    }
}

/// <summary>The name field {len u8, data[max]} shared by the records.</summary>
internal static class RecordCodec
{
    public static void CheckDestination(int length, int size)
    {
        if (length < size)
        {
            throw new ArgumentException("the destination is shorter than the record", "destination");
        }
    }

    public static void CheckSource(int length, int size)
    {
        if (length < size)
        {
            throw new ArgumentException("the source is shorter than the record", "source");
        }
    }

    /// <summary>Writes len and the zero-padded name into <paramref name="field"/> (1 + max bytes).</summary>
    public static void WriteName(byte[]? name, int maxBytes, Span<byte> field)
    {
        int length = name is null ? 0 : name.Length;
        if (length > maxBytes)
        {
            throw new ArgumentException("the name is longer than its field", nameof(name));
        }

        field[0] = (byte)length;
        Span<byte> data = field.Slice(1, maxBytes);
        data.Clear();
        if (name is not null)
        {
            name.AsSpan().CopyTo(data);
        }
    }

    /// <summary>Reads the name field; false for a length over the maximum, or malformed UTF-8 when checked.</summary>
    public static bool TryReadName(ReadOnlySpan<byte> field, int maxBytes, bool checkUtf8, out byte[] name)
    {
        name = [];
        int length = field[0];
        if (length > maxBytes)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = field.Slice(1, length);
        if (checkUtf8 && !PddbNames.IsValidUtf8(bytes))
        {
            return false;
        }

        name = bytes.ToArray();
        return true;
    }
}
