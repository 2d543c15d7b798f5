using System;
using System.Threading;
using Xous.Ipc;
using Xous.Log.Api;

namespace Xous.Runtime;

/// <summary>
/// Sends <see cref="LogRecord"/>s to the log server for one source (a module or part of a program). Text and source are
/// UTF-8, cut on a code-point boundary to the record's fixed capacities (<see cref="LogRecord.TextCapacity"/>,
/// <see cref="LogRecord.SourceCapacity"/>); unused bytes are zero. Records above <see cref="MaximumLevel"/> are not
/// sent. A record the log server cannot take (it is gone or refused the message) is dropped and counted in
/// <see cref="Dropped"/>: logging never throws for the transport. Thread-safe.
/// </summary>
public sealed class Logger
{
    private readonly ProcessContext _context;
    private readonly byte[] _source;
    private readonly int _sourceLength;
    private int _maximumLevel = (int)LogLevel.Info;
    private uint _dropped;

    /// <summary>A logger of <paramref name="context"/>'s process naming <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Logger(ProcessContext context, string source)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        if (source == null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        _source = new byte[LogRecord.SourceCapacity];
        _sourceLength = Utf8Text.Encode(source, _source);
    }

    /// <summary>
    /// The most detailed level sent (default <see cref="LogLevel.Info"/>): a record with a larger level value (Debug,
    /// Trace) is dropped without a message.
    /// </summary>
    public LogLevel MaximumLevel
    {
        get => (LogLevel)Volatile.Read(ref _maximumLevel);
        set => Volatile.Write(ref _maximumLevel, (int)value);
    }

    /// <summary>Records the log server could not take.</summary>
    public uint Dropped => Volatile.Read(ref _dropped);

    /// <summary>Logs at <see cref="LogLevel.Error"/>.</summary>
    public void Error(ReadOnlySpan<char> text) => Log(LogLevel.Error, text);

    /// <summary>Logs at <see cref="LogLevel.Warn"/>.</summary>
    public void Warn(ReadOnlySpan<char> text) => Log(LogLevel.Warn, text);

    /// <summary>Logs at <see cref="LogLevel.Info"/>.</summary>
    public void Info(ReadOnlySpan<char> text) => Log(LogLevel.Info, text);

    /// <summary>Logs at <see cref="LogLevel.Debug"/>.</summary>
    public void Debug(ReadOnlySpan<char> text) => Log(LogLevel.Debug, text);

    /// <summary>Logs at <see cref="LogLevel.Trace"/>.</summary>
    public void Trace(ReadOnlySpan<char> text) => Log(LogLevel.Trace, text);

    /// <summary>Sends one record, unless <paramref name="level"/> is above <see cref="MaximumLevel"/>.</summary>
    /// <param name="level">The severity.</param>
    /// <param name="text">The text; cut to <see cref="LogRecord.TextCapacity"/> UTF-8 bytes on a code-point boundary.</param>
    /// <param name="line">The source line, 0 when unknown.</param>
    /// <returns>True when the record was sent; false when filtered out or dropped.</returns>
    public bool Log(LogLevel level, ReadOnlySpan<char> text, uint line = 0)
    {
        if ((uint)level > (uint)MaximumLevel)
        {
            return false;
        }

        var record = default(LogRecord);
        Fill(ref record, level, line, new ReadOnlySpan<byte>(_source, 0, _sourceLength), text);
        try
        {
            _context.Log.Record(in record);
            return true;
        }
        catch (IpcException)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
    }

    /// <summary>
    /// Fills <paramref name="record"/> (which must be zeroed): the source cut on a UTF-8 boundary to
    /// <see cref="LogRecord.SourceCapacity"/>, the text encoded and cut to <see cref="LogRecord.TextCapacity"/>.
    /// </summary>
    public static void Fill(ref LogRecord record, LogLevel level, uint line, ReadOnlySpan<byte> sourceUtf8, ReadOnlySpan<char> text)
    {
        record.Level = level;
        record.Line = line;
        Span<byte> source = FixedBuffers.LogSource(ref record);
        record.SourceLength = (uint)Utf8Text.CopyTruncated(sourceUtf8, source);
        Span<byte> body = FixedBuffers.LogText(ref record);
        record.TextLength = (uint)Utf8Text.Encode(text, body);
    }
}
