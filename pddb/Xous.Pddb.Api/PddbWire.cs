using System;
using System.Runtime.InteropServices;

namespace Xous.Pddb.Api;

/// <summary>
/// Safe access to the fixed buffers of the <see cref="IPddb"/> payloads (through spans over the struct's bytes, at the
/// offsets the structs state), and builders for requests. Used by clients and by the server.
/// </summary>
public static class PddbWire
{
    /// <summary>The bytes of <paramref name="value"/>.</summary>
    public static Span<byte> BytesOf<T>(ref T value)
        where T : struct => MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));

    /// <summary>The bytes of <paramref name="value"/>, read-only.</summary>
    public static ReadOnlySpan<byte> ReadOnlyBytesOf<T>(ref readonly T value)
        where T : struct => MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in value, 1));

    /// <summary>The whole 64-byte basis field.</summary>
    public static Span<byte> BasisField(ref KeyPath path) => BytesOf(ref path).Slice(KeyPath.BasisOffset, 64);

    /// <summary>The whole 112-byte dictionary field.</summary>
    public static Span<byte> DictionaryField(ref KeyPath path) => BytesOf(ref path).Slice(KeyPath.DictionaryOffset, 112);

    /// <summary>The whole 96-byte key field.</summary>
    public static Span<byte> KeyField(ref KeyPath path) => BytesOf(ref path).Slice(KeyPath.KeyOffset, 96);

    /// <summary>The basis name's bytes, as <see cref="KeyPath.BasisLength"/> says (clamped to the field).</summary>
    public static ReadOnlySpan<byte> BasisName(ref readonly KeyPath path) =>
        ReadOnlyBytesOf(in path).Slice(KeyPath.BasisOffset, Math.Min((int)path.BasisLength, 64));

    /// <summary>The dictionary name's bytes (clamped to the field).</summary>
    public static ReadOnlySpan<byte> DictionaryName(ref readonly KeyPath path) =>
        ReadOnlyBytesOf(in path).Slice(KeyPath.DictionaryOffset, Math.Min((int)path.DictionaryLength, 112));

    /// <summary>The key name's bytes (clamped to the field).</summary>
    public static ReadOnlySpan<byte> KeyName(ref readonly KeyPath path) =>
        ReadOnlyBytesOf(in path).Slice(KeyPath.KeyOffset, Math.Min((int)path.KeyLength, 96));

    /// <summary>
    /// A path from UTF-8 names (empty spans for "none"; an empty basis is the union view). The server validates the
    /// text; this only checks the lengths.
    /// </summary>
    /// <exception cref="ArgumentException">A name is longer than its limit.</exception>
    public static KeyPath Path(ReadOnlySpan<byte> basis, ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> key)
    {
        if (basis.Length > IPddb.MaxBasisNameBytes)
        {
            throw new ArgumentException("a basis name is at most 63 bytes", nameof(basis));
        }

        if (dictionary.Length > IPddb.MaxDictionaryNameBytes)
        {
            throw new ArgumentException("a dictionary name is at most 110 bytes", nameof(dictionary));
        }

        if (key.Length > IPddb.MaxKeyNameBytes)
        {
            throw new ArgumentException("a key name is at most 94 bytes", nameof(key));
        }

        var path = default(KeyPath);
        basis.CopyTo(BasisField(ref path));
        dictionary.CopyTo(DictionaryField(ref path));
        key.CopyTo(KeyField(ref path));
        path.BasisLength = (ushort)basis.Length;
        path.DictionaryLength = (ushort)dictionary.Length;
        path.KeyLength = (ushort)key.Length;
        return path;
    }

    /// <summary>The data field of a chunk.</summary>
    public static Span<byte> Data(ref KeyChunk chunk) => BytesOf(ref chunk).Slice(KeyChunk.DataOffset, IPddb.ChunkBytes);

    /// <summary>The names field of a list.</summary>
    public static Span<byte> Names(ref NameList list) => BytesOf(ref list).Slice(NameList.NamesOffset, IPddb.NameListBytes);

    /// <summary>The entries field of a bulk read.</summary>
    public static Span<byte> Entries(ref BulkRead request) => BytesOf(ref request).Slice(BulkRead.EntriesOffset, IPddb.BulkReadBytes);

    /// <summary>The names field of a bulk delete.</summary>
    public static Span<byte> Names(ref BulkDelete request) => BytesOf(ref request).Slice(BulkDelete.NamesOffset, IPddb.BulkDeleteBytes);

    /// <summary>One of the four per-opcode tables of <paramref name="stats"/>: 0 opcodes, 1 requests, 2 errors, 3 failures.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="table"/> is not 0..3.</exception>
    public static Span<uint> StatsTable(ref PddbStats stats, int table)
    {
        if ((uint)table > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(table));
        }

        // 7 × u64 + 8 × u32 = 88 bytes precede the tables.
        Span<byte> bytes = BytesOf(ref stats).Slice(88 + (table * IPddb.StatsOpcodeSlots * 4), IPddb.StatsOpcodeSlots * 4);
        return MemoryMarshal.Cast<byte, uint>(bytes);
    }

    /// <summary>
    /// Appends a u8-length-prefixed name to a packed name list (<see cref="NameList"/>, <see cref="BulkDelete"/>).
    /// False, with nothing written, when it does not fit or is longer than 255 bytes.
    /// </summary>
    public static bool TryAppendName(Span<byte> names, ref int used, ReadOnlySpan<byte> name)
    {
        if (name.Length > 255 || used < 0 || used + 1 + name.Length > names.Length)
        {
            return false;
        }

        names[used] = (byte)name.Length;
        name.CopyTo(names.Slice(used + 1));
        used += 1 + name.Length;
        return true;
    }

    /// <summary>Reads the next u8-length-prefixed name at <paramref name="offset"/>; false at the end or when malformed.</summary>
    public static bool TryReadName(ReadOnlySpan<byte> names, ref int offset, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (offset < 0 || offset >= names.Length)
        {
            return false;
        }

        int length = names[offset];
        if (offset + 1 + length > names.Length)
        {
            return false;
        }

        name = names.Slice(offset + 1, length);
        offset += 1 + length;
        return true;
    }
}

/// <summary>The entry format of <see cref="BulkRead.Entries"/>: u16 name length, name, u32 value word, value.</summary>
public static class BulkEntries
{
    /// <summary>Bit 31 of the value word: the value is not included (too long); the low bits give its length.</summary>
    public const uint TruncatedFlag = 0x8000_0000u;

    /// <summary>Bytes an entry takes.</summary>
    public static int EntrySize(int nameLength, int includedValueLength) => 2 + nameLength + 4 + includedValueLength;

    /// <summary>
    /// Writes one entry at <paramref name="offset"/>; when <paramref name="truncated"/> no value bytes are written and
    /// <paramref name="valueLength"/> is the whole length. False, with nothing written, when it does not fit.
    /// </summary>
    public static bool TryWrite(Span<byte> entries, ref int offset, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool truncated, uint valueLength)
    {
        int included = truncated ? 0 : value.Length;
        if (name.Length > ushort.MaxValue || valueLength >= TruncatedFlag || offset < 0
            || offset + EntrySize(name.Length, included) > entries.Length)
        {
            return false;
        }

        Span<byte> at = entries.Slice(offset);
        at[0] = (byte)name.Length;
        at[1] = (byte)(name.Length >> 8);
        name.CopyTo(at.Slice(2));
        uint word = truncated ? (valueLength | TruncatedFlag) : (uint)value.Length;
        int position = 2 + name.Length;
        at[position] = (byte)word;
        at[position + 1] = (byte)(word >> 8);
        at[position + 2] = (byte)(word >> 16);
        at[position + 3] = (byte)(word >> 24);
        if (!truncated)
        {
            value.CopyTo(at.Slice(position + 4));
        }

        offset += EntrySize(name.Length, included);
        return true;
    }

    /// <summary>
    /// Reads the entry at <paramref name="offset"/> of the used part of the entries; false at the end or when an entry
    /// overruns it.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> used, ref int offset, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out uint valueLength, out bool truncated)
    {
        name = default;
        value = default;
        valueLength = 0;
        truncated = false;
        if (offset < 0 || offset + 2 > used.Length)
        {
            return false;
        }

        int nameLength = used[offset] | (used[offset + 1] << 8);
        int position = offset + 2 + nameLength;
        if (position + 4 > used.Length)
        {
            return false;
        }

        uint word = (uint)(used[position] | (used[position + 1] << 8) | (used[position + 2] << 16) | (used[position + 3] << 24));
        truncated = (word & TruncatedFlag) != 0;
        valueLength = word & ~TruncatedFlag;
        int included = truncated ? 0 : (int)valueLength;
        if ((long)position + 4 + included > used.Length)
        {
            return false;
        }

        name = used.Slice(offset + 2, nameLength);
        value = used.Slice(position + 4, included);
        offset = position + 4 + included;
        return true;
    }
}
