using System;
using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;

namespace Xous.Runtime;

/// <summary>Registering servers by name and connecting to them through the name server.</summary>
public sealed partial class ProcessContext
{
    /// <summary>
    /// Creates a server with a random SID (CreateServer) and registers it with the name server as
    /// <paramref name="name"/>. The SID goes to the name server only; clients get connections from it, never the SID.
    /// When the registration fails the server is destroyed again.
    /// </summary>
    /// <param name="name">The name: 1..64 bytes of UTF-8 (longer names are refused, not cut).</param>
    /// <param name="connectionLimit">How many processes may connect through the name server; 0 = unlimited.</param>
    /// <param name="sid">The new server's SID, for <see cref="ServerLoop"/>; default unless the result is Ok.</param>
    /// <returns>The name server's answer: Ok, AlreadyRegistered, BadName, BadRegistration, TableFull.</returns>
    /// <exception cref="IpcException">The kernel refused CreateServer (<see cref="IpcException.TransportError"/> says
    /// why, e.g. OutOfMemory when its server table is full), or the name server call failed.</exception>
    public NamesStatus RegisterServer(ReadOnlySpan<char> name, uint connectionLimit, out Sid sid)
    {
        sid = default;
        if (!ServerNameText.IsValid(name))
        {
            return NamesStatus.BadName;
        }

        XousError error = _kernel.CreateServer(out Sid created, out _);
        if (error != XousError.NoError)
        {
            throw new IpcException(NamesOpcodes.Register, error, IpcStatus.Ok);
        }

        NamesStatus status = RegisterServer(name, connectionLimit, created);
        if (status != NamesStatus.Ok)
        {
            _kernel.DestroyServer(created);
            return status;
        }

        sid = created;
        return NamesStatus.Ok;
    }

    /// <summary>
    /// Registers a server this process has already created (for example with a well-known SID through
    /// CreateServerWithAddress) as <paramref name="name"/>. The server is left as it is when the registration fails.
    /// </summary>
    /// <param name="name">The name: 1..64 bytes of UTF-8 (longer names are refused, not cut).</param>
    /// <param name="connectionLimit">How many processes may connect through the name server; 0 = unlimited.</param>
    /// <param name="sid">The server's SID; it goes to the name server only.</param>
    /// <returns>The name server's answer: Ok, AlreadyRegistered, BadName, BadRegistration, TableFull.</returns>
    /// <exception cref="IpcException">The name server call failed.</exception>
    public NamesStatus RegisterServer(ReadOnlySpan<char> name, uint connectionLimit, Sid sid)
    {
        var registration = new Registration
        {
            Sid0 = sid.Word0,
            Sid1 = sid.Word1,
            Sid2 = sid.Word2,
            Sid3 = sid.Word3,
            ConnectionLimit = connectionLimit,
        };
        if (!ServerNameText.TryWrite(name, ref registration.Name))
        {
            return NamesStatus.BadName;
        }

        return Names.Register(in registration);
    }

    /// <summary>
    /// Connects to the server registered as <paramref name="name"/>, waiting until it is registered: TryConnect, and
    /// while the name is NotRegistered, WaitForRegistration(the generation TryConnect reported) and try again.
    /// </summary>
    /// <returns>Ok and the connection, or why not: LimitReached (the name's connection quota is used up), BadName,
    /// ServerNotFound (the registered server is gone).</returns>
    /// <exception cref="IpcException">A name server call failed.</exception>
    public NamesStatus ConnectByName(ReadOnlySpan<char> name, out Cid connection)
    {
        while (true)
        {
            NamesStatus status = TryConnectByName(name, out connection, out uint generation);
            if (status != NamesStatus.NotRegistered)
            {
                return status;
            }

            Names.WaitForRegistration(generation);
        }
    }

    /// <summary>Connects to the server registered as <paramref name="name"/> if it is registered now.</summary>
    /// <returns>Ok and the connection, NotRegistered, or another refusal (see <see cref="ConnectByName"/>).</returns>
    /// <exception cref="IpcException">A name server call failed.</exception>
    public NamesStatus TryConnectByName(ReadOnlySpan<char> name, out Cid connection) =>
        TryConnectByName(name, out connection, out _);

    private NamesStatus TryConnectByName(ReadOnlySpan<char> name, out Cid connection, out uint generation)
    {
        connection = default;
        generation = 0;
        var request = default(ConnectRequest);
        if (!ServerNameText.TryWrite(name, ref request.Name))
        {
            return NamesStatus.BadName;
        }

        NamesStatus status = Names.TryConnect(ref request);
        generation = request.Generation;
        if (status == NamesStatus.Ok)
        {
            connection = new Cid(request.Connection);
        }

        return status;
    }
}

/// <summary>Server names in the name server's fixed layout.</summary>
internal static class ServerNameText
{
    /// <summary>True when <paramref name="name"/> is 1..64 bytes of UTF-8.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        var scratch = default(ServerName);
        return TryWrite(name, ref scratch);
    }

    /// <summary>Writes <paramref name="name"/> as UTF-8; false when it is empty or longer than 64 bytes.</summary>
    public static bool TryWrite(ReadOnlySpan<char> name, ref ServerName destination)
    {
        Span<byte> bytes = FixedBuffers.NameBytes(ref destination);
        bytes.Clear();
        int length = Utf8Text.Encode(name, bytes, out int consumed);
        if (name.IsEmpty || consumed != name.Length)
        {
            bytes.Clear();
            destination.Length = 0;
            return false;
        }

        destination.Length = (uint)length;
        return true;
    }
}
