using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>
/// The token a handler keeps for a <see cref="OpcodeAttribute.Deferred"/> method: the sender of the BlockingScalar
/// that is waiting. Complete it by building the reply with the dispatcher's static <c>XxxReply</c> helper and
/// sending it to <see cref="Sender"/> with ReturnScalar5. Every token must be completed exactly once, or the client
/// stays blocked.
/// </summary>
public readonly struct DeferredReply : IEquatable<DeferredReply>
{
    /// <summary>Wraps the sender of the waiting message.</summary>
    public DeferredReply(MessageSender sender) => Sender = sender;

    /// <summary>Who to reply to.</summary>
    public MessageSender Sender { get; }

    /// <inheritdoc/>
    public bool Equals(DeferredReply other) => Sender == other.Sender;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DeferredReply other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Sender.GetHashCode();

    /// <summary>True when both tokens name the same sender.</summary>
    public static bool operator ==(DeferredReply left, DeferredReply right) => left.Equals(right);

    /// <summary>True when the tokens name different senders.</summary>
    public static bool operator !=(DeferredReply left, DeferredReply right) => !left.Equals(right);
}
