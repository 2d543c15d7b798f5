using Xous.Abi;
using Xous.Ipc;

namespace Xous.Names.Api;

/// <summary>
/// The name server (<c>xous-names</c>, reference §4.1): maps server names to servers without ever revealing a SID to a
/// client. A connecting client gets a CID created directly in its own process (ConnectForProcess), a per-name
/// connection quota is enforced ("trust on first use"), and <see cref="TrustedInitDone"/> tells when every limited
/// name has all its connections.
/// <para>
/// Opcode numbers follow Xous where the operation exists there. Xous's blocking connect (6) parks a lent page inside the
/// server; here a client blocks on <see cref="WaitForRegistration"/> (a deferred BlockingScalar) and retries
/// <see cref="TryConnect"/>, so the server never holds client memory.
/// </para>
/// </summary>
[IpcContract]
[RetiredOpcode(2, "AuthenticatedLookup: a stub in Xous; not carried over")]
public interface INames
{
    /// <summary>Longest server name in bytes (UTF-8), as in Xous's <c>XousServerName</c>.</summary>
    const int MaxNameBytes = 64;

    /// <summary>
    /// Registers <see cref="Registration.Name"/> for the server <see cref="Registration.Sid0"/>..3, which the caller
    /// has already created. A name taken already fails with <see cref="NamesStatus.AlreadyRegistered"/> after a fixed
    /// delay (so the time taken does not tell a prober anything).
    /// </summary>
    [Opcode(0, IncludeSender = true)]
    NamesStatus Register(in Registration registration);

    /// <summary>Whether a name is registered.</summary>
    [Opcode(1)]
    bool Lookup(in ServerName name);

    /// <summary>Removes a registration; only the registering process, with the registered SID, may do so.</summary>
    [Opcode(3, IncludeSender = true)]
    NamesStatus Unregister(in Registration registration);

    /// <summary>
    /// Resets a name's connection count to zero and issues a new disconnect token, if the token matches the current one
    /// (compared in constant time). The holder of the old connection should also Disconnect its CID.
    /// </summary>
    [Opcode(4)]
    NamesStatus Disconnect(in DisconnectRequest request);

    /// <summary>True once every name registered with a connection limit has exactly that many connected processes.</summary>
    [Opcode(5)]
    bool TrustedInitDone();

    /// <summary>
    /// Returns the registration generation (a counter bumped by every successful Register) once it is greater than
    /// <paramref name="seenGeneration"/>; replies at once if it already is. Used by clients waiting for a name.
    /// </summary>
    [Opcode(6, Deferred = true)]
    uint WaitForRegistration(uint seenGeneration);

    /// <summary>
    /// Connects the calling process to the named server: on <see cref="NamesStatus.Ok"/> the request's
    /// <see cref="ConnectRequest.Connection"/> holds the CID (valid in the caller's process) and the token fields the
    /// name's disconnect token. <see cref="ConnectRequest.Generation"/> is always set to the current registration
    /// generation, for <see cref="WaitForRegistration"/>.
    /// </summary>
    [Opcode(7, IncludeSender = true)]
    NamesStatus TryConnect(ref ConnectRequest request);
}

/// <summary>The answer of a name-server operation.</summary>
public enum NamesStatus : uint
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>No server has that name (yet).</summary>
    NotRegistered = 1,

    /// <summary>The name is taken.</summary>
    AlreadyRegistered = 2,

    /// <summary>The name's connection limit is reached; the caller is not one of its first connecting processes.</summary>
    LimitReached = 3,

    /// <summary>The name is empty, longer than <see cref="INames.MaxNameBytes"/>, or its length field is inconsistent.</summary>
    BadName = 4,

    /// <summary>The disconnect token does not match.</summary>
    WrongToken = 5,

    /// <summary>Only the registering process, with the registered SID, may unregister.</summary>
    NotOwner = 6,

    /// <summary>The registered server no longer exists (the kernel refused the connection).</summary>
    ServerNotFound = 7,

    /// <summary>The name table is full.</summary>
    TableFull = 8,

    /// <summary>The SID is the null SID or the connection limit is out of range.</summary>
    BadRegistration = 9,
}

/// <summary>A server name: up to 64 bytes of UTF-8 and its length.</summary>
public unsafe struct ServerName
{
    /// <summary>The name's bytes; bytes past <see cref="Length"/> must be zero.</summary>
    public fixed byte Bytes[INames.MaxNameBytes];

    /// <summary>Number of bytes used, 1..64.</summary>
    public uint Length;
}

/// <summary>What <see cref="INames.Register"/> and <see cref="INames.Unregister"/> carry.</summary>
public struct Registration
{
    /// <summary>The name.</summary>
    public ServerName Name;

    /// <summary>SID word 0 of the caller's server.</summary>
    public uint Sid0;

    /// <summary>SID word 1.</summary>
    public uint Sid1;

    /// <summary>SID word 2.</summary>
    public uint Sid2;

    /// <summary>SID word 3.</summary>
    public uint Sid3;

    /// <summary>How many processes may connect through the name server; 0 = unlimited (Xous's <c>None</c>).</summary>
    public uint ConnectionLimit;
}

/// <summary>What <see cref="INames.Disconnect"/> carries.</summary>
public struct DisconnectRequest
{
    /// <summary>The name.</summary>
    public ServerName Name;

    /// <summary>Token word 0.</summary>
    public uint Token0;

    /// <summary>Token word 1.</summary>
    public uint Token1;

    /// <summary>Token word 2.</summary>
    public uint Token2;

    /// <summary>Token word 3.</summary>
    public uint Token3;
}

/// <summary>What <see cref="INames.TryConnect"/> carries in and out.</summary>
public struct ConnectRequest
{
    /// <summary>In: the name.</summary>
    public ServerName Name;

    /// <summary>Out: the CID in the caller's process.</summary>
    public uint Connection;

    /// <summary>Out: disconnect token word 0.</summary>
    public uint Token0;

    /// <summary>Out: disconnect token word 1.</summary>
    public uint Token1;

    /// <summary>Out: disconnect token word 2.</summary>
    public uint Token2;

    /// <summary>Out: disconnect token word 3.</summary>
    public uint Token3;

    /// <summary>Out: the registration generation when the request was handled.</summary>
    public uint Generation;
}

/// <summary>The name server's well-known SID.</summary>
public static class NamesServerId
{
    /// <summary><c>b"xous-name-server"</c> as four little-endian words.</summary>
    public static Sid Sid => new(0x73756F78, 0x6D616E2D, 0x65732D65, 0x72657672);
}
