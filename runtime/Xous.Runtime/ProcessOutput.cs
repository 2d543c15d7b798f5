using System;
using System.Threading;
using Xous.Ipc;
using Xous.Log.Api;

namespace Xous.Runtime;

/// <summary>
/// A process's standard output and error and its program name, sent to the log server (StandardOutput,
/// StandardError, ProgramName). Text is UTF-8, sent in Move messages of at most <see cref="ILog.MaxOutputBytes"/>
/// bytes, each cut on a code-point boundary. A write the log server cannot take is dropped and counted in
/// <see cref="Dropped"/>: output never throws for the transport. Thread-safe.
/// </summary>
public sealed class ProcessOutput
{
    /// <summary>Longest program name in bytes (the contract's ProgramName maximum).</summary>
    public const int MaxProgramNameBytes = 64;

    private readonly ProcessContext _context;
    private uint _dropped;

    internal ProcessOutput(ProcessContext context)
    {
        _context = context;
    }

    /// <summary>Writes that the log server could not take.</summary>
    public uint Dropped => Volatile.Read(ref _dropped);

    /// <summary>Writes <paramref name="text"/> to standard output.</summary>
    /// <returns>True when every chunk was sent.</returns>
    public bool StandardOutput(ReadOnlySpan<char> text) => WriteText(text, error: false);

    /// <summary>Writes UTF-8 <paramref name="utf8"/> to standard output.</summary>
    /// <returns>True when every chunk was sent.</returns>
    public bool StandardOutput(ReadOnlySpan<byte> utf8) => WriteBytes(utf8, error: false);

    /// <summary>Writes <paramref name="text"/> to standard error.</summary>
    /// <returns>True when every chunk was sent.</returns>
    public bool StandardError(ReadOnlySpan<char> text) => WriteText(text, error: true);

    /// <summary>Writes UTF-8 <paramref name="utf8"/> to standard error.</summary>
    /// <returns>True when every chunk was sent.</returns>
    public bool StandardError(ReadOnlySpan<byte> utf8) => WriteBytes(utf8, error: true);

    /// <summary>Names this process in later output (cut to <see cref="MaxProgramNameBytes"/> on a UTF-8 boundary).</summary>
    /// <returns>True when sent.</returns>
    public bool ProgramName(ReadOnlySpan<char> name)
    {
        Span<byte> utf8 = stackalloc byte[MaxProgramNameBytes];
        int length = Utf8Text.Encode(name, utf8);
        try
        {
            _context.Log.ProgramName(utf8.Slice(0, length));
            return true;
        }
        catch (IpcException)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
    }

    private bool WriteText(ReadOnlySpan<char> text, bool error)
    {
        Span<byte> chunk = stackalloc byte[ILog.MaxOutputBytes];
        bool sent = true;
        while (!text.IsEmpty)
        {
            int length = Utf8Text.Encode(text, chunk, out int consumed);
            sent &= Send(chunk.Slice(0, length), error);
            text = text.Slice(consumed);
        }

        return sent;
    }

    private bool WriteBytes(ReadOnlySpan<byte> utf8, bool error)
    {
        bool sent = true;
        while (!utf8.IsEmpty)
        {
            int length = Utf8Text.BoundaryAtOrBefore(utf8, ILog.MaxOutputBytes);
            if (length == 0)
            {
                length = Math.Min(utf8.Length, ILog.MaxOutputBytes); // Not UTF-8 at all: cut anywhere, but make progress.
            }

            sent &= Send(utf8.Slice(0, length), error);
            utf8 = utf8.Slice(length);
        }

        return sent;
    }

    private bool Send(ReadOnlySpan<byte> chunk, bool error)
    {
        try
        {
            if (error)
            {
                _context.Log.StandardError(chunk);
            }
            else
            {
                _context.Log.StandardOutput(chunk);
            }

            return true;
        }
        catch (IpcException)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
    }
}
