using Xous.Abi;
using Xous.Hosted;

namespace Xous.Runtime.Hosted;

/// <summary>
/// Reads response packets for every thread of the process with a leader/follower scheme: a thread waiting for its
/// result reads the stream itself when no other thread is reading (so a single-threaded process pays no thread hop),
/// and hands packets for other TIDs to their waiting threads. Broken streams fail every waiter and every later call.
/// </summary>
internal sealed class ResponseRouter
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Largest envelope buffer accepted from the kernel (its MaxMessageBytes is at most 512 MiB).</summary>
    private const ulong MaxEnvelopeBytes = 512UL * 1024 * 1024;

    private readonly Stream _stream;
    private readonly object _sync = new();
    private readonly Dictionary<nuint, Pending> _pending = new();
    private readonly byte[] _header = new byte[HostedWire.HeaderSize];
    private readonly byte[] _readBuffer = new byte[ReadBufferSize];
    private int _readStart;
    private int _readEnd;
    private bool _leaderActive;
    private bool _broken;

    public ResponseRouter(Stream stream) => _stream = stream;

    /// <summary>True once the stream has failed or ended.</summary>
    public bool IsBroken
    {
        get
        {
            lock (_sync)
            {
                return _broken;
            }
        }
    }

    /// <summary>
    /// Registers that <paramref name="thread"/> is about to send a call. <paramref name="lentBytes"/> is the size of
    /// the buffer a Borrow or MutableBorrow lends (the bytes a MemoryReturned brings back), else 0.
    /// </summary>
    /// <returns>False when the stream is already broken.</returns>
    public bool Begin(nuint thread, int lentBytes)
    {
        lock (_sync)
        {
            if (_broken)
            {
                return false;
            }

            if (!_pending.TryGetValue(thread, out Pending? pending))
            {
                pending = new Pending();
                _pending.Add(thread, pending);
            }

            pending.Outstanding = true;
            pending.Done = false;
            pending.LentBytes = lentBytes;
            pending.ByteCount = 0;
            return true;
        }
    }

    /// <summary>Forgets a call registered with <see cref="Begin"/> that was not sent.</summary>
    public void Abandon(nuint thread)
    {
        lock (_sync)
        {
            if (_pending.TryGetValue(thread, out Pending? pending))
            {
                pending.Outstanding = false;
            }
        }
    }

    /// <summary>
    /// Waits for <paramref name="thread"/>'s result, reading the stream while no other thread does. The bytes that
    /// came with it (if any) are in <paramref name="bytes"/> until the thread's next call.
    /// </summary>
    public SyscallResult Wait(nuint thread, out ReadOnlySpan<byte> bytes)
    {
        Pending me;
        lock (_sync)
        {
            me = _pending[thread];
            while (true)
            {
                if (me.Done)
                {
                    return Finish(me, out bytes);
                }

                if (_broken)
                {
                    me.Outstanding = false;
                    bytes = default;
                    return SyscallResult.Failure(XousError.ProcessTerminated);
                }

                if (!_leaderActive)
                {
                    _leaderActive = true;
                    break;
                }

                Monitor.Wait(_sync);
            }
        }

        while (true)
        {
            bool delivered = ReadOne();
            lock (_sync)
            {
                if (!delivered || me.Done)
                {
                    _leaderActive = false;
                    Monitor.PulseAll(_sync);
                    if (me.Done)
                    {
                        return Finish(me, out bytes);
                    }

                    me.Outstanding = false;
                    bytes = default;
                    return SyscallResult.Failure(XousError.ProcessTerminated);
                }

                Monitor.PulseAll(_sync);
            }
        }
    }

    /// <summary>Marks the stream broken and wakes every waiter (they return ProcessTerminated).</summary>
    public void Break()
    {
        lock (_sync)
        {
            _broken = true;
            Monitor.PulseAll(_sync);
        }
    }

    private static SyscallResult Finish(Pending pending, out ReadOnlySpan<byte> bytes)
    {
        pending.Outstanding = false;
        bytes = pending.Bytes.AsSpan(0, pending.ByteCount);
        return pending.Result;
    }

    /// <summary>Reads one packet and files it with its thread. False when the stream broke or framing was lost.</summary>
    private bool ReadOne()
    {
        if (!Fill(_header))
        {
            return Fail();
        }

        Span<nuint> words = stackalloc nuint[Limits.RegisterWords];
        nuint thread = HostedWire.ReadHeader(_header, words);
        if (!SyscallResult.TryDecode(words, out SyscallResult result))
        {
            return Fail();
        }

        Pending? target;
        lock (_sync)
        {
            target = _pending.TryGetValue(thread, out Pending? found) && found.Outstanding && !found.Done ? found : null;
        }

        ulong count = 0;
        if (HostedWire.ResultCarriesBytes(result))
        {
            if (result.Tag == ResultTag.MemoryReturned)
            {
                if (target is null)
                {
                    return Fail(); // its length is only known to the thread that lent the buffer
                }

                count = (ulong)target.LentBytes;
            }
            else
            {
                count = result.Word5;
                if (count > MaxEnvelopeBytes)
                {
                    return Fail();
                }
            }
        }

        if (target is null)
        {
            // Nobody waits for this (a TerminateProcess that failed, for example): skip it.
            return Skip((int)count);
        }

        if (target.Bytes.Length < (int)count)
        {
            target.Bytes = new byte[(int)count];
        }

        if (!Fill(target.Bytes.AsSpan(0, (int)count)))
        {
            return Fail();
        }

        lock (_sync)
        {
            target.Result = result;
            target.ByteCount = (int)count;
            target.Done = true;
        }

        return true;
    }

    private bool Skip(int count)
    {
        byte[] scratch = new byte[Math.Min(count, ReadBufferSize)];
        while (count > 0)
        {
            int chunk = Math.Min(count, scratch.Length);
            if (!Fill(scratch.AsSpan(0, chunk)))
            {
                return Fail();
            }

            count -= chunk;
        }

        return true;
    }

    private bool Fail()
    {
        Break();
        _stream.Dispose();
        return false;
    }

    private bool Fill(Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            if (_readStart == _readEnd)
            {
                int read;
                try
                {
                    // The array overload: Stream's span overload would rent and copy through a pooled array.
                    read = destination.Length - done >= ReadBufferSize
                        ? _stream.Read(destination[done..])
                        : _stream.Read(_readBuffer, 0, _readBuffer.Length);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
                {
                    return false;
                }

                if (read == 0)
                {
                    return false;
                }

                if (destination.Length - done >= ReadBufferSize)
                {
                    done += read;
                    continue;
                }

                _readStart = 0;
                _readEnd = read;
            }

            int count = Math.Min(_readEnd - _readStart, destination.Length - done);
            _readBuffer.AsSpan(_readStart, count).CopyTo(destination[done..]);
            _readStart += count;
            done += count;
        }

        return true;
    }

    private sealed class Pending
    {
        public bool Outstanding { get; set; }

        public bool Done { get; set; }

        public int LentBytes { get; set; }

        public SyscallResult Result { get; set; }

        public byte[] Bytes { get; set; } = [];

        public int ByteCount { get; set; }
    }
}
