using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Xous.Abi;
using Xous.Runtime.Hosted;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>OS-process connections: the same protocol over TCP, and a real child process.</summary>
public sealed class TcpTests
{
    [Fact]
    public void PortOverTcp_RoundTripsScalarsAndLends()
    {
        using var harness = new Harness();
        var sid = new Sid(5, 6, 7, 8);
        var ready = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<string>();
        Task<int> server = harness.Run("server", port => EchoServer.Serve(port, sid, ready, seen));
        Assert.True(ready.Wait(Harness.Timeout));

        (Pid pid, byte[] key) = harness.Host.RegisterProcess("tcp-client");
        Task<bool> client = Units.Start("tcp-client", () =>
        {
            using var tcp = new TcpClient { NoDelay = true };
            tcp.Connect(harness.Host.ListenEndPoint);
            using var port = new HostedKernelPort(tcp.GetStream(), key, pid);
            Cid cid = EchoServer.Connect(port, sid);
            SyscallResult sum = port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(EchoServer.AddId, 1, 2)));
            Assert.True(sum.Tag == ResultTag.Scalar1, sum.ToString() + "\n" + string.Join("\n", harness.Log));
            Assert.Equal((nuint)3, sum.GetScalar(0));

            MemoryRange buffer = RoundTripTests.Map(port, 4 * Limits.PageSize);
            port.GetMemory(buffer).Fill(0x30);
            Assert.Equal(ResultTag.MemoryReturned, port.Call(Syscall.SendMessage(cid, Message.MutableBorrow(2, buffer))).Tag);
            Assert.True(port.GetMemory(buffer).IndexOfAnyExcept((byte)0x31) < 0, "the server's changes did not come back");
            Assert.Equal(ResultTag.MemoryReturned, port.Call(Syscall.SendMessage(cid, Message.Borrow(3, buffer))).Tag);
            Assert.True(port.GetMemory(buffer).IndexOfAnyExcept((byte)0x31) < 0, "a Borrow changed the lender's buffer");

            Assert.Equal(XousError.NoError, port.StartThread(
                a =>
                {
                    harness.WaitUntilNotRunning(pid, new Tid(2));
                    return a + 1;
                },
                41,
                out Tid thread));
            Assert.Equal((nuint)42, port.Call(Syscall.JoinThread(thread)).GetScalar(0));
            EchoServer.Quit(port, cid);
            return true;
        });

        Assert.True(Units.Result(client));
        Assert.Equal(4, Units.Result(server));
        Assert.Equal(["mutable 48 16384", "borrow 49 49", "quit"], seen.Skip(0).ToArray());

        // Closing the socket ends the process.
        Assert.Equal(HostedProtocol.ConnectionLostExitCode, harness.WaitForExit(pid));
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    [Fact]
    public void StartOsProcess_ChildConnectsFromItsEnvironment()
    {
        using var harness = new Harness();
        var sid = new Sid(0xC41D, 2, 3, 4);
        var ready = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<string>();
        Task<int> server = harness.Run("server", port => EchoServer.Serve(port, sid, ready, seen));
        Assert.True(ready.Wait(Harness.Timeout));

        string child = Path.Combine(AppContext.BaseDirectory, "Xous.Kernel.Hosted.TestProcess.dll");
        string[] args = [child, .. new[] { sid.Word0, sid.Word1, sid.Word2, sid.Word3 }.Select(w => w.ToString(CultureInfo.InvariantCulture))];
        using Process process = harness.Host.StartOsProcess("child", DotNetHost(), args);
        Pid childPid = FindPid(harness, "child");

        Assert.Equal(0x600Du, harness.WaitForExit(childPid));
        Assert.True(process.WaitForExit((int)Harness.Timeout.TotalMilliseconds), "the child did not exit");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(["mutable 90 4096"], seen.ToArray());

        Task<bool> quitter = harness.Run("quitter", port =>
        {
            EchoServer.Quit(port, EchoServer.Connect(port, sid));
            return true;
        });
        Assert.True(Units.Result(quitter));
        Assert.Equal(3, Units.Result(server));
        Assert.Null(harness.Host.FindInvariantViolation());
    }

    private static Pid FindPid(Harness harness, string name)
    {
        string line = harness.Log.First(l => l.StartsWith("hosted: registered " + name + " as ", StringComparison.Ordinal));
        return new Pid(byte.Parse(line[(line.LastIndexOf("pid", StringComparison.Ordinal) + 3)..], CultureInfo.InvariantCulture));
    }

    private static string DotNetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : "dotnet";
    }
}
