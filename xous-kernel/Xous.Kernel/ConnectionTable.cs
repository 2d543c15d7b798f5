using Xous.Abi;

namespace Xous.Kernel;

/// <summary>One connection slot of a process.</summary>
internal struct Connection
{
    /// <summary>The slot is allocated (possibly stale).</summary>
    public bool Used;

    /// <summary>The server slot it points at.</summary>
    public int Server;

    /// <summary>The server's incarnation when connected; a different one means the server is gone (stale).</summary>
    public uint Incarnation;

    /// <summary>The SID connected to, so a stale slot can be reused for a new server with the same SID.</summary>
    public Sid Sid;
}

/// <summary>
/// The per-process connection tables: 32 slots, CID = slot + 2. A connection whose server was destroyed stays
/// allocated but stale until it is disconnected or reused for a new server with the same SID.
/// </summary>
internal sealed class ConnectionTable
{
    private readonly Connection[] _connections;
    private readonly ServerTable _servers;

    public ConnectionTable(int processes, ServerTable servers)
    {
        _connections = new Connection[processes * Layout.MaxConnections];
        _servers = servers;
    }

    /// <summary>Connection slot <paramref name="index"/> (0..31) of a process.</summary>
    public ref Connection At(int process, int index) => ref _connections[(process * Layout.MaxConnections) + index];

    /// <summary>True when the connection points at the server it was made for.</summary>
    public bool IsLive(in Connection c) =>
        c.Used && _servers.Server(c.Server).Live && _servers.Server(c.Server).Incarnation == c.Incarnation;

    /// <summary>The live server of a CID, or false for a CID that is out of range, unused or stale.</summary>
    public bool TryResolve(int process, nuint cid, out int server)
    {
        server = -1;
        if (cid < Limits.FirstConnectionId || cid >= Limits.MaxConnectionId)
        {
            return false;
        }

        ref Connection c = ref At(process, (int)(cid - Limits.FirstConnectionId));
        if (!IsLive(in c))
        {
            return false;
        }

        server = c.Server;
        return true;
    }

    /// <summary>True when <see cref="Connect"/> would find a slot for this SID.</summary>
    public bool CanConnect(int process, Sid sid) => FindSlot(process, sid, -1) >= 0;

    /// <summary>
    /// Connects a process to a live server: the existing CID when it is already connected, else a stale slot with the
    /// same SID, else the lowest free slot. OutOfMemory when all 32 are in use.
    /// </summary>
    public XousError Connect(int process, int server, out Cid cid)
    {
        ref ServerEntry s = ref _servers.Server(server);
        int index = FindSlot(process, s.Sid, server);
        if (index < 0)
        {
            cid = default;
            return XousError.OutOfMemory;
        }

        ref Connection c = ref At(process, index);
        c.Used = true;
        c.Server = server;
        c.Incarnation = s.Incarnation;
        c.Sid = s.Sid;
        cid = new Cid((uint)index + Limits.FirstConnectionId);
        return XousError.NoError;
    }

    /// <summary>Frees a connection slot; false for a CID that is out of range or unused.</summary>
    public bool Disconnect(int process, nuint cid)
    {
        if (cid < Limits.FirstConnectionId || cid >= Limits.MaxConnectionId)
        {
            return false;
        }

        ref Connection c = ref At(process, (int)(cid - Limits.FirstConnectionId));
        if (!c.Used)
        {
            return false;
        }

        c = default;
        return true;
    }

    /// <summary>Frees every connection of a process.</summary>
    public void Clear(int process)
    {
        for (int i = 0; i < Layout.MaxConnections; i++)
        {
            At(process, i) = default;
        }
    }

    private int FindSlot(int process, Sid sid, int liveServer)
    {
        int stale = -1;
        int free = -1;
        for (int i = 0; i < Layout.MaxConnections; i++)
        {
            ref Connection c = ref At(process, i);
            if (!c.Used)
            {
                free = free < 0 ? i : free;
            }
            else if (IsLive(in c))
            {
                if (c.Server == liveServer)
                {
                    return i;
                }
            }
            else if (c.Sid == sid)
            {
                stale = stale < 0 ? i : stale;
            }
        }

        return stale >= 0 ? stale : free;
    }
}
