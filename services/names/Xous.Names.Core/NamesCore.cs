using System;
using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;

namespace Xous.Names.Core;

/// <summary>
/// The name server's logic (reference §4.1): a bounded table of names, connection quotas, disconnect tokens and
/// registration waiters. The server is <c>new NamesDispatcher(new NamesCore(environment))</c> in a receive loop, plus
/// one rule: after each dispatch it calls <see cref="TakeReplyDelayMs"/> and waits that long before sending the reply.
/// <para>
/// Not thread-safe: the server dispatches from one thread. Limits: <see cref="MaxNames"/> names,
/// <see cref="MaxWaiters"/> parked <see cref="WaitForRegistration"/> requests, connection limits up to
/// <see cref="MaxConnectionLimit"/>.
/// </para>
/// </summary>
public sealed class NamesCore : INamesHandler
{
    /// <summary>Most names registered at once; another registration gets <see cref="NamesStatus.TableFull"/>.</summary>
    public const int MaxNames = 128;

    /// <summary>
    /// Most <see cref="WaitForRegistration"/> requests parked at once. Beyond it a request is answered at once with the
    /// current generation (unchanged), so the client sees no progress and should wait a while before retrying.
    /// </summary>
    public const int MaxWaiters = 64;

    /// <summary>Largest connection limit a registration may ask for (more processes than the kernel can run is absurd).</summary>
    public const uint MaxConnectionLimit = Limits.MaxProcesses;

    /// <summary>
    /// How long the server waits before answering a registration of a name that is taken, so that the answer takes a
    /// fixed time whoever holds the name.
    /// </summary>
    public const uint DuplicateRegistrationDelayMs = 200;

    private readonly INamesEnvironment _environment;
    private readonly NameEntry[] _names = new NameEntry[MaxNames];
    private readonly DeferredReply[] _waiters = new DeferredReply[MaxWaiters];
    private int _waiterCount;
    private uint _generation;
    private uint _replyDelayMs;
    private NamesStatistics _statistics;

    /// <summary>Creates an empty name table.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="environment"/> is null.</exception>
    public NamesCore(INamesEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        for (int i = 0; i < _names.Length; i++)
        {
            _names[i] = new NameEntry();
        }
    }

    /// <summary>The registration generation: bumped (wrapping) by every successful <see cref="Register"/>.</summary>
    public uint Generation => _generation;

    /// <summary>How many names are registered.</summary>
    public int RegisteredCount
    {
        get
        {
            int count = 0;
            foreach (NameEntry entry in _names)
            {
                count += entry.InUse ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>How many <see cref="WaitForRegistration"/> requests are parked.</summary>
    public int WaiterCount => _waiterCount;

    /// <summary>The outcome counters.</summary>
    public NamesStatistics Statistics => _statistics;

    /// <summary>
    /// The milliseconds the server must wait before sending the reply of the message it just dispatched, and resets it:
    /// <see cref="DuplicateRegistrationDelayMs"/> after a refused duplicate registration, otherwise 0. Call it once
    /// after every dispatch.
    /// </summary>
    public uint TakeReplyDelayMs()
    {
        uint delay = _replyDelayMs;
        _replyDelayMs = 0;
        return delay;
    }

    /// <inheritdoc/>
    public NamesStatus Register(MessageSender sender, in Registration registration)
    {
        Pid owner = sender.ProcessId;
        Span<byte> name = stackalloc byte[INames.MaxNameBytes];
        if (!ServerNames.TryRead(in registration.Name, name, out int length))
        {
            _statistics.RejectedRequests++;
            return NamesStatus.BadName;
        }

        name = name.Slice(0, length);
        var server = new Sid(registration.Sid0, registration.Sid1, registration.Sid2, registration.Sid3);
        if (server == default || registration.ConnectionLimit > MaxConnectionLimit)
        {
            _statistics.RejectedRequests++;
            return NamesStatus.BadRegistration;
        }

        if (Find(name) is not null)
        {
            _statistics.DuplicateRegistrations++;
            _replyDelayMs = DuplicateRegistrationDelayMs;
            return NamesStatus.AlreadyRegistered;
        }

        NameEntry? free = FindFree();
        if (free is null)
        {
            _statistics.RejectedRequests++;
            return NamesStatus.TableFull;
        }

        free.Assign(name, server, owner, registration.ConnectionLimit, _environment);
        _generation++;
        _statistics.Registrations++;
        WakeWaiters();
        return NamesStatus.Ok;
    }

    /// <inheritdoc/>
    public bool Lookup(in ServerName name)
    {
        Span<byte> bytes = stackalloc byte[INames.MaxNameBytes];
        return ServerNames.TryRead(in name, bytes, out int length) && Find(bytes.Slice(0, length)) is not null;
    }

    /// <inheritdoc/>
    public NamesStatus Unregister(MessageSender sender, in Registration registration)
    {
        Pid caller = sender.ProcessId;
        NamesStatus found = FindRegistered(in registration.Name, out NameEntry? entry);
        if (entry is null)
        {
            return found;
        }

        var server = new Sid(registration.Sid0, registration.Sid1, registration.Sid2, registration.Sid3);
        if (entry.Owner != caller || entry.Server != server)
        {
            _statistics.NotOwnerRefusals++;
            return NamesStatus.NotOwner;
        }

        entry.Clear();
        _statistics.Unregistrations++;
        return NamesStatus.Ok;
    }

    /// <inheritdoc/>
    public NamesStatus Disconnect(in DisconnectRequest request)
    {
        NamesStatus found = FindRegistered(in request.Name, out NameEntry? entry);
        if (entry is null)
        {
            return found;
        }

        if (!entry.TokenMatches(request.Token0, request.Token1, request.Token2, request.Token3))
        {
            _statistics.WrongTokens++;
            return NamesStatus.WrongToken;
        }

        entry.ResetConnections();
        entry.NewToken(_environment);
        _statistics.Disconnects++;
        return NamesStatus.Ok;
    }

    /// <inheritdoc/>
    public bool TrustedInitDone()
    {
        foreach (NameEntry entry in _names)
        {
            if (entry.InUse && entry.ConnectionLimit != 0 && entry.ConnectedCount != entry.ConnectionLimit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Answers with the generation at once when it differs from <paramref name="seenGeneration"/> (it is newer, or
    /// the client's value is from the future and therefore meaningless), or when <see cref="MaxWaiters"/> requests are
    /// parked already (the answer is then the unchanged generation: retry later). Otherwise parks the request until the
    /// next successful <see cref="Register"/>.
    /// </summary>
    public void WaitForRegistration(uint seenGeneration, DeferredReply reply)
    {
        if (seenGeneration == _generation && _waiterCount < MaxWaiters)
        {
            _waiters[_waiterCount++] = reply;
            _statistics.WaitersParked++;
            return;
        }

        if (seenGeneration == _generation)
        {
            _statistics.WaitersOverflowed++;
        }

        _environment.Replies.Complete(reply, NamesDispatcher.WaitForRegistrationReply(_generation));
    }

    /// <summary>
    /// Connects the caller (see <see cref="INames.TryConnect"/>). Every successful connection counts against the name's
    /// limit, as in Xous — also a second one from the same process (the kernel returns the same CID). Counting processes
    /// instead would let a new process that reuses an exited trusted process's PID connect without using quota. When the kernel no longer knows the server
    /// (<see cref="XousError.ServerNotFound"/>) the stale registration is dropped, so a restarted server can register the
    /// name again, and <see cref="NamesStatus.ServerNotFound"/> is returned. Any other kernel refusal (the caller's
    /// connection table is full, …) is reported as <see cref="NamesStatus.LimitReached"/>: the contract has no closer
    /// status, and the caller did not get a connection.
    /// </summary>
    public NamesStatus TryConnect(MessageSender sender, ref ConnectRequest request)
    {
        request.Generation = _generation;
        request.Connection = 0;
        request.Token0 = 0;
        request.Token1 = 0;
        request.Token2 = 0;
        request.Token3 = 0;

        NamesStatus found = FindRegistered(in request.Name, out NameEntry? entry);
        if (entry is null)
        {
            return found;
        }

        Pid caller = sender.ProcessId;
        if (entry.ConnectionLimit != 0 && entry.ConnectedCount >= entry.ConnectionLimit)
        {
            _statistics.LimitRefusals++;
            return NamesStatus.LimitReached;
        }

        XousError error = _environment.ConnectForProcess(caller, entry.Server, out Cid connection);
        if (error == XousError.ServerNotFound)
        {
            entry.Clear();
            _statistics.StaleRegistrationsDropped++;
            return NamesStatus.ServerNotFound;
        }

        if (error != XousError.NoError)
        {
            _statistics.KernelRefusals++;
            return NamesStatus.LimitReached;
        }

        entry.AddConnection();
        request.Connection = connection.Value;
        entry.WriteToken(ref request);
        _statistics.Connections++;
        return NamesStatus.Ok;
    }

    /// <summary>
    /// Process-exit hygiene, for a server that learns a process ended: drops the names <paramref name="process"/>
    /// registered (their servers ended with it) and its parked waiters (the kernel would drop their replies). Quotas are
    /// left alone on purpose: a slot a trusted client took stays taken ("trust on first use").
    /// </summary>
    /// <returns>How many registrations were dropped.</returns>
    public int ProcessExited(Pid process)
    {
        int dropped = 0;
        foreach (NameEntry entry in _names)
        {
            if (entry.InUse && entry.Owner == process)
            {
                entry.Clear();
                dropped++;
            }
        }

        int kept = 0;
        for (int i = 0; i < _waiterCount; i++)
        {
            if (!_waiters[i].Sender.TryGetProcessId(out Pid waiter) || waiter != process)
            {
                _waiters[kept++] = _waiters[i];
            }
        }

        Array.Clear(_waiters, kept, _waiterCount - kept);
        _waiterCount = kept;
        return dropped;
    }

    /// <summary>
    /// The registration named by a wire name: Ok and the entry, or BadName (counted as a rejected request) or
    /// NotRegistered with a null entry.
    /// </summary>
    private NamesStatus FindRegistered(in ServerName wireName, out NameEntry? entry)
    {
        Span<byte> name = stackalloc byte[INames.MaxNameBytes];
        if (!ServerNames.TryRead(in wireName, name, out int length))
        {
            _statistics.RejectedRequests++;
            entry = null;
            return NamesStatus.BadName;
        }

        entry = Find(name.Slice(0, length));
        return entry is null ? NamesStatus.NotRegistered : NamesStatus.Ok;
    }

    private NameEntry? Find(ReadOnlySpan<byte> name)
    {
        foreach (NameEntry entry in _names)
        {
            if (entry.Matches(name))
            {
                return entry;
            }
        }

        return null;
    }

    private NameEntry? FindFree()
    {
        foreach (NameEntry entry in _names)
        {
            if (!entry.InUse)
            {
                return entry;
            }
        }

        return null;
    }

    private void WakeWaiters()
    {
        int count = _waiterCount;
        _waiterCount = 0;
        Reply reply = NamesDispatcher.WaitForRegistrationReply(_generation);
        for (int i = 0; i < count; i++)
        {
            DeferredReply waiter = _waiters[i];
            _waiters[i] = default;
            _environment.Replies.Complete(waiter, in reply);
        }
    }
}
