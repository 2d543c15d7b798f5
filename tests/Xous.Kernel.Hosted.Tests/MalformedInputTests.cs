using System.Net.Sockets;
using System.Security.Cryptography;
using Xous.Abi;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>Hostile or broken streams: the kernel answers or drops that process, and serves everyone else.</summary>
public sealed class MalformedInputTests
{
    private static readonly nuint[] s_getProcessId = RawClient.Words(Syscall.GetProcessId());

    [Fact]
    public void ShortPacket_TerminatesOnlyThatProcess()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        raw.Send(RawClient.Packet(2, s_getProcessId).AsSpan(0, 40));
        raw.Dispose();
        Assert.Equal(HostedProtocol.ConnectionLostExitCode, harness.WaitForExit(pid));
        harness.AssertStillServes();
    }

    [Fact]
    public void EndOfStreamInsidePayload_TerminatesOnlyThatProcess()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        nuint[] words = RawClient.Words(Syscall.ReturnMemory(new MessageSender(1), MemoryRange.Create(0x4000_0000, Limits.PageSize)));
        raw.Send(RawClient.Packet(2, words, new byte[100]));
        raw.Dispose();
        Assert.Equal(HostedProtocol.ConnectionLostExitCode, harness.WaitForExit(pid));
        harness.AssertStillServes();
    }

    [Fact]
    public void UnknownSyscallNumber_IsAnsweredWithInvalidSyscall()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        raw.Send(RawClient.Packet(2, [99, 1, 2, 3]));
        AssertError(raw.Receive(), 2, XousError.InvalidSyscall);

        // A malformed known call too: SendMessage with send code 7.
        raw.Send(RawClient.Packet(2, [(nuint)SyscallNumber.SendMessage, 2, 7, 1]));
        AssertError(raw.Receive(), 2, XousError.InvalidSyscall);

        AssertStillAnswers(raw, pid);
        harness.AssertStillServes();
    }

    [Fact]
    public void CallFromAThreadThatIsNotRunning_IsAnsweredWithInvalidThread()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        foreach (nuint tid in new nuint[] { 7, 0, 31, 1000, nuint.MaxValue })
        {
            raw.Send(RawClient.Packet(tid, s_getProcessId));
            AssertError(raw.Receive(), tid, XousError.InvalidThread);
        }

        AssertStillAnswers(raw, pid);
        harness.AssertStillServes();
    }

    [Fact]
    public void BufferLargerThanDeclared_SurplusIsTheNextPacket()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        nuint[] words = RawClient.Words(Syscall.ReturnMemory(new MessageSender(1), MemoryRange.Create(0x4000_0000, Limits.PageSize)));
        byte[] surplus = new byte[(9 * RawClient.WordSize) + (int)Limits.PageSize];
        byte[] packet = RawClient.Packet(2, words, surplus); // declared 4096, sent 4096 + one all-zero header

        raw.Send(packet);
        (nuint tid, SyscallResult result) = raw.Receive()!.Value;
        Assert.Equal((nuint)2, tid);
        Assert.True(result.IsError, "a ReturnMemory for a message that does not exist: " + result.ToString());
        AssertError(raw.Receive(), 0, XousError.InvalidSyscall); // the zero header: TID 0, syscall 0

        AssertStillAnswers(raw, pid);
        harness.AssertStillServes();
    }

    [Fact]
    public void OversizedDeclaredPayload_IsRefused_AndTheProcessTerminated()
    {
        var config = new KernelConfig { MaxMessageBytes = 64 * 1024 };
        using var harness = new Harness(config);
        (RawClient raw, Pid pid) = Attach(harness);
        nuint[] words = RawClient.Words(Syscall.SendMessage(new Cid(2), Message.MutableBorrow(1, MemoryRange.Create(0x6000_0000, (64 * 1024) + Limits.PageSize))));
        raw.Send(RawClient.Packet(2, words));
        AssertError(raw.Receive(), 2, XousError.InvalidArgument);
        Assert.True(raw.WaitForClose());
        Assert.Equal(HostedProtocol.ProtocolViolationExitCode, harness.WaitForExit(pid));
        harness.AssertStillServes();
    }

    [Fact]
    public void WrongKey_IsClosedWithoutAnswer()
    {
        using var harness = new Harness();
        harness.Host.RegisterProcess("keyed");
        using var raw = new RawClient(harness.Host.ConnectInProcess());
        Assert.Equal(-1, raw.Handshake(RandomNumberGenerator.GetBytes(16)));
        Assert.Contains(harness.Log, line => line.Contains("unknown key", StringComparison.Ordinal));
        harness.AssertStillServes();
    }

    [Fact]
    public void ReusedKey_IsClosedWithoutAnswer_AndTheFirstStreamKeepsWorking()
    {
        using var harness = new Harness();
        (RawClient first, Pid pid, byte[] key) = AttachWithKey(harness);
        using var second = new RawClient(harness.Host.ConnectInProcess());
        Assert.Equal(-1, second.Handshake(key));

        // The same over TCP.
        using var client = new TcpClient();
        client.Connect(harness.Host.ListenEndPoint);
        using var third = new RawClient(client.GetStream());
        Assert.Equal(-1, third.Handshake(key));

        AssertStillAnswers(first, pid);
        harness.AssertStillServes();
    }

    [Fact]
    public void ThreadExitOfTheLastThread_EndsTheProcessWithExitCodeZero()
    {
        using var harness = new Harness();
        (RawClient raw, Pid pid) = Attach(harness);
        raw.Send(RawClient.Packet(2, [(nuint)SyscallNumber.PlatformSpecific, HostedProtocol.ThreadExitMagic, 17]));
        Assert.True(raw.WaitForClose());
        Assert.Equal(0u, harness.WaitForExit(pid));
        harness.AssertStillServes();
    }

    private static (RawClient Raw, Pid Process) Attach(Harness harness)
    {
        (RawClient raw, Pid pid, _) = AttachWithKey(harness);
        return (raw, pid);
    }

    private static (RawClient Raw, Pid Process, byte[] Key) AttachWithKey(Harness harness)
    {
        InProcessAttachment attachment = harness.Host.AttachInProcess("raw");
        var raw = new RawClient(attachment.Stream);
        Assert.Equal(attachment.Process.Value, raw.Handshake(attachment.Key));
        return (raw, attachment.Process, attachment.Key);
    }

    private static void AssertError((nuint Tid, SyscallResult Result)? response, nuint tid, XousError error)
    {
        Assert.NotNull(response);
        Assert.Equal(tid, response.Value.Tid);
        Assert.Equal(ResultTag.Error, response.Value.Result.Tag);
        Assert.Equal(error, response.Value.Result.Error);
    }

    private static void AssertStillAnswers(RawClient raw, Pid pid)
    {
        raw.Send(RawClient.Packet(2, s_getProcessId));
        (nuint tid, SyscallResult result) = raw.Receive()!.Value;
        Assert.Equal((nuint)2, tid);
        Assert.Equal(pid, result.ProcessId);
    }
}
