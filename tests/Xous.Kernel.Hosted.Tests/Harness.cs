using System.Collections.Concurrent;
using Xous.Abi;
using Xous.Runtime.Hosted;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>A kernel host for one test, with its log captured and exits recorded.</summary>
internal sealed class Harness : IDisposable
{
    /// <summary>Generous: CI machines are small and loaded.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<byte, uint> _exits = new();
    private readonly object _exitSync = new();

    public Harness(KernelConfig? config = null)
    {
        Host = new KernelHost(new KernelHostOptions { Config = config, Log = Log.Enqueue });
        Host.ProcessExited += (_, e) =>
        {
            lock (_exitSync)
            {
                _exits[e.Process.Value] = e.ExitCode;
                Monitor.PulseAll(_exitSync);
            }
        };
    }

    public KernelHost Host { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Waits until <paramref name="process"/> has ended and returns its exit code.</summary>
    public uint WaitForExit(Pid process)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        lock (_exitSync)
        {
            while (!_exits.ContainsKey(process.Value))
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(process.ToString() + " did not end. Log:\n" + string.Join("\n", Log));
                }

                Monitor.Wait(_exitSync, left);
            }

            return _exits[process.Value];
        }
    }

    /// <summary>Runs <paramref name="body"/> as an in-process unit on its own thread (which becomes its TID 2).</summary>
    public Task<T> Run<T>(string name, Func<HostedKernelPort, T> body)
    {
        InProcessAttachment attachment = Host.AttachInProcess(name);
        return Units.Start(name, () =>
        {
            using var port = new HostedKernelPort(attachment.Stream, attachment.Key, attachment.Process);
            return body(port);
        });
    }

    /// <summary>
    /// Proves the host still serves: a fresh server and client do a BlockingScalar round trip, and the kernel's
    /// invariants hold.
    /// </summary>
    public void AssertStillServes()
    {
        var sid = new Sid(0x600D, (uint)Environment.TickCount, 3, 4);
        var ready = new ManualResetEventSlim();
        Task<int> server = Run("check-server", port => EchoServer.Serve(port, sid, ready));
        Assert.True(ready.Wait(Timeout), "the check server did not start");
        Task<nuint> client = Run("check-client", port =>
        {
            Cid cid = EchoServer.Connect(port, sid);
            SyscallResult r = port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(EchoServer.AddId, 40, 2)));
            EchoServer.Quit(port, cid);
            return r.Tag == ResultTag.Scalar1 ? r.GetScalar(0) : 0;
        });
        Assert.Equal((nuint)42, Units.Result(client));
        Units.Result(server);
        Assert.Null(Host.FindInvariantViolation());
    }

    /// <summary>
    /// Blocks until <paramref name="thread"/> of <paramref name="process"/> is not running: blocked in a call, or
    /// exited. Tests use it to order a join before or after the joined thread's exit.
    /// </summary>
    public void WaitUntilNotRunning(Pid process, Tid thread)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (Host.Inspect(kernel => kernel.IsThreadRunning(process, thread)))
        {
            Assert.True(DateTime.UtcNow < deadline, thread.ToString() + " never blocked");
            Thread.Sleep(1);
        }
    }

    public void Dispose() => Host.Dispose();
}

/// <summary>Threads for units, with results surfaced to the test (and timeouts that name the unit).</summary>
internal static class Units
{
    public static Task<T> Start<T>(string name, Func<T> body)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(body());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "unit " + name,
        };
        thread.Start();
        return completion.Task;
    }

    public static T Result<T>(Task<T> task)
    {
        Assert.True(task.Wait(Harness.Timeout), "a unit did not finish in time");
        return task.Result;
    }
}
