using Xous.Abi;

namespace Xous.Kernel.Tests;

/// <summary>
/// Drives random valid and invalid syscalls from several processes and threads, checking every invariant after each
/// step, that every Resume answers exactly one outstanding call, that nothing blocked is lost when servers are
/// drained and destroyed, that every Scalar and Move the kernel accepted is received unless its server went away
/// (also when its sender ended first), and that terminating everything frees every page.
/// </summary>
public class PropertyTests
{
    private const uint Page = Limits.PageSize;

    [Fact]
    public void Random_syscalls_keep_every_invariant_fixed_seed() => new Driver(20240601).Run(10_000);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_syscalls_keep_every_invariant_more_seeds(int seed) => new Driver(seed).Run(4_000);

    /// <summary>A Scalar or Move the kernel answered Ok and that has not been received yet.</summary>
    private sealed class Accepted(Sid server, Pid sender, MessageKind kind)
    {
        public Sid Server { get; } = server;

        public Pid Sender { get; } = sender;

        public MessageKind Kind { get; } = kind;

        public bool SenderEnded { get; set; }
    }

    private sealed class Driver
    {
        // Ids of tracked Scalars and Moves: above anything a forged call's random words produce.
        private const nuint TrackedIdBase = 0x9000_0000;

        private static readonly Sid[] s_sids = [Harness.TestSid(1), Harness.TestSid(2), Harness.TestSid(3), Harness.TestSid(4), Harness.TestSid(5)];
        private readonly Random _random;
        private readonly Harness _h;
        private readonly Dictionary<(Pid, Tid), Syscall> _outstanding = [];
        private readonly List<(Pid Process, MemoryRange Range)> _ranges = [];
        private readonly List<(Pid Process, MessageEnvelope Envelope)> _envelopes = [];
        private readonly List<(Pid Process, Cid Connection)> _connections = [];
        private readonly HashSet<Sid> _sids = [.. s_sids];
        private readonly List<(Pid Owner, Sid Sid)> _servers = [];
        private readonly Dictionary<(Pid, Cid), Sid> _connectionSids = [];
        private readonly Dictionary<Sid, Pid> _liveServers = [];
        private readonly Dictionary<nuint, Accepted> _accepted = [];
        private readonly HashSet<nuint> _receivedBeforeAccepted = [];
        private nuint _nextTrackedId = TrackedIdBase;
        private int _deliveredAfterSenderEnded;
        private Pid? _endSoon;
        private int _seenResumes;
        private int _seenEnded;
        private int _step;

        public Driver(int seed)
        {
            _random = new Random(seed);
            _h = new Harness(new KernelConfig { MaxProcesses = 8, PhysicalPages = 192, MaxRegionsPerProcess = 24, MaxMessageBytes = 8 * Page });
        }

        public void Run(int steps)
        {
            for (_step = 0; _step < steps; _step++)
            {
                Step();
                Settle(null);
            }

            Drain();
            foreach (Pid p in LiveProcesses())
            {
                Assert.Equal(XousError.NoError, _h.Kernel.TerminateProcess(p, 0));
                Settle(null);
            }

            Assert.Empty(_outstanding);
            Assert.Empty(_accepted);
            Assert.Empty(_receivedBeforeAccepted);
            Assert.Equal(_h.Kernel.Statistics.TotalPages, _h.Kernel.Statistics.FreePages);
            Assert.Equal(0, _h.Kernel.Statistics.Servers);
            // Not vacuous: messages of every kind went through (the rate is low because most random calls are refused).
            Assert.True(_h.Kernel.Statistics.MessagesReceived >= (ulong)(steps / 100), "only " + _h.Kernel.Statistics.MessagesReceived + " messages received");
            Assert.True(_deliveredAfterSenderEnded > 0, "no Scalar or Move outlived its sender");
        }

        private List<Pid> LiveProcesses()
        {
            var list = new List<Pid>();
            for (int i = 2; i <= 8; i++)
            {
                if (_h.Kernel.IsProcessAlive(new Pid((byte)i)))
                {
                    list.Add(new Pid((byte)i));
                }
            }

            return list;
        }

        private List<Tid> RunningThreads(Pid p)
        {
            var list = new List<Tid>();
            for (int t = 0; t < Limits.MaxThreadsPerProcess; t++)
            {
                if (_h.Kernel.IsThreadRunning(p, new Tid((nuint)t)))
                {
                    list.Add(new Tid((nuint)t));
                }
            }

            return list;
        }

        private void Step()
        {
            List<Pid> live = LiveProcesses();
            int roll = _random.Next(1000);
            if (live.Count < 2 || roll < 15)
            {
                if (_h.Kernel.CreateProcess(out Pid created) == XousError.NoError)
                {
                    _ranges.Add((created, MemoryRange.Create(0x6000_0000, Page)));
                }

                return;
            }

            Pid p = live[_random.Next(live.Count)];
            if (roll < 22)
            {
                _h.Kernel.TerminateProcess(p, (uint)_random.Next(5));
                return;
            }

            if (_endSoon is { } sender && roll < 500)
            {
                // A client whose Scalar or Move is still queued at another process's server ends: it must still be
                // received.
                _endSoon = null;
                if (_accepted.Values.Any(a => a.Sender == sender && !a.SenderEnded))
                {
                    _h.Kernel.TerminateProcess(sender, 0);
                    return;
                }
            }

            List<Tid> running = RunningThreads(p);
            if (roll < 32 && running.Count > (roll < 24 ? 0 : 1))
            {
                _h.Kernel.ExitThread(p, running[_random.Next(running.Count)], (nuint)_random.Next(100));
                return;
            }

            if (running.Count == 0 && roll < 60)
            {
                _h.Kernel.TerminateProcess(p, 0);
                return;
            }

            if (running.Count == 0 || roll < 40)
            {
                // A thread that cannot call (free or blocked): answered at once with InvalidThread.
                var anyTid = new Tid((nuint)_random.Next(33));
                if (!_h.Kernel.IsThreadRunning(p, anyTid))
                {
                    Execute(p, anyTid, Syscall.Yield(), expectInvalidThread: true);
                }

                return;
            }

            Tid tid = running[_random.Next(running.Count)];
            Execute(p, tid, RandomCall(p), expectInvalidThread: false);
        }

        private void Execute(Pid p, Tid tid, Syscall call, bool expectInvalidThread)
        {
            if (!expectInvalidThread)
            {
                _outstanding.Add((p, tid), call);
            }

            _h.Kernel.Execute(p, tid, in call);
            Settle(expectInvalidThread ? (p, tid) : null);
        }

        /// <summary>Matches new Resumes to outstanding calls, forgets calls of ended processes, checks invariants.</summary>
        private void Settle((Pid, Tid)? invalidThreadCaller)
        {
            bool sawInvalid = false;
            for (; _seenResumes < _h.Arch.Resumes.Count; _seenResumes++)
            {
                ResumeRecord r = _h.Arch.Resumes[_seenResumes];
                var key = (r.Process, r.Thread);
                if (invalidThreadCaller == key && !sawInvalid && r.Result.IsError && r.Result.Error == XousError.InvalidThread)
                {
                    sawInvalid = true;
                    continue;
                }

                Assert.True(_outstanding.Remove(key, out Syscall call), "step " + _step + ": a Resume for " + key + " that made no call");
                Observe(r, call);
            }

            Assert.True(invalidThreadCaller is null || sawInvalid, "step " + _step + ": no InvalidThread answer");
            for (; _seenEnded < _h.Arch.Ended.Count; _seenEnded++)
            {
                Pid ended = _h.Arch.Ended[_seenEnded].Process;
                foreach (var key in _outstanding.Keys.Where(k => k.Item1 == ended).ToList())
                {
                    _outstanding.Remove(key);
                }

                foreach (Accepted a in _accepted.Values.Where(a => a.Sender == ended))
                {
                    a.SenderEnded = true;
                }

                foreach (Sid gone in _liveServers.Where(x => x.Value == ended).Select(x => x.Key).ToList())
                {
                    ServerGone(gone);
                }

                foreach (var key in _connectionSids.Keys.Where(k => k.Item1 == ended).ToList())
                {
                    _connectionSids.Remove(key);
                }

                _ranges.RemoveAll(x => x.Process == ended);
                _connections.RemoveAll(x => x.Process == ended);
                _servers.RemoveAll(x => x.Owner == ended);
                _envelopes.RemoveAll(x => x.Process == ended);
            }

            foreach (var key in _outstanding.Keys)
            {
                Assert.False(_h.Kernel.IsThreadRunning(key.Item1, key.Item2), "step " + _step + ": " + key + " runs without its result");
                Assert.True(_h.Kernel.IsProcessAlive(key.Item1));
            }

            string? violation = _h.Kernel.FindInvariantViolation();
            Assert.True(violation is null, "step " + _step + ": " + violation);
        }

        /// <summary>The server with this SID was destroyed: what was queued there is dropped, as it may be.</summary>
        private void ServerGone(Sid sid)
        {
            _liveServers.Remove(sid);
            foreach (nuint id in _accepted.Where(x => x.Value.Server == sid).Select(x => x.Key).ToList())
            {
                _accepted.Remove(id);
            }
        }

        private void ObserveTracked(ResumeRecord r, Syscall call)
        {
            if (call.Number is SyscallNumber.SendMessage or SyscallNumber.TrySendMessage && r.Result.Tag == ResultTag.Ok &&
                call.Message.Kind is MessageKind.Scalar or MessageKind.Move && call.Message.Id >= TrackedIdBase)
            {
                nuint id = call.Message.Id;
                if (!_receivedBeforeAccepted.Remove(id))
                {
                    Assert.True(_connectionSids.TryGetValue((r.Process, call.Connection), out Sid sid), "step " + _step + ": a send on an unknown connection was accepted");
                    _accepted.Add(id, new Accepted(sid, r.Process, call.Message.Kind));
                    if (_liveServers.TryGetValue(sid, out Pid owner) && owner != r.Process && _random.Next(2) == 0)
                    {
                        _endSoon = r.Process;
                    }
                }
            }
            else if (call.Number == SyscallNumber.DestroyServer && r.Result.Tag == ResultTag.Ok)
            {
                ServerGone(call.ServerId);
            }
            else if (r.Result.Tag == ResultTag.MessageEnvelope && r.Result.Envelope.Body.Kind is MessageKind.Scalar or MessageKind.Move &&
                r.Result.Envelope.Body.Id >= TrackedIdBase)
            {
                MessageEnvelope e = r.Result.Envelope;
                if (_accepted.Remove(e.Body.Id, out Accepted? a))
                {
                    Assert.Equal(a.Sender, e.Sender.ProcessId);
                    Assert.Equal(a.Kind, e.Body.Kind);
                    _deliveredAfterSenderEnded += a.SenderEnded ? 1 : 0;
                }
                else
                {
                    // Handed to a waiting receiver inside the send, before the sender's Ok.
                    Assert.True(_receivedBeforeAccepted.Add(e.Body.Id));
                }
            }

            if (r.Result.Tag is ResultTag.ConnectionId or ResultTag.NewServerId)
            {
                Pid owner = call.Number == SyscallNumber.ConnectForProcess ? call.TargetProcess!.Value : r.Process;
                Sid sid = r.Result.Tag == ResultTag.NewServerId ? r.Result.ServerId : call.ServerId;
                _connectionSids[(owner, r.Result.ConnectionId)] = sid;
                if (r.Result.Tag == ResultTag.NewServerId)
                {
                    _liveServers[sid] = r.Process;
                }
            }
        }

        private void Observe(ResumeRecord r, Syscall call)
        {
            ObserveTracked(r, call);
            if (r.Result.IsError && r.Result.Error == XousError.ServerNotFound && call.Number is SyscallNumber.SendMessage or SyscallNumber.TrySendMessage)
            {
                _connections.Remove((r.Process, new Cid((uint)call.Arg1)));
            }

            if (r.Result.Tag is ResultTag.ConnectionId or ResultTag.NewServerId)
            {
                Pid owner = call.Number == SyscallNumber.ConnectForProcess ? call.TargetProcess!.Value : r.Process;
                _connections.Add((owner, r.Result.ConnectionId));
                if (r.Result.Tag == ResultTag.NewServerId)
                {
                    _sids.Add(r.Result.ServerId);
                    _servers.Add((r.Process, r.Result.ServerId));
                }
            }
            else if (r.Result.Tag == ResultTag.MemoryRange)
            {
                _ranges.Add((r.Process, r.Result.MemoryRange));
            }
            else if (r.Result.Tag == ResultTag.MessageEnvelope)
            {
                MessageEnvelope e = r.Result.Envelope;
                _envelopes.Add((r.Process, e));
                if (e.Body.HasMemory)
                {
                    Assert.Equal(e.Body.Buffer, r.Attached);
                    _ranges.Add((r.Process, e.Body.Buffer));
                }
            }
            else if (r.Result.Tag == ResultTag.MemoryReturned || (r.Result.IsError && !r.Attached.IsEmpty))
            {
                Assert.Equal(SyscallNumber.SendMessage, call.Number == SyscallNumber.TrySendMessage ? SyscallNumber.SendMessage : call.Number);
                Assert.True(_h.CanRead(r.Process, r.Attached) || !_h.Kernel.IsProcessAlive(r.Process) || r.Attached.IsEmpty);
            }
        }

        private Sid OwnedSid(Pid p)
        {
            var mine = _servers.Where(x => x.Owner == p).ToList();
            return mine.Count > 0 && _random.Next(6) != 0 ? mine[_random.Next(mine.Count)].Sid : RandomSid();
        }

        private Sid LiveSid() => _servers.Count > 0 && _random.Next(5) != 0 ? _servers[_random.Next(_servers.Count)].Sid : RandomSid();

        private Sid RandomSid() => _random.Next(10) == 0 ? new Sid((uint)_random.Next(), 1, 2, 3) : s_sids[_random.Next(s_sids.Length)];

        private MemoryRange RandomRange(Pid p)
        {
            int roll = _random.Next(10);
            var mine = _ranges.Where(x => x.Process == p).ToList();
            if (roll < 7 && mine.Count > 0)
            {
                MemoryRange r = mine[_random.Next(mine.Count)].Range;
                if (roll < 2 && r.Size > Page)
                {
                    nuint pages = r.Size / Page;
                    nuint first = (nuint)_random.Next((int)pages);
                    nuint count = (nuint)_random.Next(1, (int)(pages - first) + 1);
                    return MemoryRange.Create(r.Address + (first * Page), count * Page);
                }

                return r;
            }

            nuint address = roll == 9 ? (nuint)_random.Next(1, 1 << 20) : (nuint)(0x6000_0000 + (_random.Next(16) * Page));
            return MemoryRange.Create(address, (nuint)(_random.Next(1, 4) * Page) + (roll == 8 ? 1u : 0u));
        }

        private MessageSender RandomSender(Pid p)
        {
            var mine = _envelopes.Where(x => x.Process == p).ToList();
            if (mine.Count == 0 || _random.Next(12) == 0)
            {
                return _envelopes.Count > 0 && _random.Next(2) == 0
                    ? _envelopes[_random.Next(_envelopes.Count)].Envelope.Sender
                    : new MessageSender((uint)_random.Next());
            }

            return mine[_random.Next(mine.Count)].Envelope.Sender;
        }

        private MessageEnvelope? RandomEnvelope(Pid p)
        {
            var mine = _envelopes.Where(x => x.Process == p).ToList();
            return mine.Count == 0 ? null : mine[_random.Next(mine.Count)].Envelope;
        }

        private Syscall RandomCall(Pid p)
        {
            const MemoryFlags Rw = MemoryFlags.R | MemoryFlags.W;
            var known = _connections.Where(x => x.Process == p).ToList();
            Cid cid = known.Count > 0 && _random.Next(5) != 0 ? known[_random.Next(known.Count)].Connection : new Cid((uint)_random.Next(1, 9));
            nuint word = (nuint)_random.Next(0, 6);
            if (_random.Next(4) == 0 && _servers.Any(x => x.Owner == p))
            {
                Sid own = OwnedSid(p);
                return _random.Next(3) == 0 ? RandomReply(p) : _random.Next(2) == 0 ? Syscall.ReceiveMessage(own) : Syscall.TryReceiveMessage(own);
            }

            if (_random.Next(4) == 0 && known.Count > 0)
            {
                return RandomSend(p, cid);
            }

            switch (_random.Next(32))
            {
                case 0:
                    return Syscall.MapMemory(_random.Next(20) == 0 ? Page : 0, _random.Next(3) == 0 ? RandomRange(p).Address : 0,
                        (nuint)_random.Next(1, 5) * Page, _random.Next(8) == 0 ? MemoryFlags.R : Rw);
                case 1:
                    return Syscall.UnmapMemory(RandomRange(p));
                case 2:
                    return Syscall.IncreaseHeap((nuint)_random.Next(0, 3) * Page, Rw);
                case 3:
                    return Syscall.DecreaseHeap((nuint)_random.Next(0, 3) * Page);
                case 4:
                    return Syscall.CreateServerWithAddress(RandomSid());
                case 5:
                    return _random.Next(4) != 0 ? Syscall.CreateServer() : Syscall.DestroyServer(_random.Next(8) == 0 ? RandomSid() : OwnedSid(p));
                case 6:
                    return _random.Next(3) == 0 ? Syscall.Connect(LiveSid()) : Syscall.TryConnect(LiveSid());
                case 7:
                    return Syscall.ConnectForProcess(new Pid((byte)_random.Next(1, 10)), LiveSid());
                case 8:
                    return Syscall.Disconnect(new Cid((uint)_random.Next(0, 36)));
                case 9:
                case 24:
                case 25:
                case 10:
                case 11:
                case 12:
                    return RandomSend(p, cid);
                case 13:
                case 14:
                case 26:
                    Sid receiveOn = OwnedSid(p);
                    return _random.Next(2) == 0 ? Syscall.ReceiveMessage(receiveOn) : Syscall.TryReceiveMessage(receiveOn);
                case 15:
                case 16:
                    return RandomReply(p);
                case 17:
                    return Syscall.CreateThread(0x1000, RandomRange(p));
                case 18:
                    return Syscall.JoinThread(new Tid((nuint)_random.Next(0, 32)));
                case 19:
                    return _random.Next(2) == 0 ? Syscall.WaitEvent() : Syscall.Yield();
                case 20:
                    return Syscall.AdjustProcessLimit(_random.Next(2) == 0 ? ProcessLimit.HeapMaximum : ProcessLimit.HeapSize,
                        (nuint)_random.Next(0, 3) * 512 * 1024, (nuint)_random.Next(0, 5) * 256 * 1024);
                case 21:
                    return Syscall.UpdateMemoryFlags(RandomRange(p), _random.Next(2) == 0 ? MemoryFlags.R : Rw);
                case 22:
                    return _random.Next(2) == 0 ? Syscall.GetThreadId() : Syscall.GetProcessId();
                case 23:
                    return _random.Next(40) == 0 ? Syscall.TerminateProcess(1) : Syscall.CreateServerId();
                default:
                    return Harness.Forge((SyscallNumber)_random.Next(0, 48), Word(), Word(), Word(), Word(), Word(), Word(), word == 0 ? nuint.MaxValue : Word());
            }
        }

        private nuint Word() => _random.Next(6) switch
        {
            0 => 0,
            1 => (nuint)_random.Next(0, 40),
            2 => (nuint)(0x6000_0000 + (_random.Next(8) * Page)),
            3 => Page * (nuint)_random.Next(1, 4),
            4 => unchecked((nuint)ulong.MaxValue),
            _ => (nuint)(uint)_random.Next(),
        };

        private Syscall RandomSend(Pid p, Cid cid)
        {
            var id = (nuint)_random.Next(100);
            int kind = _random.Next(5);
            if (kind is 0 or 4)
            {
                id = _nextTrackedId++;
            }

            Message message = kind switch
            {
                0 => Message.Scalar(id, 1, 2, 3, 4),
                1 => Message.BlockingScalar(id, 5, 6, 7, 8),
                2 => Message.Borrow(id, RandomRange(p), (nuint)_random.Next(3), (nuint)_random.Next(3)),
                3 => Message.MutableBorrow(id, RandomRange(p), 1, 2),
                _ => Message.Move(id, RandomRange(p), 0, 3),
            };
            return _random.Next(3) == 0 ? Syscall.TrySendMessage(cid, message) : Syscall.SendMessage(cid, message);
        }

        private Syscall RandomReply(Pid p)
        {
            MessageEnvelope? e = RandomEnvelope(p);
            MessageSender sender = RandomSender(p);
            bool memory = e is { Body.HasMemory: true };
            if (e is { } envelope && _random.Next(4) != 0)
            {
                sender = envelope.Sender;
            }

            if (memory && _random.Next(3) != 0)
            {
                MemoryRange buffer = e!.Value.Body.Buffer;
                return _random.Next(3) == 0
                    ? Syscall.ReplyAndReceiveNextWithMemory(sender, buffer, 1, 2)
                    : Syscall.ReturnMemory(sender, buffer, 3, 4);
            }

            return _random.Next(5) switch
            {
                0 => Syscall.ReturnScalar2(sender, 1, 2),
                1 => Syscall.ReturnScalar5(sender, 1, 2, 3, 4, 5),
                2 => Syscall.ReplyAndReceiveNext(sender, ReplyKind.Scalar1, 9),
                3 => Syscall.ReturnMemory(sender, RandomRange(p)),
                _ => Syscall.ReturnScalar1(sender, 7),
            };
        }

        /// <summary>
        /// The queue of a live server is empty: every Scalar and Move accepted for it was received, except a Move whose
        /// sender ended while the server had no room to take its pages (dropped and counted).
        /// </summary>
        private void AssertNothingAcceptedIsLost(Sid sid)
        {
            var lost = _accepted.Where(x => x.Value.Server == sid).ToList();
            foreach (var pair in lost)
            {
                Assert.True(pair.Value.Kind == MessageKind.Move && pair.Value.SenderEnded, "message " + pair.Key + " to " + sid + " was accepted but never received");
                _accepted.Remove(pair.Key);
            }

            Assert.True(lost.Count == 0 || _h.Kernel.Statistics.MessagesDropped >= (ulong)lost.Count);
        }

        /// <summary>
        /// Receives and answers everything queued, destroys every server, and checks that no thread still waits for
        /// a message, a reply or queue space: nothing sent was lost.
        /// </summary>
        private void Drain()
        {
            foreach (Pid p in LiveProcesses())
            {
                List<Tid> running = RunningThreads(p);
                foreach (Sid sid in _sids)
                {
                    for (int guard = 0; guard < 200 && running.Count > 0; guard++)
                    {
                        Execute(p, running[0], Syscall.TryReceiveMessage(sid), false);
                        ResumeRecord last = _h.Arch.Resumes[^1];
                        if (last.Result.Tag == ResultTag.None)
                        {
                            AssertNothingAcceptedIsLost(sid);
                        }

                        if (last.Result.Tag != ResultTag.MessageEnvelope)
                        {
                            break;
                        }

                        MessageEnvelope e = last.Result.Envelope;
                        if (e.Body.Kind == MessageKind.BlockingScalar)
                        {
                            Execute(p, running[0], Syscall.ReturnScalar1(e.Sender, 0), false);
                        }
                        else if (e.Body.Kind is MessageKind.Borrow or MessageKind.MutableBorrow)
                        {
                            Execute(p, running[0], Syscall.ReturnMemory(e.Sender, e.Body.Buffer), false);
                        }
                    }
                }
            }

            for (int round = 0; round < 10 && _h.Kernel.Statistics.Servers > 0; round++)
            {
                foreach (Pid p in LiveProcesses())
                {
                    List<Tid> running = RunningThreads(p);
                    if (running.Count == 0)
                    {
                        // Its servers go with it.
                        _h.Kernel.TerminateProcess(p, 0);
                        Settle(null);
                        continue;
                    }

                    foreach (Sid sid in _sids)
                    {
                        Execute(p, running[0], Syscall.DestroyServer(sid), false);
                    }
                }
            }

            Assert.Equal(0, _h.Kernel.Statistics.Servers);
            foreach (var pair in _outstanding)
            {
                SyscallNumber n = pair.Value.Number;
                Assert.True(n is SyscallNumber.Connect or SyscallNumber.JoinThread or SyscallNumber.WaitEvent,
                    pair.Key + " still waits in " + n + " after every server was drained and destroyed");
            }
        }
    }
}
