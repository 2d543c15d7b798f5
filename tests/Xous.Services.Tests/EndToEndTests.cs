using Xous.Abi;
using Xous.Ipc;
using Xous.Log.Api;
using Xous.Log.Core;
using Xous.Names.Api;
using Xous.Names.Core;
using Xous.Ticktimer.Api;
using Xous.Ticktimer.Core;

namespace Xous.Services.Tests;

/// <summary>
/// Each core behind its generated dispatcher, called through its generated client over <see cref="DirectChannel"/>:
/// every message kind the contracts use (Scalar, BlockingScalar, deferred BlockingScalar, Borrow, MutableBorrow, Move).
/// </summary>
public class EndToEndTests
{
    [Fact]
    public void Names_through_the_generated_client()
    {
        var env = new InsecureFakeNamesEnvironment();
        var sid = new Sid(11, 12, 13, 14);
        env.LiveServers.Add(sid);
        var core = new NamesCore(env);
        var dispatcher = new NamesDispatcher(core);
        var channel = new DirectChannel(dispatcher, env.Sink, caller: 6);
        var client = new NamesClient(channel);

        Registration registration = Wire.Registration("keyboard", sid, limit: 1);
        Assert.Equal(NamesStatus.Ok, client.Register(in registration));                   // Borrow, with sender
        Assert.Equal(NamesStatus.AlreadyRegistered, client.Register(in registration));
        Assert.Equal(NamesCore.DuplicateRegistrationDelayMs, core.TakeReplyDelayMs());

        ServerName name = Wire.Name("keyboard");
        Assert.True(client.Lookup(in name));                                               // Borrow
        Assert.False(client.TrustedInitDone());                                            // BlockingScalar

        channel.Caller = 9;
        ConnectRequest request = Wire.Connect("keyboard");
        Assert.Equal(NamesStatus.Ok, client.TryConnect(ref request));                      // MutableBorrow
        Assert.Equal(2u, request.Connection);
        Assert.Equal(1u, request.Generation);
        Assert.Equal(new Pid(9), env.ConnectCalls[^1].Process);
        Assert.True(client.TrustedInitDone());

        Assert.Equal(1u, client.WaitForRegistration(0));                                   // deferred, answered at once
        IpcException parked = Assert.Throws<IpcException>(() => client.WaitForRegistration(1));
        Assert.Equal(XousError.Timeout, parked.TransportError);                            // parked: no reply yet
        Assert.Equal(1, core.WaiterCount);

        DisconnectRequest disconnect = Wire.Disconnect("keyboard", request.Token0, request.Token1, request.Token2, request.Token3);
        Assert.Equal(NamesStatus.Ok, client.Disconnect(in disconnect));
        Assert.True(dispatcher.Counters.TryGet(NamesOpcodes.Register, out uint requests, out uint errors));
        Assert.Equal((2u, 0u), (requests, errors));
    }

    [Fact]
    public void Ticktimer_through_the_generated_client()
    {
        var env = new FakeTicktimerEnvironment { NowMs = 4242 };
        var core = new TicktimerCore(env);
        var dispatcher = new TicktimerDispatcher(core);
        var channel = new DirectChannel(dispatcher, env.Sink, caller: 20);
        var client = new TicktimerClient(channel);

        Assert.Equal(4242ul, client.ElapsedMs());                                          // BlockingScalar, 2 units
        client.SleepMs(0);                                                                 // deferred, answered at once
        Assert.Throws<IpcException>(() => client.SleepMs(10));                             // parked until 4252
        Assert.Equal(4252ul, env.Alarms[^1]);

        channel.Caller = FakeTicktimerEnvironment.OwnPid;
        env.NowMs = 4252;
        client.RecalculateSleep();                                                         // Scalar, with sender
        Assert.Equal(0, core.WaiterCount);
        Assert.Equal(TicktimerDispatcher.SleepMsReply(), env.Sink.Completed[^1].Reply);

        channel.Caller = 20;
        client.UnlockMutex(0x1234_5678_9ABC_DEF0);                                         // Scalar, 64-bit key
        client.LockMutex(0x1234_5678_9ABC_DEF0);                                           // deferred: consumes the pending unlock
        Assert.Equal(0, core.PendingUnlockCount);

        Assert.Throws<IpcException>(() => client.WaitForCondition(77, 0));                 // parked
        Assert.Equal(1u, client.NotifyCondition(77, 3));                                   // BlockingScalar with sender
        Assert.Equal(TicktimerDispatcher.WaitForConditionReply(true), env.Sink.Completed[^1].Reply);
    }

    [Fact]
    public void Log_through_the_generated_client()
    {
        var output = new RecordingLogOutput();
        var core = new LogCore(output);
        var dispatcher = new LogDispatcher(core);
        var channel = new DirectChannel(dispatcher, new RecordingReplies(), caller: 30);
        var client = new LogClient(channel);

        client.ProgramName("vault"u8);                                                     // Move
        LogRecord record = Wire.Record(LogLevel.Warn, "vault::ctap", "low battery", line: 7);
        client.Record(in record);                                                          // Move, struct
        client.StandardOutput("out\n"u8);
        client.StandardError("err\n"u8);
        client.PanicStarted();                                                             // Scalar
        client.PanicMessage15(0x6E616562, 0x6F6F6220, 0x6164206D, 0x21202121);             // Scalar, 16 bytes
        client.PanicMessage1(0x3F3F, 0, 0, 0);                                             // 2 bytes
        client.PanicFinished();                                                            // BlockingScalar

        Assert.Equal(
        [
            ("WARN  [vault] vault::ctap:7: low battery", false),
            ("[vault] out", false),
            ("[vault] err", true),
            ("PANIC in vault: bean boom da!! !??", true),
        ], output.Lines);
        Assert.True(dispatcher.Counters.TryGet(LogOpcodes.PanicMessage15, out uint requests, out _));
        Assert.Equal(1u, requests);
    }
}
