using System;

namespace Xous.Abi;

/// <summary>
/// A connection id, local to the process that holds it. The kernel hands out CIDs from
/// <see cref="Limits.FirstConnectionId"/>; 0 and 1 are never valid connections.
/// </summary>
public readonly struct Cid : IEquatable<Cid>
{
    /// <summary>Wraps a raw CID.</summary>
    public Cid(uint value) => Value = value;

    /// <summary>The raw value.</summary>
    public uint Value { get; }

    /// <inheritdoc/>
    public bool Equals(Cid other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Cid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <summary>"cid" followed by the number.</summary>
    public override string ToString() => "cid" + Value.ToString();

    /// <summary>True when equal.</summary>
    public static bool operator ==(Cid left, Cid right) => left.Value == right.Value;

    /// <summary>True when different.</summary>
    public static bool operator !=(Cid left, Cid right) => left.Value != right.Value;
}

/// <summary>
/// A process id: 1..255 (a non-zero byte). PID 1 is the kernel; initial processes start at 2.
/// </summary>
public readonly struct Pid : IEquatable<Pid>
{
    /// <summary>Wraps a process id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero.</exception>
    public Pid(byte value)
    {
        if (value == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "PID 0 is not a process.");
        }

        Value = value;
    }

    /// <summary>The kernel's process id.</summary>
    public static Pid Kernel => new(1);

    /// <summary>The raw value (1..255).</summary>
    public byte Value { get; }

    /// <summary>Decodes a word as a PID; false for 0 or values above 255 (Xous: <c>InvalidPID</c>).</summary>
    public static bool TryFromWord(nuint word, out Pid pid)
    {
        if (word == 0 || word > byte.MaxValue)
        {
            pid = default;
            return false;
        }

        pid = new Pid((byte)word);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Pid other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <summary>"pid" followed by the number.</summary>
    public override string ToString() => "pid" + Value.ToString();

    /// <summary>True when equal.</summary>
    public static bool operator ==(Pid left, Pid right) => left.Value == right.Value;

    /// <summary>True when different.</summary>
    public static bool operator !=(Pid left, Pid right) => left.Value != right.Value;
}

/// <summary>
/// A thread id, local to its process. TID 0 is the interrupt context, 1 the exception handler, 2 the first thread.
/// </summary>
public readonly struct Tid : IEquatable<Tid>
{
    /// <summary>Wraps a raw thread id.</summary>
    public Tid(nuint value) => Value = value;

    /// <summary>The raw value.</summary>
    public nuint Value { get; }

    /// <inheritdoc/>
    public bool Equals(Tid other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Tid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>"tid" followed by the number.</summary>
    public override string ToString() => "tid" + Value.ToString();

    /// <summary>True when equal.</summary>
    public static bool operator ==(Tid left, Tid right) => left.Value == right.Value;

    /// <summary>True when different.</summary>
    public static bool operator !=(Tid left, Tid right) => left.Value != right.Value;
}
