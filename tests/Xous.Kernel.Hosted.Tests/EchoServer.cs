using System.Collections.Concurrent;
using Xous.Abi;
using Xous.Runtime.Hosted;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>
/// The server the tests talk to. Scalar: recorded. BlockingScalar (AddId): answers a1 + a2. MutableBorrow: adds 1 to
/// every byte, returns offset + 1 and valid + 1. Borrow: records the first byte, then scribbles 0xEE over its
/// (read-only) copy. Move: records the first byte and unmaps the pages. BlockingScalar QuitId is answered and ends the
/// loop (blocking, because the kernel drops the queued messages of a client that ends before they are received).
/// </summary>
internal static class EchoServer
{
    public const nuint AddId = 1;
    public const nuint QuitId = 99;

    /// <summary>Creates the server, signals <paramref name="ready"/>, serves until Quit; returns messages served.</summary>
    public static int Serve(HostedKernelPort port, Sid sid, ManualResetEventSlim ready, ConcurrentQueue<string>? seen = null, bool replyAndReceiveNext = false)
    {
        SyscallResult created = port.Call(Syscall.CreateServerWithAddress(sid));
        Assert.False(created.IsError, "CreateServerWithAddress: " + created.ToString());
        ready.Set();
        int served = 0;
        SyscallResult received = port.Call(Syscall.ReceiveMessage(sid));
        while (true)
        {
            Assert.Equal(ResultTag.MessageEnvelope, received.Tag);
            MessageEnvelope envelope = received.Envelope;
            Message body = envelope.Body;
            served++;
            switch (body.Kind)
            {
                case MessageKind.Scalar:
                    seen?.Enqueue("scalar " + body.Id.ToString() + " " + body.Word1.ToString());
                    received = port.Call(Syscall.ReceiveMessage(sid));
                    break;
                case MessageKind.BlockingScalar when body.Id == QuitId:
                    seen?.Enqueue("quit");
                    Assert.Equal(ResultTag.Ok, port.Call(Syscall.ReturnScalar1(envelope.Sender, 0)).Tag);
                    return served;
                case MessageKind.BlockingScalar:
                    received = Reply(port, sid, Syscall.ReturnScalar1(envelope.Sender, body.Word1 + body.Word2),
                        replyAndReceiveNext ? Syscall.ReplyAndReceiveNext(envelope.Sender, ReplyKind.Scalar1, body.Word1 + body.Word2) : null);
                    break;
                case MessageKind.MutableBorrow:
                    Span<byte> bytes = port.GetMemory(body.Buffer);
                    seen?.Enqueue("mutable " + bytes[0].ToString() + " " + body.Buffer.Size.ToString());
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        bytes[i]++;
                    }

                    received = Reply(port, sid, Syscall.ReturnMemory(envelope.Sender, body.Buffer, body.Offset + 1, body.Valid + 1),
                        replyAndReceiveNext ? Syscall.ReplyAndReceiveNextWithMemory(envelope.Sender, body.Buffer, body.Offset + 1, body.Valid + 1) : null);
                    break;
                case MessageKind.Borrow:
                    Span<byte> lent = port.GetMemory(body.Buffer);
                    seen?.Enqueue("borrow " + lent[0].ToString() + " " + lent[^1].ToString());
                    lent.Fill(0xEE);
                    received = Reply(port, sid, Syscall.ReturnMemory(envelope.Sender, body.Buffer, body.Offset, body.Valid),
                        replyAndReceiveNext ? Syscall.ReplyAndReceiveNextWithMemory(envelope.Sender, body.Buffer, body.Offset, body.Valid) : null);
                    break;
                case MessageKind.Move:
                    Span<byte> moved = port.GetMemory(body.Buffer);
                    seen?.Enqueue("move " + moved[0].ToString() + " " + moved[^1].ToString());
                    SyscallResult unmapped = port.Call(Syscall.UnmapMemory(body.Buffer));
                    Assert.Equal(ResultTag.Ok, unmapped.Tag);
                    Assert.Throws<ArgumentException>(() => port.GetMemory(body.Buffer));
                    received = port.Call(Syscall.ReceiveMessage(sid));
                    break;
            }
        }
    }

    public static Cid Connect(HostedKernelPort port, Sid sid)
    {
        SyscallResult connected = port.Call(Syscall.Connect(sid));
        Assert.Equal(ResultTag.ConnectionId, connected.Tag);
        return connected.ConnectionId;
    }

    public static void Quit(HostedKernelPort port, Cid server) =>
        Assert.Equal(ResultTag.Scalar1, port.Call(Syscall.SendMessage(server, Message.BlockingScalar(QuitId))).Tag);

    private static SyscallResult Reply(HostedKernelPort port, Sid sid, Syscall reply, Syscall? replyAndReceive)
    {
        if (replyAndReceive is Syscall combined)
        {
            return port.Call(combined);
        }

        SyscallResult replied = port.Call(reply);
        Assert.Equal(ResultTag.Ok, replied.Tag);
        return port.Call(Syscall.ReceiveMessage(sid));
    }
}
