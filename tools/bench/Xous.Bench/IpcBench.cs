using System.Net.Sockets;
using Xous.Abi;
using Xous.Kernel.Hosted;
using Xous.Runtime.Hosted;

namespace Xous.Bench;

/// <summary>
/// Round trips through the kernel (client → kernel → server → kernel → client) and the two baselines over the same
/// stream type without the kernel: a bare echo (client → echo → client) and a relay with the kernel's topology
/// (client → relay → server → relay → client, one reader thread per inbound stream, as the kernel host has).
/// </summary>
internal static class IpcBench
{
    private const int PacketHeader = 9 * 8;
    private static readonly Sid s_sid = new(0xBE, 0xAC, 0x40, 0x01);

    public static Latency Kernel(bool tcp, bool memory, int warmup, int count)
    {
        using var host = new KernelHost();
        using var serverReady = new ManualResetEventSlim();
        var server = new Thread(() => Serve(host, tcp, serverReady)) { IsBackground = true, Name = "bench server" };
        server.Start();
        serverReady.Wait();

        using HostedKernelPort port = Connect(host, tcp, "bench client");
        Cid cid = port.Call(Syscall.Connect(s_sid)).ConnectionId;
        MemoryRange buffer = port.Call(Syscall.MapMemory(0, 0, Limits.PageSize, MemoryFlags.R | MemoryFlags.W)).MemoryRange;
        Syscall call = memory
            ? Syscall.SendMessage(cid, Message.MutableBorrow(1, buffer))
            : Syscall.SendMessage(cid, Message.BlockingScalar(1, 2, 3));
        ResultTag expected = memory ? ResultTag.MemoryReturned : ResultTag.Scalar1;
        Latency latency = Latency.Measure(
            () =>
            {
                if (port.Call(call).Tag != expected)
                {
                    throw new InvalidOperationException("unexpected result");
                }
            },
            warmup,
            count);
        port.Call(Syscall.SendMessage(cid, Message.BlockingScalar(99)));
        server.Join();
        return latency;
    }

    /// <summary>
    /// A call the kernel answers at once (GetProcessId) from an in-process unit: no thread hop at all, so this is the
    /// cost of the port, the pipes and the kernel themselves.
    /// </summary>
    public static Latency ImmediateCall(int warmup, int count)
    {
        using var host = new KernelHost();
        using HostedKernelPort port = Connect(host, tcp: false, "bench immediate");
        Syscall call = Syscall.GetProcessId();
        return Latency.Measure(() => port.Call(call), warmup, count);
    }

    /// <summary>The same bytes without the kernel: a header written and read back on one thread, twice (there and back).</summary>
    public static Latency SameThreadPipe(int warmup, int count)
    {
        (Stream client, Stream other) = Transports.Pair(tcp: false);
        byte[] buffer = new byte[PacketHeader];
        Latency latency = Latency.Measure(
            () =>
            {
                Transports.Write(client, buffer, PacketHeader);
                Transports.ReadExactly(other, buffer, PacketHeader);
                Transports.Write(other, buffer, PacketHeader);
                Transports.ReadExactly(client, buffer, PacketHeader);
            },
            warmup,
            count);
        client.Dispose();
        other.Dispose();
        return latency;
    }

    /// <summary>Round trips of <paramref name="size"/>-byte packets written to and read back from <paramref name="client"/>.</summary>
    private static Latency MeasureRoundTrips(Stream client, int size, int warmup, int count)
    {
        byte[] buffer = new byte[size];
        return Latency.Measure(
            () =>
            {
                Transports.Write(client, buffer, size);
                Transports.ReadExactly(client, buffer, size);
            },
            warmup,
            count);
    }

    public static Latency Echo(bool tcp, bool memory, int warmup, int count)
    {
        int size = PacketHeader + (memory ? (int)Limits.PageSize : 0);
        (Stream client, Stream echoEnd) = Transports.Pair(tcp);
        var echo = new Thread(() => Forward(echoEnd, echoEnd, size)) { IsBackground = true };
        echo.Start();
        Latency latency = MeasureRoundTrips(client, size, warmup, count);
        client.Dispose();
        echo.Join();
        return latency;
    }

    public static Latency Relay(bool tcp, bool memory, int warmup, int count)
    {
        int size = PacketHeader + (memory ? (int)Limits.PageSize : 0);
        (Stream client, Stream relayClientEnd) = Transports.Pair(tcp);
        (Stream server, Stream relayServerEnd) = Transports.Pair(tcp);
        var toServer = new Thread(() => Forward(relayClientEnd, relayServerEnd, size)) { IsBackground = true };
        var toClient = new Thread(() => Forward(relayServerEnd, relayClientEnd, size)) { IsBackground = true };
        var serverEcho = new Thread(() => Forward(server, server, size)) { IsBackground = true };
        toServer.Start();
        toClient.Start();
        serverEcho.Start();
        Latency latency = MeasureRoundTrips(client, size, warmup, count);
        // Each forwarder closes its output at EOF, so closing the client unwinds the chain.
        client.Dispose();
        toServer.Join();
        serverEcho.Join();
        toClient.Join();
        return latency;
    }

    private static void Serve(KernelHost host, bool tcp, ManualResetEventSlim ready)
    {
        using HostedKernelPort port = Connect(host, tcp, "bench server");
        port.Call(Syscall.CreateServerWithAddress(s_sid));
        ready.Set();
        SyscallResult received = port.Call(Syscall.ReceiveMessage(s_sid));
        while (true)
        {
            MessageEnvelope envelope = received.Envelope;
            Message body = envelope.Body;
            if (body.Id == 99)
            {
                port.Call(Syscall.ReturnScalar1(envelope.Sender, 0));
                return;
            }

            received = body.HasMemory
                ? port.Call(Syscall.ReplyAndReceiveNextWithMemory(envelope.Sender, body.Buffer))
                : port.Call(Syscall.ReplyAndReceiveNext(envelope.Sender, ReplyKind.Scalar1, body.Word1 + body.Word2));
        }
    }

    private static HostedKernelPort Connect(KernelHost host, bool tcp, string name)
    {
        if (!tcp)
        {
            InProcessAttachment attachment = host.AttachInProcess(name);
            return new HostedKernelPort(attachment.Stream, attachment.Key, attachment.Process);
        }

        (Pid pid, byte[] key) = host.RegisterProcess(name);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(host.ListenEndPoint);
        return new HostedKernelPort(new NetworkStream(socket, ownsSocket: true), key, pid);
    }

    /// <summary>
    /// Reads packets of <paramref name="size"/> bytes from one stream and writes them to another until EOF, then
    /// closes the output (a pipe's pending read only ends when its writer completes, not when its stream is disposed).
    /// </summary>
    private static void Forward(Stream from, Stream to, int size)
    {
        byte[] buffer = new byte[size];
        while (Transports.ReadExactly(from, buffer, size))
        {
            try
            {
                Transports.Write(to, buffer, size);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
        }

        to.Dispose();
    }
}
