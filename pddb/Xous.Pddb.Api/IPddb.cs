using Xous.Abi;
using Xous.Ipc;

namespace Xous.Pddb.Api;

/// <summary>
/// The PDDB service (Xous's <c>pddb</c> server, reference §5.10): bases, dictionaries and keys of the plausibly deniable
/// database, over IPC. Keys, the PIN and basis passwords never cross this interface: <see cref="TryMount"/>,
/// <see cref="CreateBasis"/> and <see cref="OpenBasis"/> make the server ask the user on the device itself.
/// <para>
/// Opcode numbers follow Xous where the meaning matches (0–18, 42, 45, 52, 55); operations Xous does not have as an
/// opcode take numbers from 60 up. Xous numbers not listed here (10, 12, 14, 15, 19–41, 44, 50, 56 …) are simply not
/// used by this contract; they were never part of it, so they are not retired opcodes.
/// </para>
/// <para>
/// Every request names its target with a <see cref="KeyPath"/> (UTF-8 names with explicit lengths; an empty basis means
/// the union view: reads see the most recently opened basis that has the name, writes go to the latest basis that has
/// the key or dictionary). Every reply carries a <see cref="PddbServiceStatus"/>; while the PDDB is not mounted every
/// data operation answers <see cref="PddbServiceStatus.NotMounted"/>.
/// </para>
/// </summary>
[IpcContract(MaxMessageBytes = IPddb.MaxMessageBytes)]
public interface IPddb
{
    /// <summary>Largest message: 64 KiB (a whole bulk read).</summary>
    const int MaxMessageBytes = 65536;

    /// <summary>Longest basis name in UTF-8 bytes (Xous BASIS_NAME_LEN 64 includes a length byte).</summary>
    const int MaxBasisNameBytes = 63;

    /// <summary>Longest dictionary name in UTF-8 bytes (Xous DICT_NAME_LEN 111 includes a length byte).</summary>
    const int MaxDictionaryNameBytes = 110;

    /// <summary>Longest key name in UTF-8 bytes (Xous KEY_NAME_LEN 95 includes a length byte).</summary>
    const int MaxKeyNameBytes = 94;

    /// <summary>Most value bytes one <see cref="ReadKey"/> or <see cref="WriteKey"/> carries (Xous PDDB_BUF_DATA_LEN).</summary>
    const int ChunkBytes = 4072;

    /// <summary>Bytes of packed names one <see cref="NameList"/> carries.</summary>
    const int NameListBytes = 7864;

    /// <summary>Bytes of packed entries one <see cref="BulkRead"/> carries.</summary>
    const int BulkReadBytes = 65208;

    /// <summary>Longest value a bulk read returns inline; longer ones come back flagged truncated (read them with ReadKey).</summary>
    const int MaxBulkValueBytes = ChunkBytes;

    /// <summary>Bytes of packed key names one <see cref="BulkDelete"/> carries.</summary>
    const int BulkDeleteBytes = 3776;

    /// <summary>Size of the per-opcode tables of <see cref="PddbStats"/>.</summary>
    const int StatsOpcodeSlots = 32;

    /// <summary>Whether the PDDB is mounted.</summary>
    [Opcode(0)]
    bool IsMounted();

    /// <summary>
    /// Mounts the PDDB: the server asks the user for the boot PIN on the device (never over IPC). Ok when mounted (also
    /// when it already was); <see cref="PddbServiceStatus.WrongPin"/> (counted), <see cref="PddbServiceStatus.NoPddb"/>,
    /// <see cref="PddbServiceStatus.Cancelled"/> when the user declined.
    /// </summary>
    [Opcode(1)]
    PddbServiceStatus TryMount();

    /// <summary>Names of the open bases, oldest first (the system basis first), paged from <see cref="NameList.StartIndex"/>.</summary>
    [Opcode(2)]
    PddbServiceStatus ListBasis(ref NameList list);

    /// <summary>The most recently opened basis, in <see cref="KeyPath"/>'s basis field (dictionary and key sent empty).</summary>
    [Opcode(3)]
    PddbServiceStatus LatestBasis(ref KeyPath path);

    /// <summary>
    /// Creates secret basis <see cref="KeyPath"/>.basis (dictionary and key empty); the server asks the user for its
    /// password. The new basis stays closed.
    /// </summary>
    [Opcode(4)]
    PddbServiceStatus CreateBasis(in KeyPath path);

    /// <summary>
    /// Opens (unlocks) a secret basis; the server asks the user for its password. A wrong password and a missing basis
    /// both answer <see cref="PddbServiceStatus.NotFound"/> (deniability).
    /// </summary>
    [Opcode(5)]
    PddbServiceStatus OpenBasis(in KeyPath path);

    /// <summary>Syncs and closes (locks) an open secret basis; its keys are wiped from the server's RAM.</summary>
    [Opcode(6)]
    PddbServiceStatus CloseBasis(in KeyPath path);

    /// <summary>Deletes an open secret basis and everything in it.</summary>
    [Opcode(7)]
    PddbServiceStatus DeleteBasis(in KeyPath path);

    /// <summary>Deletes a key.</summary>
    [Opcode(8)]
    PddbServiceStatus DeleteKey(in KeyPath path);

    /// <summary>Deletes a dictionary and all its keys (key name empty).</summary>
    [Opcode(9)]
    PddbServiceStatus DeleteDict(in KeyPath path);

    /// <summary>How many keys the dictionary holds (union: each name once), in <see cref="PathQuery.Value"/>.</summary>
    [Opcode(11)]
    PddbServiceStatus KeyCountInDict(ref PathQuery query);

    /// <summary>How many dictionaries the basis (or the union) holds, in <see cref="PathQuery.Value"/>.</summary>
    [Opcode(13)]
    PddbServiceStatus DictCountInBasis(ref PathQuery query);

    /// <summary>
    /// Reads up to <see cref="KeyChunk.Length"/> (≤ <see cref="ChunkBytes"/>) bytes from <see cref="KeyChunk.Offset"/>;
    /// on Ok, <see cref="KeyChunk.Length"/> is the count read (0 at the end) and <see cref="KeyChunk.TotalLength"/> the
    /// value's length. Stream a long value with successive offsets.
    /// </summary>
    [Opcode(16)]
    PddbServiceStatus ReadKey(ref KeyChunk chunk);

    /// <summary>
    /// Writes <see cref="KeyChunk.Length"/> bytes at <see cref="KeyChunk.Offset"/>, creating the key when absent. With
    /// <see cref="KeyChunkFlags.Replace"/> (offset 0 only) the value becomes exactly these bytes. With
    /// <see cref="KeyChunkFlags.CreateDictionary"/> a missing dictionary is created first. On Ok
    /// <see cref="KeyChunk.TotalLength"/> is the value's new length. Changes reach flash at <see cref="Sync"/>.
    /// </summary>
    [Opcode(17)]
    PddbServiceStatus WriteKey(ref KeyChunk chunk);

    /// <summary>Writes every open basis's pending changes to flash (Xous's WriteKeyFlush).</summary>
    [Opcode(18)]
    PddbServiceStatus Sync();

    /// <summary>Re-encrypts every page of every open basis under fresh nonces and re-noises free pages (Xous's RekeyPddb).</summary>
    [Opcode(42)]
    PddbServiceStatus Churn();

    /// <summary>Key names of a dictionary (union: each once), paged from <see cref="NameList.StartIndex"/>.</summary>
    [Opcode(45)]
    PddbServiceStatus ListKeys(ref NameList list);

    /// <summary>
    /// Reads as many whole entries of a dictionary as fit into <see cref="BulkRead.Entries"/>, from
    /// <see cref="BulkRead.StartIndex"/>; <see cref="BulkRead.NextIndex"/> is where the next call continues
    /// (= <see cref="BulkRead.Total"/> when done). Entry format: <see cref="BulkEntries"/>.
    /// </summary>
    [Opcode(52)]
    PddbServiceStatus DictBulkRead(ref BulkRead request);

    /// <summary>Deletes the listed keys of one dictionary; <see cref="BulkDelete.Deleted"/> counts the ones that existed.</summary>
    [Opcode(55)]
    PddbServiceStatus DictBulkDelete(ref BulkDelete request);

    /// <summary>Creates a dictionary (in the named basis, or the latest basis). Key name empty.</summary>
    [Opcode(60)]
    PddbServiceStatus CreateDict(in KeyPath path);

    /// <summary>Dictionary names of a basis (or the union, each once), paged from <see cref="NameList.StartIndex"/>.</summary>
    [Opcode(61)]
    PddbServiceStatus ListDict(ref NameList list);

    /// <summary>The length of a key's value, in <see cref="PathQuery.Value"/>.</summary>
    [Opcode(62)]
    PddbServiceStatus KeyLength(ref PathQuery query);

    /// <summary>Counters: the engine's, the server's per-opcode requests/errors/failures. Works while unmounted.</summary>
    [Opcode(63)]
    PddbServiceStatus Stats(ref PddbStats stats);

    /// <summary>Checks the open bases' structures; returns how many problems were found (details go to the server log).</summary>
    [Opcode(64)]
    CheckResult Check();
}

/// <summary>The answer of every PDDB operation. 0–14 are the engine's <c>PddbStatus</c> values, unchanged.</summary>
public enum PddbServiceStatus : uint
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>No such basis, dictionary or key — or the secret basis password was wrong (deliberately the same answer).</summary>
    NotFound = 1,

    /// <summary>A basis, dictionary or key of that name already exists.</summary>
    AlreadyExists = 2,

    /// <summary>A name is empty, not UTF-8, contains U+0000, or is longer than its limit.</summary>
    InvalidName = 3,

    /// <summary>The password or PIN the user typed is empty or longer than 72 bytes.</summary>
    InvalidPassword = 4,

    /// <summary>A count limit is reached (dictionaries, keys, open bases, a key's size).</summary>
    LimitReached = 5,

    /// <summary>No room on flash; nothing was written.</summary>
    NoSpace = 6,

    /// <summary>The PIN does not unlock the PDDB (the attempt is counted).</summary>
    WrongPin = 7,

    /// <summary>The flash holds no PDDB: format it first.</summary>
    NoPddb = 8,

    /// <summary>The named basis is not open.</summary>
    BasisNotOpen = 9,

    /// <summary>The basis is already open.</summary>
    BasisAlreadyOpen = 10,

    /// <summary>Not allowed on the system basis.</summary>
    SystemBasis = 11,

    /// <summary>The free-space refill was not approved by the user (unlock every basis first).</summary>
    RefillNotApproved = 12,

    /// <summary>The PDDB is damaged.</summary>
    Corrupt = 13,

    /// <summary>An offset or length is outside what the key holds or may hold.</summary>
    OutOfRange = 14,

    /// <summary>The PDDB is not mounted yet: call <see cref="IPddb.TryMount"/>.</summary>
    NotMounted = 15,

    /// <summary>
    /// The request is inconsistent: a length field larger than its buffer, non-zero bytes past a length or in a reserved
    /// field, a name given where none is expected, unknown flags. Nothing was changed.
    /// </summary>
    MalformedRequest = 16,

    /// <summary>The user declined to enter the PIN or password.</summary>
    Cancelled = 17,
}

/// <summary>The PDDB server's well-known SID.</summary>
public static class PddbServerId
{
    /// <summary><c>b"pddb-server-sid!"</c> as four little-endian words.</summary>
    public static Sid Sid => new(0x62646470, 0x7265732D, 0x2D726576, 0x21646973);
}
