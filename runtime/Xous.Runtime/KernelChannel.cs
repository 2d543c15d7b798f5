using System;
using System.Threading;
using Xous.Abi;
using Xous.Ipc;

namespace Xous.Runtime;

/// <summary>How a <see cref="KernelChannel"/> sends.</summary>
public enum ChannelSendMode : byte
{
    /// <summary>SendMessage: a full server queue makes the sender wait for a slot.</summary>
    Wait = 0,

    /// <summary>TrySendMessage: a full server queue is reported as <see cref="XousError.ServerQueueFull"/>.</summary>
    Try = 1,
}

/// <summary>
/// The <see cref="IIpcChannel"/> of a connection (docs/runtime.md, "Channels"): generated clients send over it with
/// SendMessage (or TrySendMessage, see <see cref="ChannelSendMode"/>) on one CID.
/// <para>
/// Buffers: each thread that sends memory messages has its own scratch buffer of whole pages, obtained with MapMemory
/// and kept for the next message. <see cref="AcquireBuffer"/> zeroes the pages used since the last acquire (so every
/// page of the returned buffer is zero) and maps a larger buffer, after unmapping the old one, when the request does not
/// fit. A lend leaves the buffer in place holding what the server left; a move gives the pages away, so the next
/// acquire maps new ones. Buffers are found by the calling thread's id in a table of
/// <see cref="Limits.MaxThreadsPerProcess"/> slots held by this instance (no thread-static state: several processes may
/// share one .NET process).
/// </para>
/// Thread-safe: threads use their own slots; a slot is claimed once with an atomic compare-and-swap.
/// </summary>
public sealed class KernelChannel : IIpcChannel
{
    /// <summary>The largest buffer a channel maps by default: 1 MiB, the kernel's largest memory message.</summary>
    public const int DefaultMaxBufferBytes = 1024 * 1024;

    private const int PageSize = (int)Limits.PageSize;

    private readonly KernelCalls _kernel;
    private readonly Cid _connection;
    private readonly ChannelSendMode _mode;
    private readonly int _maxBufferBytes;

    // Slot i belongs to the thread whose id + 1 is in _owners[i] (0 = free). Only that thread touches the rest of slot i.
    private readonly nuint[] _owners = new nuint[Limits.MaxThreadsPerProcess];
    private readonly MemoryRange[] _buffers = new MemoryRange[Limits.MaxThreadsPerProcess];
    private readonly int[] _acquired = new int[Limits.MaxThreadsPerProcess];
    private readonly int[] _dirtyBytes = new int[Limits.MaxThreadsPerProcess];
    private int _buffersMapped;

    /// <summary>A channel on <paramref name="connection"/>.</summary>
    /// <param name="kernel">The process's syscalls.</param>
    /// <param name="connection">The CID to send on.</param>
    /// <param name="mode">SendMessage (wait for a queue slot) or TrySendMessage.</param>
    /// <param name="maxBufferBytes">The largest buffer <see cref="AcquireBuffer"/> hands out; a positive multiple of
    /// the page size.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBufferBytes"/> is not a positive multiple of
    /// the page size.</exception>
    public KernelChannel(KernelCalls kernel, Cid connection, ChannelSendMode mode = ChannelSendMode.Wait, int maxBufferBytes = DefaultMaxBufferBytes)
    {
        if (maxBufferBytes <= 0 || maxBufferBytes % PageSize != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBufferBytes), "The largest buffer is a positive number of whole pages.");
        }

        _kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        _connection = connection;
        _mode = mode;
        _maxBufferBytes = maxBufferBytes;
    }

    /// <summary>The connection this channel sends on.</summary>
    public Cid Connection => _connection;

    /// <summary>Whether sends wait for a queue slot or fail with ServerQueueFull.</summary>
    public ChannelSendMode Mode => _mode;

    /// <summary>How many buffers this channel has mapped so far (each MapMemory counts once).</summary>
    public int BuffersMapped => Volatile.Read(ref _buffersMapped);

    /// <inheritdoc/>
    public XousError SendScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4) =>
        Send(Message.Scalar(opcode, arg1, arg2, arg3, arg4), out _);

    /// <inheritdoc/>
    public XousError SendBlockingScalar(nuint opcode, nuint arg1, nuint arg2, nuint arg3, nuint arg4, out ScalarReply reply)
    {
        XousError error = Send(Message.BlockingScalar(opcode, arg1, arg2, arg3, arg4), out SyscallResult result);
        if (error != XousError.NoError)
        {
            reply = default;
            return error;
        }

        int count = result.ScalarCount;
        reply = new ScalarReply(
            result.GetScalar(0),
            count > 1 ? result.GetScalar(1) : 0,
            count > 2 ? result.GetScalar(2) : 0,
            count > 3 ? result.GetScalar(3) : 0,
            count > 4 ? result.GetScalar(4) : 0);
        return XousError.NoError;
    }

    /// <inheritdoc/>
    public Span<byte> AcquireBuffer(int length)
    {
        if (length <= 0 || length > _maxBufferBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A buffer is 1.." + _maxBufferBytes.ToString() + " bytes.");
        }

        int slot = ThreadSlot();
        int pagesBytes = RoundUpToPages(length);
        MemoryRange buffer = _buffers[slot];
        if (!buffer.IsEmpty && (int)buffer.Size >= pagesBytes)
        {
            // Everything past _dirtyBytes is still zero from the mapping or an earlier clear.
            _kernel.Port.GetMemory(buffer).Slice(0, _dirtyBytes[slot]).Clear();
        }
        else
        {
            ReleaseSlotBuffer(slot);
            XousError error = _kernel.MapMemory(0, 0, (nuint)pagesBytes, MemoryFlags.R | MemoryFlags.W, out buffer);
            if (error != XousError.NoError)
            {
                throw new OutOfMemoryException("MapMemory of a message buffer failed: " + error.ToString());
            }

            Interlocked.Increment(ref _buffersMapped);
            _buffers[slot] = buffer;

            // Fresh pages are zero on the device; a hosted port's copy is cleared so the promise holds everywhere.
            _kernel.Port.GetMemory(buffer).Slice(0, pagesBytes).Clear();
        }

        _acquired[slot] = length;
        _dirtyBytes[slot] = pagesBytes;
        return _kernel.Port.GetMemory(buffer).Slice(0, length);
    }

    /// <inheritdoc/>
    public XousError LendBuffer(nuint opcode, bool mutable, int length, nuint offset, nuint valid, out MemoryReply reply)
    {
        MemoryRange range = AcquiredPages(length);
        Message message = mutable
            ? Message.MutableBorrow(opcode, range, offset, valid)
            : Message.Borrow(opcode, range, offset, valid);
        XousError error = Send(message, out SyscallResult result);
        reply = error == XousError.NoError ? new MemoryReply(result.ReturnedOffset, result.ReturnedValid) : default;
        return error;
    }

    /// <inheritdoc/>
    public XousError MoveBuffer(nuint opcode, int length, nuint offset, nuint valid)
    {
        MemoryRange range = AcquiredPages(length);
        XousError error = Send(Message.Move(opcode, range, offset, valid), out _);
        if (error != XousError.NoError)
        {
            return error; // The pages are still ours; the buffer stays for the next message.
        }

        int slot = ThreadSlot();
        MemoryRange whole = _buffers[slot];
        _buffers[slot] = default;
        _acquired[slot] = 0;
        _dirtyBytes[slot] = 0;
        if (whole.Size > range.Size)
        {
            // Pages of a larger reused buffer past the moved ones stay ours: release them rather than leak them.
            _kernel.UnmapMemory(MemoryRange.Create(whole.Address + range.Size, whole.Size - range.Size));
        }

        return XousError.NoError;
    }

    /// <summary>
    /// Unmaps the calling thread's buffer, if it has one (for a thread that is done sending memory messages). The next
    /// <see cref="AcquireBuffer"/> on this thread maps a new one.
    /// </summary>
    /// <returns>NoError, or the UnmapMemory error.</returns>
    public XousError ReleaseThreadBuffer()
    {
        int slot = FindSlot(_kernel.Port.CurrentThread);
        return slot < 0 ? XousError.NoError : ReleaseSlotBuffer(slot);
    }

    private XousError Send(in Message message, out SyscallResult result) =>
        _mode == ChannelSendMode.Try
            ? _kernel.TrySendMessage(_connection, in message, out result)
            : _kernel.SendMessage(_connection, in message, out result);

    private MemoryRange AcquiredPages(int length)
    {
        int slot = FindSlot(_kernel.Port.CurrentThread);
        if (slot < 0 || _buffers[slot].IsEmpty)
        {
            throw new InvalidOperationException("No buffer acquired on this thread: call AcquireBuffer first.");
        }

        if (length <= 0 || length > _acquired[slot])
        {
            throw new ArgumentOutOfRangeException(nameof(length), "At most the acquired " + _acquired[slot].ToString() + " bytes can be sent.");
        }

        return MemoryRange.Create(_buffers[slot].Address, (nuint)RoundUpToPages(length));
    }

    private XousError ReleaseSlotBuffer(int slot)
    {
        MemoryRange buffer = _buffers[slot];
        _buffers[slot] = default;
        _acquired[slot] = 0;
        _dirtyBytes[slot] = 0;
        return buffer.IsEmpty ? XousError.NoError : _kernel.UnmapMemory(buffer);
    }

    private int ThreadSlot()
    {
        nuint key = _kernel.Port.CurrentThread.Value + 1;
        int slot = FindSlot(key);
        if (slot >= 0)
        {
            return slot;
        }

        for (int index = 0; index < _owners.Length; index++)
        {
            if (Interlocked.CompareExchange(ref _owners[index], key, 0) == 0)
            {
                return index;
            }
        }

        throw new InvalidOperationException("More threads use this channel than a process can have.");
    }

    private int FindSlot(Tid thread) => FindSlot(thread.Value + 1);

    private int FindSlot(nuint key)
    {
        for (int index = 0; index < _owners.Length; index++)
        {
            if (Volatile.Read(ref _owners[index]) == key)
            {
                return index;
            }
        }

        return -1;
    }

    private static int RoundUpToPages(int length) => (int)(((long)length + PageSize - 1) / PageSize * PageSize);
}
