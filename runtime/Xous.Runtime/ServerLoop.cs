using System;
using System.Threading;
using Xous.Abi;
using Xous.Ipc;

namespace Xous.Runtime;

/// <summary>
/// Runs a generated dispatcher on a server this process owns (docs/runtime.md, "Server loop"): receive, dispatch,
/// reply according to <see cref="ReplyShape"/>, and combine each reply with the next receive (ReplyAndReceiveNext)
/// while no stop is requested.
/// <list type="bullet">
/// <item><see cref="ReplyShape.Scalar5"/> → ReturnScalar5(status, units) to a BlockingScalar.</item>
/// <item><see cref="ReplyShape.Memory"/> → ReturnMemory(buffer, offset = <see cref="Reply.MemoryOffset"/>,
/// valid = <see cref="Reply.MemoryValid"/>) to a Borrow or MutableBorrow.</item>
/// <item><see cref="ReplyShape.None"/> and <see cref="ReplyShape.Deferred"/> → nothing is sent for a scalar kind;
/// a memory message is released as Xous releases a dropped envelope: a Move's pages are unmapped, a lend is returned
/// with its own offset and valid words (the handler cannot keep the buffer: it only saw it during the dispatch).</item>
/// <item>Scalar5 to anything but a BlockingScalar, or Memory to anything but a lend, is a dispatcher bug:
/// <see cref="InvalidOperationException"/> (fail fast; the kernel answers waiting clients ServerNotFound).</item>
/// </list>
/// The loop is also the <see cref="IDeferredReplySink"/> handlers complete deferred replies through. Several threads
/// may run the same loop on the same server; counters are atomic.
/// </summary>
public sealed class ServerLoop : IDeferredReplySink
{
    private readonly KernelCalls _kernel;
    private readonly Sid _sid;
    private int _stopRequested;
    private uint _messages;
    private uint _replies;
    private uint _errors;

    /// <summary>A loop for the server <paramref name="sid"/>, which this process must have created.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> is null.</exception>
    public ServerLoop(KernelCalls kernel, Sid sid)
    {
        _kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        _sid = sid;
    }

    /// <summary>The server this loop receives on.</summary>
    public Sid Server => _sid;

    /// <summary>Messages received (wraps modulo 2^32).</summary>
    public uint Messages => Volatile.Read(ref _messages);

    /// <summary>Replies sent: scalar and memory replies, returned lends and completed deferred replies.</summary>
    public uint Replies => Volatile.Read(ref _replies);

    /// <summary>
    /// Syscalls of the loop the kernel refused: a reply or release that failed (for example to a client that has gone),
    /// and the receive error that ended a run.
    /// </summary>
    public uint Errors => Volatile.Read(ref _errors);

    /// <summary>True once <see cref="RequestStop"/> was called.</summary>
    public bool StopRequested => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>
    /// Asks every <see cref="Run"/> of this loop to return after the message it is handling. A loop blocked in a
    /// receive notices only when the next message arrives: send it one (any Scalar), or destroy the server.
    /// </summary>
    public void RequestStop() => Volatile.Write(ref _stopRequested, 1);

    /// <summary>
    /// Receives and dispatches messages until a stop is requested or the kernel refuses a receive (ServerNotFound once
    /// the server is destroyed, ProcessTerminated when a hosted port's transport is gone).
    /// </summary>
    /// <returns>NoError after a requested stop, otherwise the receive error that ended the loop.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The dispatcher returned a reply that does not fit the message kind.</exception>
    public XousError Run(IIpcDispatcher dispatcher)
    {
        if (dispatcher == null)
        {
            throw new ArgumentNullException(nameof(dispatcher));
        }

        if (StopRequested)
        {
            return XousError.NoError;
        }

        XousError error = _kernel.ReceiveMessage(_sid, out MessageEnvelope envelope);
        while (true)
        {
            if (error != XousError.NoError)
            {
                Interlocked.Increment(ref _errors);
                return error;
            }

            Interlocked.Increment(ref _messages);
            Reply reply = Dispatch(dispatcher, in envelope);
            if (StopRequested)
            {
                SendReply(in envelope, in reply);
                return XousError.NoError;
            }

            error = ReplyAndReceive(in envelope, in reply, out MessageEnvelope next);
            envelope = next;
        }
    }

    /// <summary>Handles one received message: dispatches it and sends its reply (no receive).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The dispatcher returned a reply that does not fit the message kind.</exception>
    public void HandleOne(IIpcDispatcher dispatcher, in MessageEnvelope envelope)
    {
        if (dispatcher == null)
        {
            throw new ArgumentNullException(nameof(dispatcher));
        }

        Interlocked.Increment(ref _messages);
        Reply reply = Dispatch(dispatcher, in envelope);
        SendReply(in envelope, in reply);
    }

    /// <summary>Sends a deferred reply: ReturnScalar5(status, units) to the waiting sender.</summary>
    /// <exception cref="ArgumentException"><paramref name="reply"/> is not a <see cref="ReplyShape.Scalar5"/>.</exception>
    public void Complete(DeferredReply pending, in Reply reply)
    {
        if (reply.Shape != ReplyShape.Scalar5)
        {
            throw new ArgumentException("A deferred reply is a Scalar5 from the dispatcher's XxxReply helper.", nameof(reply));
        }

        Count(_kernel.ReturnScalar5(pending.Sender, (uint)reply.Status, reply.Unit1, reply.Unit2, reply.Unit3, reply.Unit4));
    }

    private Reply Dispatch(IIpcDispatcher dispatcher, in MessageEnvelope envelope)
    {
        Message body = envelope.Body;
        if (!body.HasMemory)
        {
            IncomingMessage scalar = IncomingMessage.Scalar(envelope.Sender, body.Kind, body.Id, body.Word1, body.Word2, body.Word3, body.Word4);
            return Check(body.Kind, dispatcher.Dispatch(in scalar));
        }

        Span<byte> buffer = _kernel.Port.GetMemory(body.Buffer);
        IncomingMessage memory = IncomingMessage.Memory(envelope.Sender, body.Kind, body.Id, buffer, body.Offset, body.Valid);
        return Check(body.Kind, dispatcher.Dispatch(in memory));
    }

    private static Reply Check(MessageKind kind, in Reply reply)
    {
        bool fits = reply.Shape switch
        {
            ReplyShape.Scalar5 => kind == MessageKind.BlockingScalar,
            ReplyShape.Memory => kind is MessageKind.Borrow or MessageKind.MutableBorrow,
            _ => true,
        };
        if (!fits)
        {
            throw new InvalidOperationException("The dispatcher answered a " + kind.ToString() + " message with a " + reply.Shape.ToString() + " reply.");
        }

        return reply;
    }

    private XousError ReplyAndReceive(in MessageEnvelope envelope, in Reply reply, out MessageEnvelope next)
    {
        Message body = envelope.Body;
        XousError error;
        switch (reply.Shape)
        {
            case ReplyShape.Scalar5:
                error = _kernel.ReplyScalar5AndReceiveNext(
                    envelope.Sender, (uint)reply.Status, reply.Unit1, reply.Unit2, reply.Unit3, reply.Unit4, out next);
                break;
            case ReplyShape.Memory:
                error = _kernel.ReplyMemoryAndReceiveNext(envelope.Sender, body.Buffer, reply.MemoryOffset, reply.MemoryValid, out next);
                break;
            default:
                SendReply(in envelope, in reply);
                return _kernel.ReceiveMessage(_sid, out next);
        }

        if (error == XousError.NoError)
        {
            Interlocked.Increment(ref _replies);
            return XousError.NoError;
        }

        // The reply or the receive failed (a client that has gone, a destroyed server); a plain receive tells which.
        Interlocked.Increment(ref _errors);
        return _kernel.ReceiveMessage(_sid, out next);
    }

    private void SendReply(in MessageEnvelope envelope, in Reply reply)
    {
        Message body = envelope.Body;
        switch (reply.Shape)
        {
            case ReplyShape.Scalar5:
                Count(_kernel.ReturnScalar5(envelope.Sender, (uint)reply.Status, reply.Unit1, reply.Unit2, reply.Unit3, reply.Unit4));
                return;
            case ReplyShape.Memory:
                Count(_kernel.ReturnMemory(envelope.Sender, body.Buffer, reply.MemoryOffset, reply.MemoryValid));
                return;
        }

        // None or Deferred: release a memory message the handler cannot keep.
        switch (body.Kind)
        {
            case MessageKind.Move:
                XousError unmapped = _kernel.UnmapMemory(body.Buffer);
                if (unmapped != XousError.NoError)
                {
                    Interlocked.Increment(ref _errors);
                }

                return;
            case MessageKind.Borrow:
            case MessageKind.MutableBorrow:
                Count(_kernel.ReturnMemory(envelope.Sender, body.Buffer, body.Offset, body.Valid));
                return;
        }
    }

    private void Count(XousError error)
    {
        if (error == XousError.NoError)
        {
            Interlocked.Increment(ref _replies);
        }
        else
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
