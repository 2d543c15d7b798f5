using System;
using System.Runtime.InteropServices;
using Xous.Abi;
using Xous.Log.Api;

namespace Xous.Log.Core;

/// <summary>
/// The log server's logic (reference §4.3): turns records, standard output and error, and panic reports into lines
/// for an <see cref="ILogOutput"/>. The server is <c>new LogDispatcher(new LogCore(output))</c> in a receive loop.
/// <para>
/// Line formats (the program is the name set with ProgramName, else <c>pid N</c>):
/// a record is <c>LEVEL [program] source:line: text</c> (level padded to five characters; <c>:line</c> only when not
/// 0, <c>source:</c> only when not empty); standard output and error are <c>[program] text</c>; a panic is
/// <c>PANIC in program: text</c>; a refused record is <c>WARN  [log] malformed record from pid N</c>. Text with line
/// feeds becomes several lines with the same prefix, so a client cannot forge another process's line; invalid UTF-8
/// and control characters are replaced (see <see cref="ILogOutput.WriteLine"/>).
/// </para>
/// <para>
/// Standard output and error are written a line at a time: the unfinished end of a write waits in a per-process,
/// per-stream buffer of <see cref="PartialLineBytes"/> (at most <see cref="MaxPartialLines"/> of them) until its line
/// feed arrives; when the buffer would overflow, or none is free, the text is written as a line at once. Pending text
/// is also written before the process's panic report. Limits: <see cref="MaxProgramNames"/> names (more are refused
/// and those processes show as <c>pid N</c>), <see cref="MaxConcurrentPanics"/> open panic reports of at most
/// <see cref="PanicBufferBytes"/> each.
/// </para>
/// <para>
/// The class has more than 30 members because the contract has sixteen panic-chunk opcodes; they are one-line
/// forwards, kept in <c>LogCore.Panic.cs</c>. Not thread-safe: the server dispatches from one thread.
/// </para>
/// </summary>
public sealed partial class LogCore : ILogHandler
{
    /// <summary>Most processes with a program name at once.</summary>
    public const int MaxProgramNames = 64;

    /// <summary>Longest program name kept (the contract's limit).</summary>
    public const int MaxProgramNameBytes = 64;

    /// <summary>Most unfinished output lines held at once (one per process and stream).</summary>
    public const int MaxPartialLines = 16;

    /// <summary>Longest unfinished output line held; a longer one is written without waiting for its end.</summary>
    public const int PartialLineBytes = 256;

    // LogRecord is a fixed-layout struct (no padding, docs/ipc.md): four u32 fields, then Source, then Text. Reading the
    // buffers through these offsets keeps the core free of unsafe code (house rule 4).
    private const int RecordSourceOffset = 16;
    private const int RecordTextOffset = RecordSourceOffset + LogRecord.SourceCapacity;

    private const byte StandardOutputStream = 0;
    private const byte StandardErrorStream = 1;

    private readonly ILogOutput _output;
    private readonly LineBuilder _line = new();
    private readonly ProcessBufferTable _programNames = new(MaxProgramNames, MaxProgramNameBytes);
    private readonly ProcessBufferTable _partialLines = new(MaxPartialLines, PartialLineBytes);
    private readonly byte[] _joined = new byte[PartialLineBytes + ILog.MaxOutputBytes];
    private LogStatistics _statistics;

    /// <summary>Creates a log core writing to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public LogCore(ILogOutput output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>The counters.</summary>
    public LogStatistics Statistics => _statistics;

    /// <summary>
    /// Writes the record, or a malformed-record line when its level is not one of <see cref="LogLevel"/>'s or a length
    /// exceeds its field's capacity. Error records are written as errors.
    /// </summary>
    public void Record(MessageSender sender, in LogRecord record)
    {
        byte process = sender.ProcessId.Value;
        string? level = LevelName(record.Level);
        if (level is null || record.SourceLength > LogRecord.SourceCapacity || record.TextLength > LogRecord.TextCapacity)
        {
            _statistics.MalformedRecords++;
            _line.Clear();
            _line.AppendAscii("WARN  [log] malformed record from pid ");
            _line.AppendDecimal(process);
            Emit(isError: true);
            return;
        }

        CountLevel(record.Level);
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<LogRecord>(in record));
        ReadOnlySpan<byte> source = bytes.Slice(RecordSourceOffset, (int)record.SourceLength);
        ReadOnlySpan<byte> text = bytes.Slice(RecordTextOffset, (int)record.TextLength);
        _line.Clear();
        _line.AppendAscii(level);
        _line.AppendAscii(" [");
        AppendProgram(process);
        _line.AppendAscii("] ");
        if (!source.IsEmpty)
        {
            _line.AppendText(source);
            if (record.Line != 0)
            {
                _line.AppendAscii(":");
                _line.AppendDecimal(record.Line);
            }

            _line.AppendAscii(": ");
        }

        WriteLines(text, record.Level == LogLevel.Error);
    }

    /// <inheritdoc/>
    public void StandardOutput(MessageSender sender, ReadOnlySpan<byte> text)
    {
        _statistics.StandardOutputWrites++;
        WriteOutput(sender.ProcessId.Value, StandardOutputStream, text);
    }

    /// <inheritdoc/>
    public void StandardError(MessageSender sender, ReadOnlySpan<byte> text)
    {
        _statistics.StandardErrorWrites++;
        WriteOutput(sender.ProcessId.Value, StandardErrorStream, text);
    }

    /// <summary>Names the process in later lines; an empty name forgets it. Refused (and counted) when the table is full.</summary>
    public void ProgramName(MessageSender sender, ReadOnlySpan<byte> name)
    {
        byte process = sender.ProcessId.Value;
        if (name.IsEmpty)
        {
            int known = _programNames.Find(process, 0);
            if (known >= 0)
            {
                _programNames.Release(known);
            }

            return;
        }

        int slot = _programNames.FindOrClaim(process, 0);
        if (slot < 0)
        {
            _statistics.ProgramNamesRefused++;
            return;
        }

        _programNames.Reset(slot);
        _programNames.Append(slot, name);
    }

    /// <summary>
    /// Process-exit hygiene, for a server that learns a process ended: writes its unfinished output lines and any open
    /// panic report (marked as unfinished), then forgets its name, so a later process with the same PID starts clean.
    /// </summary>
    public void ProcessExited(Pid process)
    {
        FlushPartialLines(process.Value);
        int panic = _panics.Find(process.Value, 0);
        if (panic >= 0)
        {
            WritePanic(process.Value, panic, unfinished: true);
        }

        int name = _programNames.Find(process.Value, 0);
        if (name >= 0)
        {
            _programNames.Release(name);
        }
    }

    private static string? LevelName(LogLevel level) => level switch
    {
        LogLevel.Error => "ERROR",
        LogLevel.Warn => "WARN ",
        LogLevel.Info => "INFO ",
        LogLevel.Debug => "DEBUG",
        LogLevel.Trace => "TRACE",
        _ => null,
    };

    private void CountLevel(LogLevel level)
    {
        switch (level)
        {
            case LogLevel.Error:
                _statistics.ErrorRecords++;
                break;
            case LogLevel.Warn:
                _statistics.WarnRecords++;
                break;
            case LogLevel.Info:
                _statistics.InfoRecords++;
                break;
            case LogLevel.Debug:
                _statistics.DebugRecords++;
                break;
            default:
                _statistics.TraceRecords++;
                break;
        }
    }

    private void WriteOutput(byte process, byte stream, ReadOnlySpan<byte> text)
    {
        bool isError = stream == StandardErrorStream;
        int slot = _partialLines.Find(process, stream);
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                ReadOnlySpan<byte> segment = text.Slice(start, i - start);
                if (slot >= 0)
                {
                    WriteOutputLine(process, Join(_partialLines.Data(slot), segment), isError);
                    _partialLines.Release(slot);
                    slot = -1;
                }
                else
                {
                    WriteOutputLine(process, segment, isError);
                }

                start = i + 1;
            }
        }

        ReadOnlySpan<byte> rest = text.Slice(start);
        if (rest.IsEmpty)
        {
            return;
        }

        if (slot < 0)
        {
            slot = _partialLines.FindOrClaim(process, stream);
        }

        if (slot < 0)
        {
            _statistics.PartialLinesFlushedEarly++;
            WriteOutputLine(process, rest, isError);
        }
        else if (rest.Length > _partialLines.Room(slot))
        {
            _statistics.PartialLinesFlushedEarly++;
            WriteOutputLine(process, Join(_partialLines.Data(slot), rest), isError);
            _partialLines.Release(slot);
        }
        else
        {
            _partialLines.Append(slot, rest);
        }
    }

    private void FlushPartialLines(byte process)
    {
        for (byte stream = StandardOutputStream; stream <= StandardErrorStream; stream++)
        {
            int slot = _partialLines.Find(process, stream);
            if (slot >= 0)
            {
                WriteOutputLine(process, _partialLines.Data(slot), stream == StandardErrorStream);
                _partialLines.Release(slot);
            }
        }
    }

    private ReadOnlySpan<byte> Join(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        first.CopyTo(_joined);
        second.CopyTo(_joined.AsSpan(first.Length));
        return _joined.AsSpan(0, first.Length + second.Length);
    }

    private void WriteOutputLine(byte process, ReadOnlySpan<byte> text, bool isError)
    {
        _line.Clear();
        _line.AppendAscii("[");
        AppendProgram(process);
        _line.AppendAscii("] ");
        _line.AppendText(text);
        Emit(isError);
    }

    private void AppendProgram(byte process)
    {
        int slot = _programNames.Find(process, 0);
        if (slot >= 0)
        {
            _line.AppendText(_programNames.Data(slot));
        }
        else
        {
            _line.AppendAscii("pid ");
            _line.AppendDecimal(process);
        }
    }

    /// <summary>Writes <paramref name="text"/> after the prefix already in the line, one line per line feed.</summary>
    private void WriteLines(ReadOnlySpan<byte> text, bool isError)
    {
        int prefix = _line.Length;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                _line.Rewind(prefix);
                _line.AppendText(text.Slice(start, i - start));
                Emit(isError);
                start = i + 1;
            }
        }

        if (start < text.Length || start == 0)
        {
            _line.Rewind(prefix);
            _line.AppendText(text.Slice(start));
            Emit(isError);
        }
    }

    private void Emit(bool isError)
    {
        _statistics.LinesWritten++;
        _output.WriteLine(_line.Written, isError);
    }
}
