using System;

namespace Xous.Ipc.TestContracts;

/// <summary>
/// A contract that exercises every message kind, every shape of parameter and every option of [Opcode]; opcode 9 was
/// retired. Its generated code is checked in as snapshots (tests/Xous.Ipc.Tests/Snapshots).
/// </summary>
[IpcContract(MaxMessageBytes = 8192)]
[RetiredOpcode(9, "SetVolume took a float; replaced by SetLevel (opcode 15)")]
public interface ISample
{
    /// <summary>Most bytes <see cref="Fill"/> takes.</summary>
    const int MaxFill = 4096;

    /// <summary>Scalar: fire-and-forget.</summary>
    [Opcode(1)]
    void Ping(int value);

    /// <summary>BlockingScalar with a one-unit return.</summary>
    [Opcode(2)]
    int Add(int left, int right);

    /// <summary>BlockingScalar with two-unit arguments and a two-unit return.</summary>
    [Opcode(3)]
    long Multiply(long left, int right);

    /// <summary>BlockingScalar with a struct argument and a struct return (two units each).</summary>
    [Opcode(4)]
    Point Mirror(Point point);

    /// <summary>Borrow of a byte span; returns one unit.</summary>
    [Opcode(5)]
    uint Checksum([MaxLength(512)] ReadOnlySpan<byte> data);

    /// <summary>Borrow of one struct (<c>in</c>), with a scalar in the header.</summary>
    [Opcode(6)]
    int Area(in Rect rect, short scale);

    /// <summary>Move: fire-and-forget with a span and an enum.</summary>
    [Opcode(7)]
    void Log(Level level, [MaxLength(256)] ReadOnlySpan<char> text);

    /// <summary>MutableBorrow of a byte span: the server fills it and returns how many bytes it wrote.</summary>
    [Opcode(8)]
    int Fill(byte value, [MaxLength(MaxFill)] Span<byte> buffer);

    /// <summary>MutableBorrow of one struct (<c>ref</c>).</summary>
    [Opcode(10)]
    void Grow(ref Rect rect, int by);

    /// <summary>Deferred: the server replies once the time has passed.</summary>
    [Opcode(11, Deferred = true)]
    uint Sleep(uint milliseconds);

    /// <summary>IncludeSender: the server learns who called.</summary>
    [Opcode(12, IncludeSender = true)]
    uint WhoAmI();

    /// <summary>A void method that waits for completion.</summary>
    [Opcode(13, Blocking = true)]
    void Flush();

    /// <summary>Borrow of a span of structs with bool fields; returns a bool.</summary>
    [Opcode(14)]
    bool AnyEnabled([MaxLength(64)] ReadOnlySpan<Switch> switches);

    /// <summary>Scalar with a bool, a byte enum and a char.</summary>
    [Opcode(15)]
    void SetLevel(bool enabled, Level level, char tag);

    /// <summary>BlockingScalar with signed small types and a four-unit struct return.</summary>
    [Opcode(16)]
    Rect MakeRect(sbyte x, short y, ulong size);

    /// <summary>MutableBorrow of a span of structs with bool fields, returning nothing.</summary>
    [Opcode(17)]
    void Toggle([MaxLength(16)] Span<Switch> switches);
}

/// <summary>A point (8 bytes: two units).</summary>
public struct Point
{
    /// <summary>X.</summary>
    public int X;

    /// <summary>Y.</summary>
    public int Y;
}

/// <summary>A rectangle (16 bytes: four units, or a memory payload).</summary>
public struct Rect
{
    /// <summary>Top-left corner.</summary>
    public Point Origin;

    /// <summary>Width.</summary>
    public int Width;

    /// <summary>Height.</summary>
    public int Height;
}

/// <summary>A switch with bool fields: 4 bytes, no padding.</summary>
public struct Switch
{
    /// <summary>Identifier.</summary>
    public ushort Id;

    /// <summary>On or off.</summary>
    public bool Enabled;

    /// <summary>Locked.</summary>
    public bool Locked;
}

/// <summary>A log level (a byte enum).</summary>
public enum Level : byte
{
    /// <summary>Debug.</summary>
    Debug = 0,

    /// <summary>Information.</summary>
    Info = 1,

    /// <summary>Warning.</summary>
    Warning = 2,

    /// <summary>Error.</summary>
    Error = 3,
}
