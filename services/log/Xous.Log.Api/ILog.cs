using System;
using Xous.Abi;
using Xous.Ipc;

namespace Xous.Log.Api;

/// <summary>
/// The log server (reference §4.3): records with a level and a source, a process's standard output and error, and
/// panic reports. Opcode numbers are Xous's. A panic is reported with scalars only (no memory needed by a process that
/// may be out of it): <see cref="PanicStarted"/>, then the text in chunks of 1..16 bytes (opcode 1100 + n carries
/// n + 1 bytes, packed little-endian into the four argument units), then <see cref="PanicFinished"/>.
/// </summary>
[IpcContract]
[RetiredOpcode(4, "TryHookUsbMirror: arrives with the USB service")]
[RetiredOpcode(5, "UnhookUsbMirror: arrives with the USB service")]
[RetiredOpcode(2000, "EnableRx: console input arrives with the shell")]
public interface ILog
{
    /// <summary>Longest text of one record.</summary>
    const int MaxTextBytes = LogRecord.TextCapacity;

    /// <summary>Longest standard output or error write.</summary>
    const int MaxOutputBytes = 4000;

    /// <summary>One log record (fire and forget).</summary>
    [Opcode(0, IncludeSender = true)]
    void Record(in LogRecord record);

    /// <summary>Bytes the process wrote to its standard output.</summary>
    [Opcode(1, IncludeSender = true)]
    void StandardOutput([MaxLength(MaxOutputBytes)] ReadOnlySpan<byte> text);

    /// <summary>Bytes the process wrote to its standard error.</summary>
    [Opcode(2, IncludeSender = true)]
    void StandardError([MaxLength(MaxOutputBytes)] ReadOnlySpan<byte> text);

    /// <summary>Names the calling process in later output.</summary>
    [Opcode(3, IncludeSender = true)]
    void ProgramName([MaxLength(64)] ReadOnlySpan<byte> name);

    /// <summary>A panic report from the calling process begins.</summary>
    [Opcode(1000, IncludeSender = true)]
    void PanicStarted();

#pragma warning disable CS1591 // The sixteen chunk opcodes are described once on the interface.
    [Opcode(1100, IncludeSender = true)] void PanicMessage0(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1101, IncludeSender = true)] void PanicMessage1(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1102, IncludeSender = true)] void PanicMessage2(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1103, IncludeSender = true)] void PanicMessage3(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1104, IncludeSender = true)] void PanicMessage4(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1105, IncludeSender = true)] void PanicMessage5(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1106, IncludeSender = true)] void PanicMessage6(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1107, IncludeSender = true)] void PanicMessage7(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1108, IncludeSender = true)] void PanicMessage8(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1109, IncludeSender = true)] void PanicMessage9(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1110, IncludeSender = true)] void PanicMessage10(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1111, IncludeSender = true)] void PanicMessage11(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1112, IncludeSender = true)] void PanicMessage12(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1113, IncludeSender = true)] void PanicMessage13(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1114, IncludeSender = true)] void PanicMessage14(uint unit0, uint unit1, uint unit2, uint unit3);
    [Opcode(1115, IncludeSender = true)] void PanicMessage15(uint unit0, uint unit1, uint unit2, uint unit3);
#pragma warning restore CS1591

    /// <summary>The panic report is complete; replies once the log has written it, so the process may then end.</summary>
    [Opcode(1200, Blocking = true, IncludeSender = true)]
    void PanicFinished();
}

/// <summary>Severity of a record, numbered as Rust's <c>log</c> crate (Xous's log server uses it).</summary>
public enum LogLevel : uint
{
    /// <summary>Something failed.</summary>
    Error = 1,

    /// <summary>Something is wrong but work goes on.</summary>
    Warn = 2,

    /// <summary>Normal operation worth a line.</summary>
    Info = 3,

    /// <summary>Detail for developers.</summary>
    Debug = 4,

    /// <summary>Very fine detail.</summary>
    Trace = 5,
}

/// <summary>One log record: level, source (module or program part), line, and UTF-8 text.</summary>
public unsafe struct LogRecord
{
    /// <summary>Capacity of <see cref="Source"/> in bytes.</summary>
    public const int SourceCapacity = 128;

    /// <summary>Capacity of <see cref="Text"/> in bytes.</summary>
    public const int TextCapacity = 3840;

    /// <summary>The level.</summary>
    public LogLevel Level;

    /// <summary>Source line, 0 when unknown.</summary>
    public uint Line;

    /// <summary>Bytes used in <see cref="Source"/>.</summary>
    public uint SourceLength;

    /// <summary>Bytes used in <see cref="Text"/>.</summary>
    public uint TextLength;

    /// <summary>UTF-8 source (module) name; bytes past <see cref="SourceLength"/> are zero.</summary>
    public fixed byte Source[SourceCapacity];

    /// <summary>UTF-8 text; bytes past <see cref="TextLength"/> are zero.</summary>
    public fixed byte Text[TextCapacity];
}

/// <summary>The log server's well-known SID.</summary>
public static class LogServerId
{
    /// <summary><c>b"xous-log-server "</c> as four little-endian words.</summary>
    public static Sid Sid => new(0x73756F78, 0x676F6C2D, 0x7265732D, 0x20726576);
}
