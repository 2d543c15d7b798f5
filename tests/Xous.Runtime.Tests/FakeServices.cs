using System.Runtime.InteropServices;
using Xous.Abi;
using Xous.Ipc;
using Xous.Log.Api;
using Xous.Names.Api;
using Xous.Ticktimer.Api;

namespace Xous.Runtime.Tests;

/// <summary>A process with a fake kernel that hosts the log, ticktimer and name server models.</summary>
internal sealed class TestProcess
{
    public TestProcess()
    {
        Port = new FakeKernelPort();
        Log = new FakeLog();
        Ticktimer = new FakeTicktimer(Port);
        Names = new FakeNames(Port);
        LogConnection = Port.Host(LogServerId.Sid, new LogDispatcher(Log));
        TicktimerConnection = Port.Host(TicktimerServerId.Sid, new TicktimerDispatcher(Ticktimer));
        NamesConnection = Port.Host(NamesServerId.Sid, new NamesDispatcher(Names));
        Context = new ProcessContext(Port);
    }

    public FakeKernelPort Port { get; }

    public FakeLog Log { get; }

    public FakeTicktimer Ticktimer { get; }

    public FakeNames Names { get; }

    public uint LogConnection { get; }

    public uint TicktimerConnection { get; }

    public uint NamesConnection { get; }

    public ProcessContext Context { get; }
}

/// <summary>Records what reaches the log server.</summary>
internal sealed class FakeLog : ILogHandler
{
    private readonly object _gate = new();

    public List<LogRecord> Records { get; } = new();

    public List<string> StandardOutput { get; } = new();

    public List<byte[]> StandardOutputChunks { get; } = new();

    public List<string> StandardError { get; } = new();

    public List<string> ProgramNames { get; } = new();

    public List<byte> PanicText { get; } = new();

    public int PanicsStarted { get; private set; }

    public int PanicsFinished { get; private set; }

    public void Record(MessageSender sender, in LogRecord record)
    {
        lock (_gate)
        {
            Records.Add(record);
        }
    }

    void ILogHandler.StandardOutput(MessageSender sender, ReadOnlySpan<byte> text)
    {
        lock (_gate)
        {
            StandardOutputChunks.Add(text.ToArray());
            StandardOutput.Add(System.Text.Encoding.UTF8.GetString(text));
        }
    }

    void ILogHandler.StandardError(MessageSender sender, ReadOnlySpan<byte> text) =>
        StandardError.Add(System.Text.Encoding.UTF8.GetString(text));

    public void ProgramName(MessageSender sender, ReadOnlySpan<byte> name) =>
        ProgramNames.Add(System.Text.Encoding.UTF8.GetString(name));

    public void PanicStarted(MessageSender sender) => PanicsStarted++;

    public void PanicMessage0(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(1, unit0, unit1, unit2, unit3);

    public void PanicMessage1(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(2, unit0, unit1, unit2, unit3);

    public void PanicMessage2(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(3, unit0, unit1, unit2, unit3);

    public void PanicMessage3(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(4, unit0, unit1, unit2, unit3);

    public void PanicMessage4(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(5, unit0, unit1, unit2, unit3);

    public void PanicMessage5(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(6, unit0, unit1, unit2, unit3);

    public void PanicMessage6(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(7, unit0, unit1, unit2, unit3);

    public void PanicMessage7(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(8, unit0, unit1, unit2, unit3);

    public void PanicMessage8(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(9, unit0, unit1, unit2, unit3);

    public void PanicMessage9(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(10, unit0, unit1, unit2, unit3);

    public void PanicMessage10(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(11, unit0, unit1, unit2, unit3);

    public void PanicMessage11(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(12, unit0, unit1, unit2, unit3);

    public void PanicMessage12(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(13, unit0, unit1, unit2, unit3);

    public void PanicMessage13(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(14, unit0, unit1, unit2, unit3);

    public void PanicMessage14(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(15, unit0, unit1, unit2, unit3);

    public void PanicMessage15(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => Chunk(16, unit0, unit1, unit2, unit3);

    public void PanicFinished(MessageSender sender) => PanicsFinished++;

    public string PanicString => System.Text.Encoding.UTF8.GetString(PanicText.ToArray());

    public static string TextOf(LogRecord record)
    {
        byte[] bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref record, 1)).ToArray();
        return System.Text.Encoding.UTF8.GetString(bytes, 16 + LogRecord.SourceCapacity, (int)record.TextLength);
    }

    public static string SourceOf(LogRecord record)
    {
        byte[] bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref record, 1)).ToArray();
        return System.Text.Encoding.UTF8.GetString(bytes, 16, (int)record.SourceLength);
    }

    private void Chunk(int length, uint unit0, uint unit1, uint unit2, uint unit3)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, unit0);
        BitConverter.TryWriteBytes(bytes[4..], unit1);
        BitConverter.TryWriteBytes(bytes[8..], unit2);
        BitConverter.TryWriteBytes(bytes[12..], unit3);
        PanicText.AddRange(bytes[..length].ToArray());
    }
}

/// <summary>
/// The ticktimer's mutex and condition semantics as a model: LockMutex blocks the calling thread until an unlock is
/// pending for the key; UnlockMutex hands the mutex to a waiter or records a pending unlock; WaitForCondition blocks
/// until notified or timed out; NotifyCondition wakes up to count parked waiters and says how many.
/// </summary>
internal sealed class FakeTicktimer : ITicktimerHandler
{
    private readonly IDeferredReplySink _sink;
    private readonly object _gate = new();
    private readonly Dictionary<ulong, int> _pendingUnlocks = new();
    private readonly Dictionary<ulong, int> _lockWaiters = new();
    private readonly Dictionary<ulong, int> _parked = new();
    private readonly Dictionary<ulong, int> _grants = new();

    public FakeTicktimer(IDeferredReplySink sink) => _sink = sink;

    public ulong Now { get; set; } = 1234;

    /// <summary>Operations in arrival order, e.g. ("LockMutex", key).</summary>
    public List<(string Operation, ulong Key)> Operations { get; } = new();

    public List<uint> Sleeps { get; } = new();

    public int LockWaiters(ulong key)
    {
        lock (_gate)
        {
            return _lockWaiters.GetValueOrDefault(key);
        }
    }

    public int Parked(ulong key)
    {
        lock (_gate)
        {
            return _parked.GetValueOrDefault(key);
        }
    }

    public (string Operation, ulong Key)[] OperationsSnapshot()
    {
        lock (_gate)
        {
            return Operations.ToArray();
        }
    }

    public ulong ElapsedMs() => Now;

    public void SleepMs(uint milliseconds, DeferredReply reply)
    {
        lock (_gate)
        {
            Sleeps.Add(milliseconds);
        }

        _sink.Complete(reply, TicktimerDispatcher.SleepMsReply());
    }

    public void RecalculateSleep(MessageSender sender)
    {
    }

    public void LockMutex(ulong key, DeferredReply reply)
    {
        lock (_gate)
        {
            Operations.Add(("LockMutex", key));
            if (_pendingUnlocks.GetValueOrDefault(key) > 0)
            {
                _pendingUnlocks[key]--;
            }
            else
            {
                _lockWaiters[key] = _lockWaiters.GetValueOrDefault(key) + 1;
                while (_pendingUnlocks.GetValueOrDefault(key) == 0)
                {
                    Monitor.Wait(_gate);
                }

                _pendingUnlocks[key]--;
                _lockWaiters[key]--;
            }
        }

        _sink.Complete(reply, TicktimerDispatcher.LockMutexReply());
    }

    public void UnlockMutex(MessageSender sender, ulong key)
    {
        lock (_gate)
        {
            Operations.Add(("UnlockMutex", key));
            _pendingUnlocks[key] = _pendingUnlocks.GetValueOrDefault(key) + 1;
            Monitor.PulseAll(_gate);
        }
    }

    public void WaitForCondition(ulong key, uint timeoutMs, DeferredReply reply)
    {
        bool notified;
        lock (_gate)
        {
            Operations.Add(("WaitForCondition", key));
            _parked[key] = _parked.GetValueOrDefault(key) + 1;
            Monitor.PulseAll(_gate);
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs == 0 ? 60_000 : timeoutMs);
            while (_grants.GetValueOrDefault(key) == 0 && DateTime.UtcNow < deadline)
            {
                Monitor.Wait(_gate, deadline - DateTime.UtcNow);
            }

            notified = _grants.GetValueOrDefault(key) > 0;
            if (notified)
            {
                _grants[key]--;
            }
            else
            {
                _parked[key]--;
            }
        }

        _sink.Complete(reply, TicktimerDispatcher.WaitForConditionReply(notified));
    }

    public uint NotifyCondition(MessageSender sender, ulong key, uint count)
    {
        lock (_gate)
        {
            Operations.Add(("NotifyCondition", key));
            int woken = (int)Math.Min(count, (uint)_parked.GetValueOrDefault(key));
            _parked[key] = _parked.GetValueOrDefault(key) - woken;
            _grants[key] = _grants.GetValueOrDefault(key) + woken;
            Monitor.PulseAll(_gate);
            return (uint)woken;
        }
    }

    public void FreeMutex(MessageSender sender, ulong key)
    {
        lock (_gate)
        {
            Operations.Add(("FreeMutex", key));
        }
    }

    public void FreeCondition(MessageSender sender, ulong key)
    {
        lock (_gate)
        {
            Operations.Add(("FreeCondition", key));
        }
    }
}

/// <summary>A scripted name server: TryConnect answers come from <see cref="ConnectAnswers"/>, in order.</summary>
internal sealed class FakeNames : INamesHandler
{
    private readonly IDeferredReplySink _sink;

    public FakeNames(IDeferredReplySink sink) => _sink = sink;

    public Queue<(NamesStatus Status, uint Connection, uint Generation)> ConnectAnswers { get; } = new();

    public List<string> ConnectNames { get; } = new();

    public List<uint> WaitedGenerations { get; } = new();

    public List<Registration> Registrations { get; } = new();

    public List<string> RegisteredNames { get; } = new();

    public NamesStatus RegisterAnswer { get; set; } = NamesStatus.Ok;

    public NamesStatus Register(MessageSender sender, in Registration registration)
    {
        Registrations.Add(registration);
        Registration copy = registration;
        RegisteredNames.Add(NameOf(ref copy.Name));
        return RegisterAnswer;
    }

    public bool Lookup(in ServerName name) => false;

    public NamesStatus Unregister(MessageSender sender, in Registration registration) => NamesStatus.NotOwner;

    public NamesStatus Disconnect(in DisconnectRequest request) => NamesStatus.WrongToken;

    public bool TrustedInitDone() => true;

    public void WaitForRegistration(uint seenGeneration, DeferredReply reply)
    {
        WaitedGenerations.Add(seenGeneration);
        _sink.Complete(reply, NamesDispatcher.WaitForRegistrationReply(seenGeneration + 1));
    }

    public NamesStatus TryConnect(MessageSender sender, ref ConnectRequest request)
    {
        ConnectNames.Add(NameOf(ref request.Name));
        (NamesStatus status, uint connection, uint generation) = ConnectAnswers.Dequeue();
        request.Generation = generation;
        if (status == NamesStatus.Ok)
        {
            request.Connection = connection;
        }

        return status;
    }

    public static string NameOf(ref ServerName name)
    {
        byte[] bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref name, 1)).ToArray();
        return System.Text.Encoding.UTF8.GetString(bytes, 0, (int)name.Length);
    }
}
