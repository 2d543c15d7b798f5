using Xous.Abi;

namespace Xous.Kernel;

/// <summary>The state of a queue slot.</summary>
internal enum SlotState : byte
{
    /// <summary>Unused.</summary>
    Free,

    /// <summary>Waiting to be received.</summary>
    Queued,

    /// <summary>Received; the (blocked) client waits for the reply.</summary>
    InFlight,

    /// <summary>Received, but the client has ended: the reply only releases what the server holds.</summary>
    Forgotten,
}

/// <summary>One message in a server's queue (Xous: <c>QueuedMessage</c> plus its <c>WaitingMessage</c> state).</summary>
internal struct MessageSlot
{
    /// <summary><see cref="Client"/> of a queued message that outlived its client.</summary>
    public const int EndedClient = -1;

    /// <summary>The slot's state.</summary>
    public SlotState State;

    /// <summary>The message kind.</summary>
    public MessageKind Kind;

    /// <summary>Advances each time the slot is freed, so a stale sender is refused.</summary>
    public ushort Generation;

    /// <summary>
    /// The client's process slot, or <see cref="EndedClient"/> for a queued Scalar or Move whose client has ended
    /// (it is still delivered; a Move's pages are then held by the server, see <see cref="ServerPage"/>).
    /// </summary>
    public int Client;

    /// <summary>The client's PID when the message was sent (still valid after the client ended).</summary>
    public byte ClientPid;

    /// <summary>The client thread (blocking kinds wait there).</summary>
    public int ClientThread;

    /// <summary>The message id.</summary>
    public nuint Id;

    /// <summary>Scalar argument 1, or the client's buffer address.</summary>
    public nuint Word1;

    /// <summary>Scalar argument 2, or the buffer size.</summary>
    public nuint Word2;

    /// <summary>Scalar argument 3, or offset.</summary>
    public nuint Word3;

    /// <summary>Scalar argument 4, or valid.</summary>
    public nuint Word4;

    /// <summary>
    /// Where the buffer is mapped in the server once received (memory kinds); for a Move whose client has ended while
    /// it was queued, where the server already holds its pages (as <see cref="RegionKind.Moving"/>) until received.
    /// </summary>
    public uint ServerPage;

    /// <summary>Arrival order (first queued, first received).</summary>
    public ulong Sequence;

    /// <summary>True for a queued Scalar or Move whose client has ended (<see cref="Client"/> is no process slot).</summary>
    public readonly bool ClientEnded => Client == EndedClient;

    /// <summary>The client's buffer, first page.</summary>
    public readonly uint ClientPage => Layout.PageOf(Word1);

    /// <summary>The buffer's page count.</summary>
    public readonly uint Pages => (uint)(Word2 >> Layout.PageShift);
}

/// <summary>One server slot.</summary>
internal struct ServerEntry
{
    /// <summary>A server lives in this slot.</summary>
    public bool Live;

    /// <summary>Its SID.</summary>
    public Sid Sid;

    /// <summary>The owner's process slot.</summary>
    public int Owner;

    /// <summary>Advances each time the slot is released, so connections to an old server go stale.</summary>
    public uint Incarnation;

    /// <summary>Slots not free.</summary>
    public int Occupied;

    /// <summary>Slots in <see cref="SlotState.Queued"/>.</summary>
    public int Queued;

    /// <summary>A slot was freed: threads waiting to send should be retried.</summary>
    public bool RetryPending;
}

/// <summary>The system-wide server table and the servers' message queues.</summary>
internal sealed class ServerTable
{
    private readonly ServerEntry[] _servers = new ServerEntry[Layout.MaxServers];
    private readonly MessageSlot[] _slots = new MessageSlot[Layout.MaxServers * Layout.QueueLength];
    private ulong _nextSequence;

    /// <summary>A server slot (0..127).</summary>
    public ref ServerEntry Server(int index) => ref _servers[index];

    /// <summary>A queue slot of a server.</summary>
    public ref MessageSlot Slot(int server, int slot) => ref _slots[(server * Layout.QueueLength) + slot];

    /// <summary>The live server with this SID, or -1.</summary>
    public int Find(Sid sid)
    {
        for (int i = 0; i < _servers.Length; i++)
        {
            if (_servers[i].Live && _servers[i].Sid == sid)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Creates a server in the lowest free slot; -1 when the table is full.</summary>
    public int Allocate(Sid sid, int owner)
    {
        for (int i = 0; i < _servers.Length; i++)
        {
            ref ServerEntry s = ref _servers[i];
            if (!s.Live)
            {
                s.Live = true;
                s.Sid = sid;
                s.Owner = owner;
                s.Occupied = 0;
                s.Queued = 0;
                s.RetryPending = false;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes a server whose queue is empty; its connections go stale.</summary>
    public void Release(int index)
    {
        ref ServerEntry s = ref _servers[index];
        s.Live = false;
        s.Incarnation++;
        s.RetryPending = false;
    }

    /// <summary>Takes a free queue slot for a new message; -1 when the queue is full.</summary>
    public int AllocateSlot(int server)
    {
        ref ServerEntry s = ref _servers[server];
        if (s.Occupied >= Layout.QueueLength)
        {
            return -1;
        }

        for (int i = 0; i < Layout.QueueLength; i++)
        {
            ref MessageSlot m = ref Slot(server, i);
            if (m.State == SlotState.Free)
            {
                m.State = SlotState.Queued;
                m.Sequence = ++_nextSequence;
                s.Occupied++;
                s.Queued++;
                return i;
            }
        }

        return -1;
    }

    /// <summary>The queued message that arrived first, or -1.</summary>
    public int OldestQueued(int server)
    {
        if (_servers[server].Queued == 0)
        {
            return -1;
        }

        int best = -1;
        ulong sequence = ulong.MaxValue;
        for (int i = 0; i < Layout.QueueLength; i++)
        {
            ref MessageSlot m = ref Slot(server, i);
            if (m.State == SlotState.Queued && m.Sequence < sequence)
            {
                sequence = m.Sequence;
                best = i;
            }
        }

        return best;
    }

    /// <summary>A queued message was received and now waits for its reply.</summary>
    public void MarkInFlight(int server, int slot)
    {
        Slot(server, slot).State = SlotState.InFlight;
        _servers[server].Queued--;
    }

    /// <summary>Frees a slot (queued or not), advancing its generation, and flags the server for send retries.</summary>
    public void FreeSlot(int server, int slot)
    {
        ref MessageSlot m = ref Slot(server, slot);
        ref ServerEntry s = ref _servers[server];
        if (m.State == SlotState.Queued)
        {
            s.Queued--;
        }

        ushort generation = (ushort)((m.Generation + 1) & Layout.GenerationMask);
        m = default;
        m.Generation = generation;
        s.Occupied--;
        s.RetryPending = true;
    }

    /// <summary>The sender value of a message: client PID, server index, slot and generation.</summary>
    public MessageSender SenderOf(int server, int slot)
    {
        ref MessageSlot m = ref Slot(server, slot);
        return MessageSender.Create(new Pid(m.ClientPid), (byte)server, (ushort)(slot | (m.Generation << Layout.SlotBits)));
    }

    /// <summary>True when a server owned by the process has a queued message.</summary>
    public bool AnyQueuedFor(int owner)
    {
        for (int i = 0; i < _servers.Length; i++)
        {
            if (_servers[i].Live && _servers[i].Owner == owner && _servers[i].Queued > 0)
            {
                return true;
            }
        }

        return false;
    }
}
