namespace Xous.Pddb.Api;

// The payloads of IPddb (docs/ipc.md fixed layout: natural alignment, no padding anywhere). Byte offsets are stated
// as constants so that code on both sides can reach the fixed buffers through spans (PddbWire) without unsafe code;
// tests check every constant against the CLR's layout.

/// <summary>
/// Where an operation applies: basis, dictionary and key names as UTF-8 with explicit lengths. Bytes past a length and
/// <see cref="Reserved"/> must be zero. An empty basis means the union view. 280 bytes.
/// </summary>
public unsafe struct KeyPath
{
    /// <summary>Byte offset of <see cref="Basis"/>.</summary>
    public const int BasisOffset = 0;

    /// <summary>Byte offset of <see cref="Dictionary"/>.</summary>
    public const int DictionaryOffset = 64;

    /// <summary>Byte offset of <see cref="Key"/>.</summary>
    public const int KeyOffset = 176;

    /// <summary>Byte offset of <see cref="BasisLength"/>.</summary>
    public const int BasisLengthOffset = 272;

    /// <summary>Size in bytes.</summary>
    public const int Size = 280;

    /// <summary>The basis name (up to 63 bytes used).</summary>
    public fixed byte Basis[64];

    /// <summary>The dictionary name (up to 110 bytes used).</summary>
    public fixed byte Dictionary[112];

    /// <summary>The key name (up to 94 bytes used).</summary>
    public fixed byte Key[96];

    /// <summary>Bytes of <see cref="Basis"/> used, 0..63 (0: the union view).</summary>
    public ushort BasisLength;

    /// <summary>Bytes of <see cref="Dictionary"/> used, 0..110.</summary>
    public ushort DictionaryLength;

    /// <summary>Bytes of <see cref="Key"/> used, 0..94.</summary>
    public ushort KeyLength;

    /// <summary>Must be zero.</summary>
    public ushort Reserved;
}

/// <summary>A path and one 64-bit answer (a count or a length). 288 bytes.</summary>
public struct PathQuery
{
    /// <summary>Out: the count or length.</summary>
    public ulong Value;

    /// <summary>In: the target.</summary>
    public KeyPath Path;
}

/// <summary>Flags of a <see cref="KeyChunk"/> write.</summary>
public enum KeyChunkFlags : uint
{
    /// <summary>Write at the offset; the value grows when needed.</summary>
    None = 0,

    /// <summary>The value becomes exactly this chunk (offset must be 0).</summary>
    Replace = 1,

    /// <summary>Create the dictionary when it does not exist.</summary>
    CreateDictionary = 2,
}

/// <summary>One chunk of a key's value, read or written. 4376 bytes.</summary>
public unsafe struct KeyChunk
{
    /// <summary>Byte offset of <see cref="Data"/>.</summary>
    public const int DataOffset = 304;

    /// <summary>Size in bytes.</summary>
    public const int Size = 4376;

    /// <summary>In: where in the value the chunk starts.</summary>
    public ulong Offset;

    /// <summary>Out: the value's whole length (after a write: its new length).</summary>
    public ulong TotalLength;

    /// <summary>In: bytes to read, or bytes of <see cref="Data"/> to write (≤ 4072). Out (read): bytes read.</summary>
    public uint Length;

    /// <summary>In: <see cref="KeyChunkFlags"/> of a write; zero for a read.</summary>
    public KeyChunkFlags Flags;

    /// <summary>In: the key.</summary>
    public KeyPath Path;

    /// <summary>The data; bytes past <see cref="Length"/> are ignored on a write and zero after a read.</summary>
    public fixed byte Data[IPddb.ChunkBytes];
}

/// <summary>
/// A page of names (bases, dictionaries or keys), packed as u8 length + UTF-8 bytes, in the server's stable order.
/// 8168 bytes.
/// </summary>
public unsafe struct NameList
{
    /// <summary>Byte offset of <see cref="Names"/>.</summary>
    public const int NamesOffset = 304;

    /// <summary>Size in bytes.</summary>
    public const int Size = 8168;

    /// <summary>In: the basis (ListDict, ListKeys) and dictionary (ListKeys); empty for ListBasis.</summary>
    public KeyPath Path;

    /// <summary>In: index of the first name wanted.</summary>
    public uint StartIndex;

    /// <summary>Out: index to continue from (= <see cref="Total"/> when every name was sent).</summary>
    public uint NextIndex;

    /// <summary>Out: how many names there are in all.</summary>
    public uint Total;

    /// <summary>Out: names in this page.</summary>
    public uint Count;

    /// <summary>Out: bytes of <see cref="Names"/> used.</summary>
    public uint BytesUsed;

    /// <summary>Must be zero.</summary>
    public uint Reserved;

    /// <summary>Out: the packed names.</summary>
    public fixed byte Names[IPddb.NameListBytes];
}

/// <summary>
/// A dictionary bulk read. Entries are packed in <see cref="Entries"/> as: u16 name length, name (UTF-8), u32 value
/// word, value. The value word's low 31 bits are the value's length; bit 31 set means "truncated": the value is longer
/// than <see cref="IPddb.MaxBulkValueBytes"/>, no value bytes follow, and the low bits give its whole length (read it
/// with ReadKey). Little-endian, no alignment. 65512 bytes.
/// </summary>
public unsafe struct BulkRead
{
    /// <summary>Byte offset of <see cref="Entries"/>.</summary>
    public const int EntriesOffset = 304;

    /// <summary>Size in bytes.</summary>
    public const int Size = 65512;

    /// <summary>In: the dictionary, and the basis (empty: the union, latest basis wins per key).</summary>
    public KeyPath Path;

    /// <summary>In: index of the first entry wanted.</summary>
    public uint StartIndex;

    /// <summary>Out: index to continue from (= <see cref="Total"/> when done).</summary>
    public uint NextIndex;

    /// <summary>Out: entries in the dictionary.</summary>
    public uint Total;

    /// <summary>Out: entries in this reply.</summary>
    public uint Count;

    /// <summary>Out: bytes of <see cref="Entries"/> used.</summary>
    public uint BytesUsed;

    /// <summary>Must be zero.</summary>
    public uint Reserved;

    /// <summary>Out: the packed entries.</summary>
    public fixed byte Entries[IPddb.BulkReadBytes];
}

/// <summary>Keys to delete from one dictionary, packed as u8 length + UTF-8 name. 4072 bytes.</summary>
public unsafe struct BulkDelete
{
    /// <summary>Byte offset of <see cref="Names"/>.</summary>
    public const int NamesOffset = 296;

    /// <summary>Size in bytes.</summary>
    public const int Size = 4072;

    /// <summary>In: the dictionary and basis.</summary>
    public KeyPath Path;

    /// <summary>In: names packed in <see cref="Names"/>.</summary>
    public uint Count;

    /// <summary>In: bytes of <see cref="Names"/> used.</summary>
    public uint BytesUsed;

    /// <summary>Out: keys that existed and were deleted.</summary>
    public uint Deleted;

    /// <summary>Must be zero.</summary>
    public uint Reserved;

    /// <summary>In: the packed names.</summary>
    public fixed byte Names[IPddb.BulkDeleteBytes];
}

/// <summary>The answer of <see cref="IPddb.Check"/>. 8 bytes (two scalar units).</summary>
public struct CheckResult
{
    /// <summary>Ok, or NotMounted.</summary>
    public PddbServiceStatus Status;

    /// <summary>Problems found.</summary>
    public uint Problems;
}

/// <summary>Counters of the PDDB service (house rule 10). 600 bytes.</summary>
public unsafe struct PddbStats
{
    /// <summary>Data pages written since mount.</summary>
    public ulong DataPagesWritten;

    /// <summary>Data pages read since mount.</summary>
    public ulong DataPagesRead;

    /// <summary>Syncs that wrote something.</summary>
    public ulong Syncs;

    /// <summary>Free-space cache refills.</summary>
    public ulong Refills;

    /// <summary>Page-table entries retired.</summary>
    public ulong EntriesRetired;

    /// <summary>Value bytes written by callers.</summary>
    public ulong ValueBytesWritten;

    /// <summary>Unusable page-table entries found.</summary>
    public ulong GarbageFound;

    /// <summary>1 when mounted, 0 otherwise.</summary>
    public uint Mounted;

    /// <summary>Free pages in the free-space cache.</summary>
    public uint FreePages;

    /// <summary>Open bases (the system basis included).</summary>
    public uint OpenBases;

    /// <summary>Mount attempts refused for a wrong PIN since the server started.</summary>
    public uint WrongPinAttempts;

    /// <summary>Secret-basis opens refused (wrong password or no such basis) since the server started.</summary>
    public uint BasisOpenFailures;

    /// <summary>Messages with an opcode the contract does not have.</summary>
    public uint UnknownOpcodeMessages;

    /// <summary>Rows used in the per-opcode tables.</summary>
    public uint OpcodeCount;

    /// <summary>Must be zero.</summary>
    public uint Reserved;

    /// <summary>The opcode of each row.</summary>
    public fixed uint Opcodes[IPddb.StatsOpcodeSlots];

    /// <summary>Messages per opcode.</summary>
    public fixed uint Requests[IPddb.StatsOpcodeSlots];

    /// <summary>Messages per opcode rejected by the dispatcher (never reached the service).</summary>
    public fixed uint Errors[IPddb.StatsOpcodeSlots];

    /// <summary>Requests per opcode the service answered with a status other than Ok.</summary>
    public fixed uint Failures[IPddb.StatsOpcodeSlots];
}
