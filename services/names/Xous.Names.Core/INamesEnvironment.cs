using Xous.Abi;
using Xous.Ipc;

namespace Xous.Names.Core;

/// <summary>
/// Everything <see cref="NamesCore"/> needs from outside its own memory. The name server implements it over the kernel
/// (ConnectForProcess, the TRNG, ReturnScalar5); tests implement it in memory.
/// </summary>
public interface INamesEnvironment
{
    /// <summary>
    /// Creates a connection to <paramref name="server"/> inside <paramref name="process"/>'s connection table
    /// (the ConnectForProcess syscall), so the SID is never revealed to the process.
    /// </summary>
    /// <param name="process">The process that asked to connect.</param>
    /// <param name="server">The registered server.</param>
    /// <param name="connection">The CID, valid in <paramref name="process"/>; <c>default</c> on error.</param>
    /// <returns>
    /// <see cref="XousError.NoError"/> on success (a process that is already connected gets its existing CID again);
    /// <see cref="XousError.ServerNotFound"/> when no server has that SID any more (it ended); any other kernel error
    /// (typically <see cref="XousError.OutOfMemory"/> for a full connection table, or
    /// <see cref="XousError.ProcessNotFound"/>) when the connection could not be made for another reason.
    /// </returns>
    XousError ConnectForProcess(Pid process, Sid server, out Cid connection);

    /// <summary>
    /// A uniformly random 32-bit word from a cryptographic source (the TRNG on the device). Used only for disconnect
    /// tokens. A test source must say so in its type name (house rule 10).
    /// </summary>
    uint NextRandom();

    /// <summary>Where the core completes deferred <see cref="Api.INames.WaitForRegistration"/> replies.</summary>
    IDeferredReplySink Replies { get; }
}
