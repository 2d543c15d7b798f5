namespace Xous.Pddb;

/// <summary>
/// The answer of every PDDB operation that can legitimately fail (house rule 8). Broken invariants throw instead.
/// </summary>
public enum PddbStatus
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>
    /// The basis, dictionary or key does not exist — or, for a secret basis, the password is wrong: the two are the
    /// same answer on purpose (deniability).
    /// </summary>
    NotFound = 1,

    /// <summary>A basis, dictionary or key of that name already exists.</summary>
    AlreadyExists = 2,

    /// <summary>A name is empty, not valid UTF-8 text, contains U+0000, or is longer than its limit.</summary>
    InvalidName = 3,

    /// <summary>A password or PIN is empty or longer than 72 bytes.</summary>
    InvalidPassword = 4,

    /// <summary>A count limit is reached: dictionaries per basis, keys per dictionary, open bases, or a key's size.</summary>
    LimitReached = 5,

    /// <summary>The flash has no room for the pages this operation must write; nothing was written.</summary>
    NoSpace = 6,

    /// <summary>The image holds a PDDB, but the PIN (or the device secrets) does not unwrap its system keys.</summary>
    WrongPin = 7,

    /// <summary>The image holds no PDDB (blank or unrecognised static crypto data): format it first.</summary>
    NoPddb = 8,

    /// <summary>The named basis is not open.</summary>
    BasisNotOpen = 9,

    /// <summary>The basis is already open.</summary>
    BasisAlreadyOpen = 10,

    /// <summary>The operation is not allowed on the system basis (lock, delete).</summary>
    SystemBasis = 11,

    /// <summary>
    /// The free-space cache is empty and refilling it could overwrite pages of locked secret bases; the caller did
    /// not approve the refill (<see cref="PddbOptions.ApproveFreeSpaceRefill"/>). Unlock every basis and retry.
    /// </summary>
    RefillNotApproved = 12,

    /// <summary>The PDDB is present and the PIN is right, but its structures are damaged (the system basis root is missing).</summary>
    Corrupt = 13,

    /// <summary>An offset or length is outside what the key holds or may hold.</summary>
    OutOfRange = 14,
}
