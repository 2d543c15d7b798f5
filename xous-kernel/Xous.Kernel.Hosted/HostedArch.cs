using System.Security.Cryptography;
using Xous.Abi;
using Xous.Hosted;

namespace Xous.Kernel.Hosted;

/// <summary>
/// The hosted architecture: page contents live in host memory (one lazily allocated 4 KiB array per frame) and a
/// thread's result is written as a response packet to its process's stream (docs/hosted-protocol.md). Every member
/// is called with the kernel host's lock held.
/// </summary>
public sealed class HostedArch : IKernelArch
{
    private const int PageSize = (int)Limits.PageSize;

    private readonly byte[]?[] _frames;
    private readonly HostedConnection?[] _connections = new HostedConnection?[256];
    private readonly int[] _frameScratch;
    private readonly Action<string> _log;
    private readonly Action<Pid, uint> _processEnded;
    private readonly Action<Pid> _shutdownRequested;
    private readonly List<Pid> _failed = new();
    private Kernel? _kernel;

    internal HostedArch(int physicalPages, int maxMessageBytes, Action<string> log, Action<Pid, uint> processEnded, Action<Pid> shutdownRequested)
    {
        _frames = new byte[]?[physicalPages];
        _frameScratch = new int[(maxMessageBytes / PageSize) + 2];
        _log = log;
        _processEnded = processEnded;
        _shutdownRequested = shutdownRequested;
    }

    /// <summary>Frames whose contents are currently allocated in host memory.</summary>
    public int AllocatedFrames
    {
        get
        {
            int count = 0;
            foreach (byte[]? frame in _frames)
            {
                count += frame is null ? 0 : 1;
            }

            return count;
        }
    }

    internal Kernel Kernel
    {
        set => _kernel = value;
    }

    /// <inheritdoc/>
    public void Resume(Pid process, Tid thread, in SyscallResult result, MemoryRange attached)
    {
        HostedConnection? connection = _connections[process.Value];
        if (connection is null || connection.IsClosed)
        {
            _log("hosted: " + process.ToString() + " has no open stream; result " + result.ToString() + " for " + thread.ToString() + " dropped");
            return;
        }

        int bytes = 0;
        if (HostedWire.ResultCarriesBytes(result))
        {
            // The client knows how many bytes follow (from its lent buffer or the envelope), so exactly the attached
            // range travels; a mismatch would be a core bug that breaks the framing.
            bytes = checked((int)attached.Size);
            nuint expected = result.Tag == ResultTag.MessageEnvelope ? result.Word5 : attached.Size;
            if (attached.IsEmpty || expected != attached.Size)
            {
                _log("hosted: core bug: a " + result.ToString() + " result for " + process.ToString() + " came with attached range " + attached.ToString() + "; the process is terminated");
                _failed.Add(process);
                return;
            }
        }

        int headerSize = HostedWire.HeaderSize;
        byte[] packet = connection.GetWriteBuffer(headerSize + bytes);
        Span<nuint> words = stackalloc nuint[Limits.RegisterWords];
        result.Encode(words);
        HostedWire.WriteHeader(packet, thread.Value, words);
        if (bytes > 0 && !ReadPages(process, attached, packet.AsSpan(headerSize, bytes)))
        {
            _log("hosted: attached range " + attached.ToString() + " of " + process.ToString() + " is not readable; zeros sent");
            packet.AsSpan(headerSize, bytes).Clear();
        }

        if (!connection.Send(packet, headerSize + bytes))
        {
            _log("hosted: writing to " + process.ToString() + " (" + connection.Description + ") failed; the process is terminated");
            _failed.Add(process);
        }
    }

    /// <inheritdoc/>
    public void ClearFrame(int frame) => _frames[frame] = null;

    /// <inheritdoc/>
    public uint NextRandom()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }

    /// <inheritdoc/>
    public void ProcessEnded(Pid process, uint exitCode)
    {
        HostedConnection? connection = _connections[process.Value];
        _connections[process.Value] = null;
        connection?.Close();
        _processEnded(process, exitCode);
    }

    /// <inheritdoc/>
    public void ShutdownRequested(Pid requester) => _shutdownRequested(requester);

    /// <summary>Binds a process to the stream its results go to.</summary>
    internal void Attach(Pid process, HostedConnection connection) => _connections[process.Value] = connection;

    /// <summary>Has the host terminate <paramref name="process"/> once the current kernel call has returned.</summary>
    internal void MarkFailed(Pid process) => _failed.Add(process);

    /// <summary>True when <paramref name="connection"/> is the stream of <paramref name="process"/>.</summary>
    internal bool IsAttached(Pid process, HostedConnection connection) => ReferenceEquals(_connections[process.Value], connection);

    /// <summary>
    /// Moves the processes whose stream failed since the last call into <paramref name="failed"/>: the host
    /// terminates them once the kernel call that found the failure has returned.
    /// </summary>
    internal void TakeFailedProcesses(List<Pid> failed)
    {
        if (_failed.Count > 0)
        {
            failed.AddRange(_failed);
            _failed.Clear();
        }
    }

    /// <summary>
    /// Copies a request's payload into the process's pages when the process may write them now; otherwise the
    /// payload is discarded (the kernel refuses the call, or the range is mapped read-only, as a Borrow's is in its
    /// server).
    /// </summary>
    internal bool WritePayload(Pid process, MemoryRange range, ReadOnlySpan<byte> payload)
    {
        Span<int> frames = FramesFor(range);
        if (frames.IsEmpty || !_kernel!.TryGetFrames(process, range, forWrite: true, frames))
        {
            return false;
        }

        int offset = (int)(range.Address % PageSize);
        foreach (int frame in frames)
        {
            int count = Math.Min(PageSize - offset, payload.Length);
            if (count > 0)
            {
                byte[] page = _frames[frame] ??= new byte[PageSize];
                payload[..count].CopyTo(page.AsSpan(offset, count));
                payload = payload[count..];
            }

            offset = 0;
        }

        return true;
    }

    private bool ReadPages(Pid process, MemoryRange range, Span<byte> destination)
    {
        Span<int> frames = FramesFor(range);
        if (frames.IsEmpty || !_kernel!.TryGetFrames(process, range, forWrite: false, frames))
        {
            return false;
        }

        int offset = (int)(range.Address % PageSize);
        foreach (int frame in frames)
        {
            int count = Math.Min(PageSize - offset, destination.Length);
            byte[]? page = _frames[frame];
            if (page is null)
            {
                destination[..count].Clear();
            }
            else
            {
                page.AsSpan(offset, count).CopyTo(destination);
            }

            destination = destination[count..];
            offset = 0;
        }

        return true;
    }

    private Span<int> FramesFor(MemoryRange range)
    {
        ulong first = range.Address / PageSize;
        ulong last = ((ulong)range.Address + range.Size - 1) / PageSize;
        ulong pages = last - first + 1;
        return pages > (ulong)_frameScratch.Length ? default : _frameScratch.AsSpan(0, (int)pages);
    }
}
