using System.Runtime.CompilerServices;
using Xous.Abi;

namespace Xous.Kernel.Hosted;

/// <summary>
/// One process's stream as the kernel sees it: buffered reads, and writes made under the kernel lock (so they never
/// interleave). The same class and the same packet loop serve TCP sockets and in-process pipes; they differ only in
/// who runs the loop (see <see cref="IsInline"/>).
/// </summary>
internal sealed class HostedConnection
{
    private const int ReadBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly CancellationTokenSource? _readCancel;
    private readonly byte[] _readBuffer = new byte[ReadBufferSize];
    private byte[] _writeBuffer = new byte[4096 + 256];
    private int _readStart;
    private int _readEnd;
    private int _closed;

    /// <param name="stream">The stream; the connection owns it.</param>
    /// <param name="description">For the log.</param>
    /// <param name="inline">
    /// False for sockets: a dedicated thread runs the packet loop with synchronous reads. True for in-process pipes
    /// (whose readers are scheduled inline): reads are asynchronous, so the loop continues on the thread of the unit
    /// that flushed the packet into the pipe — the unit's thread enters the kernel, as a trap would, with no thread
    /// hop. Pending pipe reads do not end when the stream is disposed, so they take a token that <see cref="Close"/>
    /// cancels.
    /// </param>
    public HostedConnection(Stream stream, string description, bool inline)
    {
        _stream = stream;
        Description = description;
        _readCancel = inline ? new CancellationTokenSource() : null;
    }

    /// <summary>Where the connection comes from, for the log ("in-process", "tcp 127.0.0.1:5000").</summary>
    public string Description { get; }

    /// <summary>The process, once the handshake has succeeded.</summary>
    public Pid? Process { get; set; }

    /// <summary>True when the packet loop runs on the writers' threads rather than a thread of its own.</summary>
    public bool IsInline => _readCancel is not null;

    /// <summary>True once <see cref="Close"/> was called.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>
    /// Fills <paramref name="destination"/> from the stream. Returns the number of bytes read: its length, or fewer
    /// when the stream ended (0 = it ended before the first byte). IO errors of a closed stream count as its end.
    /// Completes synchronously while buffered bytes suffice, and always for a socket.
    /// </summary>
    public ValueTask<int> ReadFullyAsync(Memory<byte> destination)
    {
        int buffered = Math.Min(_readEnd - _readStart, destination.Length);
        _readBuffer.AsSpan(_readStart, buffered).CopyTo(destination.Span);
        _readStart += buffered;
        return buffered == destination.Length ? new ValueTask<int>(buffered) : ReadMoreAsync(destination, buffered);
    }

    /// <summary>A buffer of at least <paramref name="size"/> bytes to assemble one outgoing packet in (kernel lock held).</summary>
    public byte[] GetWriteBuffer(int size)
    {
        if (_writeBuffer.Length < size)
        {
            _writeBuffer = new byte[Math.Max(size, _writeBuffer.Length * 2)];
        }

        return _writeBuffer;
    }

    /// <summary>
    /// Writes one packet synchronously (kernel lock held). False when the stream is gone; the host then terminates
    /// the process, since the kernel cannot be re-entered from inside a call.
    /// </summary>
    public bool Send(byte[] packet, int length)
    {
        if (IsClosed)
        {
            return false;
        }

        try
        {
            // The array overload: Stream's span overload would rent and copy through a pooled array.
            _stream.Write(packet, 0, length);
            _stream.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Closes the stream; the packet loop sees its end and stops. Idempotent.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            // Cancel would run the packet loop's continuation inline, here, usually under the kernel lock.
            _ = _readCancel?.CancelAsync();
            _stream.Dispose();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // one read per packet: reuse its state
    private async ValueTask<int> ReadMoreAsync(Memory<byte> destination, int done)
    {
        while (done < destination.Length)
        {
            if (destination.Length - done >= ReadBufferSize)
            {
                // Large payloads go straight to their destination.
                int direct = await ReadStreamAsync(destination[done..]).ConfigureAwait(false);
                if (direct == 0)
                {
                    return done;
                }

                done += direct;
                continue;
            }

            _readStart = 0;
            _readEnd = await ReadStreamAsync(_readBuffer).ConfigureAwait(false);
            if (_readEnd == 0)
            {
                return done;
            }

            int count = Math.Min(_readEnd, destination.Length - done);
            _readBuffer.AsSpan(0, count).CopyTo(destination.Span[done..]);
            _readStart = count;
            done += count;
        }

        return done;
    }

    private ValueTask<int> ReadStreamAsync(Memory<byte> destination)
    {
        if (IsClosed)
        {
            return new ValueTask<int>(0);
        }

        try
        {
            if (_readCancel is null)
            {
                return new ValueTask<int>(_stream.Read(destination.Span));
            }

            ValueTask<int> pending = _stream.ReadAsync(destination, _readCancel.Token);
            return pending.IsCompletedSuccessfully ? pending : AwaitReadAsync(pending);
        }
        catch (Exception e) when (IsEndOfStream(e))
        {
            return new ValueTask<int>(0);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> AwaitReadAsync(ValueTask<int> pending)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (Exception e) when (IsEndOfStream(e))
        {
            return 0;
        }
    }

    /// <summary>The errors a read of a closed, reset or cancelled stream ends with.</summary>
    private static bool IsEndOfStream(Exception e) =>
        e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException;
}
