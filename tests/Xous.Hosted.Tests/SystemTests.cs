using System.Diagnostics;
using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;
using Xous.Runtime;
using Xous.Ticktimer.Api;
using Xous.Ticktimer.Server;

namespace Xous.Hosted.Tests;

public sealed class SystemTests
{
    [Fact]
    public void BaseServicesStartAndRegister()
    {
        using var system = new RunningSystem();
        system.WaitForLog("registered 'ticktimer-server'");
        system.AssertKernelConsistent();
    }

    [Fact]
    public void AClientConnectsToTheTicktimerByNameAndSleeps()
    {
        using var system = new RunningSystem();
        long sleptMs = -1;
        ulong ticktimerMs = 0;
        int exit = system.RunClient("sleeper", context =>
        {
            NamesStatus status = context.ConnectByName(TicktimerServer.RegisteredName, out Cid connection);
            if (status != NamesStatus.Ok)
            {
                return 10 + (int)status;
            }

            var ticktimer = new TicktimerClient(new KernelChannel(context.Kernel, connection));
            ulong before = ticktimer.ElapsedMs();
            var clock = Stopwatch.StartNew();
            ticktimer.SleepMs(250);
            sleptMs = clock.ElapsedMilliseconds;
            ticktimerMs = ticktimer.ElapsedMs() - before;
            return 0;
        });

        Assert.Equal(0, exit);
        Assert.InRange(sleptMs, 240, 10_000);
        Assert.InRange(ticktimerMs, 249UL, 10_000UL);
        system.AssertKernelConsistent();
    }

    [Fact]
    public void SleepsEndInDeadlineOrderAcrossThreads()
    {
        using var system = new RunningSystem();
        var finished = new List<uint>();
        system.RunClientOk("sleepers", context =>
        {
            var threads = new List<Tid>();
            using var gate = new ManualResetEventSlim();
            foreach (uint ms in new uint[] { 600, 200, 400 })
            {
                XousError error = context.StartThread(_ =>
                {
                    gate.Wait();
                    context.Sleep(ms);
                    lock (finished)
                    {
                        finished.Add(ms);
                    }

                    return ms;
                }, 0, out Tid thread);
                Assert.Equal(XousError.NoError, error);
                threads.Add(thread);
            }

            gate.Set();
            foreach (Tid thread in threads)
            {
                Assert.Equal(XousError.NoError, context.JoinThread(thread, out _));
            }

            return 0;
        });

        Assert.Equal([200u, 400u, 600u], finished);
    }

    [Fact]
    public void MutexAndConditionWorkAcrossThreadsThroughTheTicktimer()
    {
        using var system = new RunningSystem();
        int counter = 0;
        int exit = system.RunClient("contender", context =>
        {
            XousMutex mutex = context.CreateMutex();
            var threads = new List<Tid>();
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(XousError.NoError, context.StartThread(_ =>
                {
                    for (int i = 0; i < 200; i++)
                    {
                        mutex.Lock();
                        int seen = counter;
                        Thread.SpinWait(50);
                        counter = seen + 1;
                        mutex.Unlock();
                    }

                    return 0;
                }, 0, out Tid thread));
                threads.Add(thread);
            }

            foreach (Tid thread in threads)
            {
                context.JoinThread(thread, out _);
            }

            return 0;
        });

        Assert.Equal(0, exit);
        Assert.Equal(800, counter);
    }

    [Fact]
    public void AConditionHandsItemsFromAProducerToAConsumer()
    {
        using var system = new RunningSystem();
        var consumed = new List<int>();
        system.RunClientOk("queue", context =>
        {
            XousMutex mutex = context.CreateMutex();
            XousCondition changed = context.CreateCondition();
            var items = new Queue<int>();
            bool done = false;
            Assert.Equal(XousError.NoError, context.StartThread(_ =>
            {
                while (true)
                {
                    mutex.Lock();
                    while (items.Count == 0 && !done)
                    {
                        changed.Wait(mutex, 1000); // predicate loop with a timeout, as docs/runtime.md asks
                    }

                    if (items.Count == 0)
                    {
                        mutex.Unlock();
                        return 0;
                    }

                    consumed.Add(items.Dequeue());
                    mutex.Unlock();
                }
            }, 0, out Tid consumer));

            for (int i = 1; i <= 50; i++)
            {
                mutex.Lock();
                items.Enqueue(i);
                changed.NotifyOne();
                mutex.Unlock();
                if (i % 10 == 0)
                {
                    context.Sleep(5);
                }
            }

            mutex.Lock();
            done = true;
            changed.NotifyAll();
            mutex.Unlock();
            Assert.Equal(XousError.NoError, context.JoinThread(consumer, out _));
            return 0;
        });

        Assert.Equal(Enumerable.Range(1, 50), consumed);
    }

    [Fact]
    public void LogRecordsAndStandardStreamsReachTheLogWithTheProgramName()
    {
        using var system = new RunningSystem();
        // The client ends right after sending: fire-and-forget messages a process queued before it ended still arrive.
        system.RunClientOk("chatty", context =>
        {
            context.CreateLogger("radio").Warn("signal lost");
            context.Output.StandardOutput("hello from stdout\n");
            context.Output.StandardError("trouble on stderr\n");
            return 0;
        });

        system.WaitForLog("signal lost");
        system.WaitForLog("hello from stdout");
        system.WaitForLog("trouble on stderr");
        Assert.Contains("[chatty]", system.Log + system.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void APanicIsReportedToTheLogAndEndsTheProcess()
    {
        using var system = new RunningSystem();
        int exit = system.RunClient("doomed", _ => throw new InvalidOperationException("the flux capacitor is empty"));
        Assert.NotEqual(0, exit);
        system.WaitForLog("the flux capacitor is empty");
        Assert.Contains("PANIC", system.Log + system.Errors, StringComparison.Ordinal);
        Assert.Contains("doomed", system.Log + system.Errors, StringComparison.Ordinal);
        system.AssertKernelConsistent();
    }

    [Fact]
    public async Task ConnectionLimitsAndTrustedInitDoneHoldAcrossProcesses()
    {
        using var system = new RunningSystem();
        var registered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        NamesStatus registration = NamesStatus.BadName;
        Task<int> owner = system.System.StartClient("owner", context =>
        {
            registration = context.RegisterServer("limited-service", 2, out Sid sid);
            registered.Set();
            release.Wait(TimeSpan.FromSeconds(60));
            return 0;
        });
        Assert.True(registered.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(NamesStatus.Ok, registration);

        bool trustedBefore = true;
        system.RunClientOk("first", context =>
        {
            trustedBefore = context.Names.TrustedInitDone();
            return (int)context.TryConnectByName("limited-service", out _);
        });
        Assert.False(trustedBefore);
        bool trustedAfter = false;
        system.RunClientOk("second", context =>
        {
            NamesStatus status = context.TryConnectByName("limited-service", out _);
            trustedAfter = context.Names.TrustedInitDone();
            return (int)status;
        });
        Assert.True(trustedAfter);
        Assert.Equal((int)NamesStatus.LimitReached, system.RunClient("third", context => (int)context.TryConnectByName("limited-service", out _)));

        release.Set();
        await owner.WaitAsync(TimeSpan.FromSeconds(30));
        system.AssertKernelConsistent();
    }

    [Fact]
    public void ADuplicateRegistrationFailsAfterTheFixedDelay()
    {
        using var system = new RunningSystem();
        system.WaitForLog("registered 'ticktimer-server'");
        long elapsed = 0;
        NamesStatus status = NamesStatus.Ok;
        Assert.Equal(0, system.RunClient("impostor", context =>
        {
            var clock = Stopwatch.StartNew();
            status = context.RegisterServer(TicktimerServer.RegisteredName, 0, out _);
            elapsed = clock.ElapsedMilliseconds;
            return 0;
        }));
        Assert.Equal(NamesStatus.AlreadyRegistered, status);
        Assert.True(elapsed >= Xous.Names.Core.NamesCore.DuplicateRegistrationDelayMs - 5, elapsed.ToString());
    }

    [Fact]
    public async Task ConnectByNameWaitsForALaterRegistration()
    {
        using var system = new RunningSystem();
        NamesStatus clientStatus = NamesStatus.BadName;
        uint reply = 0;
        Task<int> client = system.System.StartClient("early-client", context =>
        {
            clientStatus = context.ConnectByName("late-service", out Cid connection);
            if (clientStatus != NamesStatus.Ok)
            {
                return 1;
            }

            var channel = new KernelChannel(context.Kernel, connection);
            Assert.Equal(XousError.NoError, channel.SendBlockingScalar(7, 20, 22, 0, 0, out ScalarReply answer));
            reply = (uint)answer.Word1;
            return 0;
        });

        Thread.Sleep(300);
        Assert.False(client.IsCompleted);
        Task<int> server = system.System.StartClient("late-service", context =>
        {
            Assert.Equal(NamesStatus.Ok, context.RegisterServer("late-service", 0, out Sid sid));
            Assert.Equal(XousError.NoError, context.Kernel.ReceiveMessage(sid, out MessageEnvelope envelope));
            Message body = envelope.Body;
            return (int)context.Kernel.ReturnScalar2(envelope.Sender, 0, body.Word1 + body.Word2);
        });

        Assert.Equal(0, await client.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(42u, reply);
    }
}
