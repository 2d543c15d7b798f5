using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;
using Xous.Names.Core;

namespace Xous.Services.Tests;

/// <summary>
/// A kernel stand-in for the name server. Its random words are a predictable counter (insecure, tests only).
/// </summary>
internal sealed class InsecureFakeNamesEnvironment : INamesEnvironment
{
    private readonly Dictionary<(byte Pid, Sid Server), Cid> _connections = new();
    private uint _nextRandom = 0x1000;

    public HashSet<Sid> LiveServers { get; } = new();

    /// <summary>When set, every connection attempt fails with this error.</summary>
    public XousError? ForcedError { get; set; }

    public List<(Pid Process, Sid Server)> ConnectCalls { get; } = new();

    public RecordingReplies Sink { get; } = new();

    public IDeferredReplySink Replies => Sink;

    public XousError ConnectForProcess(Pid process, Sid server, out Cid connection)
    {
        ConnectCalls.Add((process, server));
        connection = default;
        if (ForcedError is XousError error)
        {
            return error;
        }

        if (!LiveServers.Contains(server))
        {
            return XousError.ServerNotFound;
        }

        if (!_connections.TryGetValue((process.Value, server), out connection))
        {
            connection = new Cid(2 + (uint)_connections.Count(c => c.Key.Pid == process.Value));
            _connections[(process.Value, server)] = connection;
        }

        return XousError.NoError;
    }

    public uint NextRandom() => _nextRandom++;
}

public class NamesCoreTests
{
    private const byte ServerPid = 5;
    private static readonly Sid s_sid = new(1, 2, 3, 4);

    private readonly InsecureFakeNamesEnvironment _env = new();
    private readonly NamesCore _core;

    public NamesCoreTests()
    {
        _env.LiveServers.Add(s_sid);
        _core = new NamesCore(_env);
    }

    private NamesStatus Register(string name, uint limit = 0, byte pid = ServerPid, Sid? sid = null)
    {
        Registration registration = Wire.Registration(name, sid ?? s_sid, limit);
        return _core.Register(Senders.Of(pid), in registration);
    }

    private NamesStatus Connect(string name, byte pid, out ConnectRequest request)
    {
        request = Wire.Connect(name);
        return _core.TryConnect(Senders.Of(pid), ref request);
    }

    private bool Lookup(string name)
    {
        ServerName serverName = Wire.Name(name);
        return _core.Lookup(in serverName);
    }

    [Fact]
    public void Register_then_lookup_and_connect_gives_a_cid_in_the_callers_process()
    {
        Assert.Equal(NamesStatus.Ok, Register("ticktimer-server"));
        Assert.True(Lookup("ticktimer-server"));
        Assert.False(Lookup("ticktimer"));

        Assert.Equal(NamesStatus.Ok, Connect("ticktimer-server", 9, out ConnectRequest request));
        Assert.Equal(2u, request.Connection);
        Assert.Equal(1u, request.Generation);
        Assert.Equal((new Pid(9), s_sid), Assert.Single(_env.ConnectCalls));
        Assert.NotEqual(0u, request.Token0 | request.Token1 | request.Token2 | request.Token3);
        Assert.Equal(1u, _core.Statistics.Connections);
    }

    [Fact]
    public void Connection_limit_admits_the_first_connections_and_counts_every_one()
    {
        Assert.Equal(NamesStatus.Ok, Register("keys", limit: 2));
        Assert.Equal(NamesStatus.Ok, Connect("keys", 10, out ConnectRequest first));
        Assert.Equal(NamesStatus.Ok, Connect("keys", 11, out _));

        Assert.Equal(NamesStatus.LimitReached, Connect("keys", 12, out ConnectRequest refused));
        Assert.Equal(0u, refused.Connection);
        Assert.Equal(0u, refused.Token0 | refused.Token1 | refused.Token2 | refused.Token3);

        // A process that already connected is refused too: quota counts connections, not PIDs (a PID can be reused).
        Assert.Equal(NamesStatus.LimitReached, Connect("keys", 10, out _));
        Assert.Equal(NamesStatus.LimitReached, Connect("keys", 13, out _));
        Assert.Equal(3u, _core.Statistics.LimitRefusals);
        Assert.Equal(2, _env.ConnectCalls.Count);   // refused callers never reach the kernel
        Assert.NotEqual(0u, first.Connection);
    }

    [Fact]
    public void TrustedInitDone_is_true_only_when_every_limited_name_is_full()
    {
        Assert.True(_core.TrustedInitDone());
        Register("open");
        Assert.True(_core.TrustedInitDone());
        Register("two", limit: 2);
        Register("one", limit: 1);
        Assert.False(_core.TrustedInitDone());

        Connect("two", 10, out _);
        Assert.False(_core.TrustedInitDone());
        Connect("one", 10, out _);
        Assert.False(_core.TrustedInitDone());
        Connect("two", 10, out ConnectRequest second); // every connection counts, also the same process's second
        Assert.True(_core.TrustedInitDone());
        Assert.Equal(NamesStatus.LimitReached, Connect("two", 11, out _));

        DisconnectRequest disconnect = Wire.Disconnect("two", second.Token0, second.Token1, second.Token2, second.Token3);
        Assert.Equal(NamesStatus.Ok, _core.Disconnect(in disconnect));
        Assert.False(_core.TrustedInitDone());
    }

    [Fact]
    public void Disconnect_with_the_right_token_resets_the_count_and_issues_a_new_token()
    {
        Register("ime", limit: 1);
        Connect("ime", 10, out ConnectRequest holder);
        Assert.Equal(NamesStatus.LimitReached, Connect("ime", 11, out _));

        DisconnectRequest request = Wire.Disconnect("ime", holder.Token0, holder.Token1, holder.Token2, holder.Token3);
        Assert.Equal(NamesStatus.Ok, _core.Disconnect(in request));

        Assert.Equal(NamesStatus.Ok, Connect("ime", 11, out ConnectRequest successor));
        Assert.False(holder.Token0 == successor.Token0 && holder.Token1 == successor.Token1 &&
                     holder.Token2 == successor.Token2 && holder.Token3 == successor.Token3);
        Assert.Equal(NamesStatus.WrongToken, _core.Disconnect(in request));   // the old token is spent
    }

    [Fact]
    public void Disconnect_with_a_wrong_token_changes_nothing()
    {
        Register("ime", limit: 1);
        Connect("ime", 10, out ConnectRequest holder);

        for (int word = 0; word < 4; word++)
        {
            DisconnectRequest wrong = Wire.Disconnect(
                "ime", holder.Token0 ^ (word == 0 ? 1u : 0), holder.Token1 ^ (word == 1 ? 1u : 0),
                holder.Token2 ^ (word == 2 ? 1u : 0), holder.Token3 ^ (word == 3 ? 1u : 0));
            Assert.Equal(NamesStatus.WrongToken, _core.Disconnect(in wrong));
        }

        Assert.Equal(4u, _core.Statistics.WrongTokens);
        Assert.True(_core.TrustedInitDone());
        Assert.Equal(NamesStatus.LimitReached, Connect("ime", 11, out _));
        Assert.Equal(NamesStatus.LimitReached, Connect("ime", 10, out _));

        DisconnectRequest unknown = Wire.Disconnect("nobody", 0, 0, 0, 0);
        Assert.Equal(NamesStatus.NotRegistered, _core.Disconnect(in unknown));
    }

    [Fact]
    public void A_duplicate_registration_is_refused_and_asks_for_the_fixed_delay()
    {
        Assert.Equal(NamesStatus.Ok, Register("gam"));
        Assert.Equal(0u, _core.TakeReplyDelayMs());

        Assert.Equal(NamesStatus.AlreadyRegistered, Register("gam", pid: 7, sid: new Sid(9, 9, 9, 9)));
        Assert.Equal(NamesCore.DuplicateRegistrationDelayMs, _core.TakeReplyDelayMs());
        Assert.Equal(200u, NamesCore.DuplicateRegistrationDelayMs);
        Assert.Equal(0u, _core.TakeReplyDelayMs());   // taken once
        Assert.Equal(1u, _core.Statistics.DuplicateRegistrations);
        Assert.Equal(1u, _core.Generation);
    }

    public static TheoryData<byte[], uint> BadNames => new()
    {
        { [], 0 },                                                  // empty
        { new byte[64], 65 },                                       // longer than 64
        { "abc"u8.ToArray(), 2 },                                   // a non-zero byte past the length
        { "abc"u8.ToArray(), 100 },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Bad_names_are_refused_everywhere(byte[] bytes, uint length)
    {
        Register("abc");
        ServerName name = Wire.Name(bytes, length);
        var registration = new Registration { Name = name, Sid0 = 1 };
        Assert.Equal(NamesStatus.BadName, _core.Register(Senders.Of(ServerPid), in registration));
        Assert.Equal(NamesStatus.BadName, _core.Unregister(Senders.Of(ServerPid), in registration));
        Assert.False(_core.Lookup(in name));
        var connect = new ConnectRequest { Name = name };
        Assert.Equal(NamesStatus.BadName, _core.TryConnect(Senders.Of(9), ref connect));
        var disconnect = new DisconnectRequest { Name = name };
        Assert.Equal(NamesStatus.BadName, _core.Disconnect(in disconnect));
        Assert.Equal(0u, _core.TakeReplyDelayMs());
    }

    [Fact]
    public void The_longest_name_is_accepted()
    {
        string name = new('n', INames.MaxNameBytes);
        Assert.Equal(NamesStatus.Ok, Register(name));
        Assert.True(Lookup(name));
    }

    [Fact]
    public void Null_sid_or_absurd_limit_is_a_bad_registration()
    {
        Assert.Equal(NamesStatus.BadRegistration, Register("a", sid: default(Sid)));
        Assert.Equal(NamesStatus.BadRegistration, Register("a", limit: NamesCore.MaxConnectionLimit + 1));
        Assert.Equal(NamesStatus.Ok, Register("a", limit: NamesCore.MaxConnectionLimit));
    }

    [Fact]
    public void The_table_holds_MaxNames_names()
    {
        for (int i = 0; i < NamesCore.MaxNames; i++)
        {
            Assert.Equal(NamesStatus.Ok, Register("name" + i));
        }

        Assert.Equal(NamesStatus.TableFull, Register("one-more"));
        Assert.Equal(NamesStatus.AlreadyRegistered, Register("name0"));
        Assert.Equal(NamesCore.MaxNames, _core.RegisteredCount);

        Registration first = Wire.Registration("name0", s_sid);
        Assert.Equal(NamesStatus.Ok, _core.Unregister(Senders.Of(ServerPid), in first));
        Assert.Equal(NamesStatus.Ok, Register("one-more"));
    }

    [Fact]
    public void Only_the_registering_process_with_its_sid_may_unregister()
    {
        Register("pddb");
        Registration byOther = Wire.Registration("pddb", s_sid);
        Assert.Equal(NamesStatus.NotOwner, _core.Unregister(Senders.Of(6), in byOther));
        Registration wrongSid = Wire.Registration("pddb", new Sid(1, 2, 3, 5));
        Assert.Equal(NamesStatus.NotOwner, _core.Unregister(Senders.Of(ServerPid), in wrongSid));
        Assert.True(Lookup("pddb"));

        Assert.Equal(NamesStatus.Ok, _core.Unregister(Senders.Of(ServerPid), in byOther));
        Assert.False(Lookup("pddb"));
        Assert.Equal(NamesStatus.NotRegistered, _core.Unregister(Senders.Of(ServerPid), in byOther));
        Assert.Equal(NamesStatus.NotRegistered, Connect("pddb", 9, out _));
    }

    [Fact]
    public void WaitForRegistration_is_parked_until_the_next_registration()
    {
        Assert.Equal(NamesStatus.NotRegistered, Connect("late", 9, out ConnectRequest attempt));
        Assert.Equal(0u, attempt.Generation);

        DeferredReply waiting = Senders.Waiting(9);
        _core.WaitForRegistration(attempt.Generation, waiting);
        Assert.Empty(_env.Sink.Completed);
        Assert.Equal(1, _core.WaiterCount);

        Register("late");
        Assert.Equal(NamesDispatcher.WaitForRegistrationReply(1), _env.Sink.Single(waiting));
        Assert.Equal(0, _core.WaiterCount);
        Assert.Equal(NamesStatus.Ok, Connect("late", 9, out _));
    }

    [Fact]
    public void WaitForRegistration_answers_at_once_for_an_old_or_future_generation()
    {
        Register("a");
        Register("b");
        DeferredReply old = Senders.Waiting(9);
        DeferredReply future = Senders.Waiting(9);
        _core.WaitForRegistration(1, old);
        _core.WaitForRegistration(77, future);
        Assert.Equal(NamesDispatcher.WaitForRegistrationReply(2), _env.Sink.Single(old));
        Assert.Equal(NamesDispatcher.WaitForRegistrationReply(2), _env.Sink.Single(future));
        Assert.Equal(0, _core.WaiterCount);
    }

    [Fact]
    public void A_full_waiter_list_answers_at_once_with_the_unchanged_generation()
    {
        var parked = new List<DeferredReply>();
        for (int i = 0; i < NamesCore.MaxWaiters; i++)
        {
            DeferredReply waiter = Senders.Waiting(9);
            parked.Add(waiter);
            _core.WaitForRegistration(0, waiter);
        }

        DeferredReply overflow = Senders.Waiting(9);
        _core.WaitForRegistration(0, overflow);
        Assert.Equal(NamesDispatcher.WaitForRegistrationReply(0), _env.Sink.Single(overflow));
        Assert.Equal(1u, _core.Statistics.WaitersOverflowed);

        Register("x");
        foreach (DeferredReply waiter in parked)
        {
            Assert.Equal(NamesDispatcher.WaitForRegistrationReply(1), _env.Sink.Single(waiter));
        }
    }

    [Fact]
    public void A_stale_registration_is_dropped_when_the_kernel_no_longer_knows_its_server()
    {
        Register("crashy", limit: 1);
        _env.LiveServers.Clear();

        Assert.Equal(NamesStatus.ServerNotFound, Connect("crashy", 9, out ConnectRequest request));
        Assert.Equal(0u, request.Connection);
        Assert.False(Lookup("crashy"));
        Assert.Equal(1u, _core.Statistics.StaleRegistrationsDropped);
        Assert.True(_core.TrustedInitDone());

        var restarted = new Sid(7, 7, 7, 7);
        _env.LiveServers.Add(restarted);
        Assert.Equal(NamesStatus.Ok, Register("crashy", sid: restarted));
        Assert.Equal(NamesStatus.Ok, Connect("crashy", 9, out _));
    }

    [Fact]
    public void Another_kernel_refusal_is_reported_as_LimitReached_and_uses_no_quota()
    {
        Register("spinor", limit: 1);
        _env.ForcedError = XousError.OutOfMemory;
        Assert.Equal(NamesStatus.LimitReached, Connect("spinor", 9, out _));
        Assert.Equal(1u, _core.Statistics.KernelRefusals);
        Assert.True(Lookup("spinor"));
        Assert.False(_core.TrustedInitDone());

        _env.ForcedError = null;
        Assert.Equal(NamesStatus.Ok, Connect("spinor", 10, out _));
        Assert.True(_core.TrustedInitDone());
    }

    [Fact]
    public void TryConnect_always_sets_the_generation_and_clears_what_the_client_sent()
    {
        Register("a");
        var request = new ConnectRequest
        {
            Name = Wire.Name("missing"),
            Connection = 0xDEAD,
            Token0 = 1,
            Token1 = 2,
            Token2 = 3,
            Token3 = 4,
            Generation = 99,
        };
        Assert.Equal(NamesStatus.NotRegistered, _core.TryConnect(Senders.Of(9), ref request));
        Assert.Equal((1u, 0u, 0u, 0u, 0u, 0u), (request.Generation, request.Connection, request.Token0, request.Token1, request.Token2, request.Token3));
    }

    [Fact]
    public void ProcessExited_drops_its_registrations_and_waiters()
    {
        Register("mine");
        Register("theirs", pid: 6);
        _core.WaitForRegistration(2, Senders.Waiting(ServerPid));
        _core.WaitForRegistration(2, Senders.Waiting(7));

        Assert.Equal(1, _core.ProcessExited(new Pid(ServerPid)));
        Assert.False(Lookup("mine"));
        Assert.True(Lookup("theirs"));
        Assert.Equal(1, _core.WaiterCount);
    }
}
