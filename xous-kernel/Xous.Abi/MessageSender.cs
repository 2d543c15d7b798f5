using System;

namespace Xous.Abi;

/// <summary>
/// The opaque 32-bit value that identifies a received message to the kernel when the server replies:
/// <c>(client pid &lt;&lt; 24) | (server index &lt;&lt; 16) | (queue slot &amp; 0xFFFF)</c>.
/// Servers must treat it as opaque except for <see cref="ProcessId"/>.
/// </summary>
public readonly struct MessageSender : IEquatable<MessageSender>
{
    /// <summary>Wraps the raw word.</summary>
    public MessageSender(uint value) => Value = value;

    /// <summary>The raw value.</summary>
    public uint Value { get; }

    /// <summary>Composes a sender from its parts (kernel use).</summary>
    public static MessageSender Create(Pid client, byte serverIndex, ushort queueSlot) =>
        new(((uint)client.Value << 24) | ((uint)serverIndex << 16) | queueSlot);

    /// <summary>The sending process, or false when bits 31..24 are zero.</summary>
    public bool TryGetProcessId(out Pid pid) => Pid.TryFromWord(Value >> 24, out pid);

    /// <summary>The sending process (bits 31..24).</summary>
    /// <exception cref="InvalidOperationException">The sender carries no process id.</exception>
    public Pid ProcessId => TryGetProcessId(out Pid pid)
        ? pid
        : throw new InvalidOperationException("This message sender carries no process id.");

    /// <summary>The server's index in the kernel's server table (bits 23..16).</summary>
    public byte ServerIndex => (byte)(Value >> 16);

    /// <summary>The queue slot of the message (bits 15..0).</summary>
    public ushort QueueSlot => (ushort)Value;

    /// <inheritdoc/>
    public bool Equals(MessageSender other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MessageSender other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <summary>"sender 0x" followed by eight hex digits.</summary>
    public override string ToString() => "sender " + Hex.Format(Value);

    /// <summary>True when equal.</summary>
    public static bool operator ==(MessageSender left, MessageSender right) => left.Value == right.Value;

    /// <summary>True when different.</summary>
    public static bool operator !=(MessageSender left, MessageSender right) => left.Value != right.Value;
}
