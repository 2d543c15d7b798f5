using System;

namespace Xous.Abi;

/// <summary>
/// One message: a kind, an id and four words. For scalar kinds the words are the arguments; for memory kinds
/// they are the buffer address, the buffer size, <c>offset</c> and <c>valid</c> (advisory; 0 means none).
/// Memory messages always carry a non-empty buffer.
/// </summary>
public readonly struct Message : IEquatable<Message>
{
    private Message(MessageKind kind, nuint id, nuint word1, nuint word2, nuint word3, nuint word4)
    {
        Kind = kind;
        Id = id;
        Word1 = word1;
        Word2 = word2;
        Word3 = word3;
        Word4 = word4;
    }

    /// <summary>The kind of message.</summary>
    public MessageKind Kind { get; }

    /// <summary>The message id (the opcode of a service interface).</summary>
    public nuint Id { get; }

    /// <summary>Scalar argument 1, or the buffer address.</summary>
    public nuint Word1 { get; }

    /// <summary>Scalar argument 2, or the buffer size.</summary>
    public nuint Word2 { get; }

    /// <summary>Scalar argument 3, or <c>offset</c>.</summary>
    public nuint Word3 { get; }

    /// <summary>Scalar argument 4, or <c>valid</c>.</summary>
    public nuint Word4 { get; }

    /// <summary>True for kinds whose sender waits for a reply.</summary>
    public bool IsBlocking => MessageKindCodes.IsBlocking(Kind);

    /// <summary>True for MutableBorrow, Borrow and Move.</summary>
    public bool HasMemory => MessageKindCodes.HasMemory(Kind);

    /// <summary>The lent or moved buffer.</summary>
    /// <exception cref="InvalidOperationException">This is a scalar message.</exception>
    public MemoryRange Buffer
    {
        get
        {
            RequireMemory();
            return MemoryRange.Create(Word1, Word2);
        }
    }

    /// <summary>The advisory <c>offset</c> of a memory message (0 = none).</summary>
    /// <exception cref="InvalidOperationException">This is a scalar message.</exception>
    public nuint Offset
    {
        get
        {
            RequireMemory();
            return Word3;
        }
    }

    /// <summary>The advisory <c>valid</c> byte count of a memory message (0 = none).</summary>
    /// <exception cref="InvalidOperationException">This is a scalar message.</exception>
    public nuint Valid
    {
        get
        {
            RequireMemory();
            return Word4;
        }
    }

    /// <summary>A fire-and-forget scalar.</summary>
    public static Message Scalar(nuint id, nuint arg1 = 0, nuint arg2 = 0, nuint arg3 = 0, nuint arg4 = 0) =>
        new(MessageKind.Scalar, id, arg1, arg2, arg3, arg4);

    /// <summary>A scalar whose sender waits for ReturnScalar1, 2 or 5.</summary>
    public static Message BlockingScalar(nuint id, nuint arg1 = 0, nuint arg2 = 0, nuint arg3 = 0, nuint arg4 = 0) =>
        new(MessageKind.BlockingScalar, id, arg1, arg2, arg3, arg4);

    /// <summary>A read-only lend.</summary>
    public static Message Borrow(nuint id, MemoryRange buffer, nuint offset = 0, nuint valid = 0) =>
        Memory(MessageKind.Borrow, id, buffer, offset, valid);

    /// <summary>A read/write lend.</summary>
    public static Message MutableBorrow(nuint id, MemoryRange buffer, nuint offset = 0, nuint valid = 0) =>
        Memory(MessageKind.MutableBorrow, id, buffer, offset, valid);

    /// <summary>A transfer of the pages to the server.</summary>
    public static Message Move(nuint id, MemoryRange buffer, nuint offset = 0, nuint valid = 0) =>
        Memory(MessageKind.Move, id, buffer, offset, valid);

    /// <summary>A memory message of the given memory kind.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is a scalar kind or the buffer is empty.</exception>
    public static Message Memory(MessageKind kind, nuint id, MemoryRange buffer, nuint offset = 0, nuint valid = 0)
    {
        if (!MessageKindCodes.HasMemory(kind))
        {
            throw new ArgumentException("Scalar kinds carry no buffer.", nameof(kind));
        }

        if (buffer.IsEmpty)
        {
            throw new ArgumentException("A memory message needs a non-empty buffer.", nameof(buffer));
        }

        return new Message(kind, id, buffer.Address, buffer.Size, offset, valid);
    }

    /// <summary>
    /// Decodes the five words that follow a kind (id and four words). False when a memory kind has a zero address
    /// or size.
    /// </summary>
    public static bool TryCreate(MessageKind kind, nuint id, nuint word1, nuint word2, nuint word3, nuint word4, out Message message)
    {
        if (MessageKindCodes.HasMemory(kind) && (word1 == 0 || word2 == 0))
        {
            message = default;
            return false;
        }

        message = new Message(kind, id, word1, word2, word3, word4);
        return true;
    }

    private void RequireMemory()
    {
        if (!HasMemory)
        {
            throw new InvalidOperationException("A scalar message carries no buffer.");
        }
    }

    /// <inheritdoc/>
    public bool Equals(Message other) =>
        Kind == other.Kind && Id == other.Id && Word1 == other.Word1 && Word2 == other.Word2 &&
        Word3 == other.Word3 && Word4 == other.Word4;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Message other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        ((int)Kind * 31) ^ Id.GetHashCode() ^ (Word1.GetHashCode() * 7) ^ (Word2.GetHashCode() * 13) ^
        (Word3.GetHashCode() * 17) ^ (Word4.GetHashCode() * 19);

    /// <summary>True when equal.</summary>
    public static bool operator ==(Message left, Message right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(Message left, Message right) => !left.Equals(right);
}

/// <summary>A received message and who sent it: the payload of <see cref="ResultTag.MessageEnvelope"/>.</summary>
public readonly struct MessageEnvelope : IEquatable<MessageEnvelope>
{
    /// <summary>Pairs a sender with a message.</summary>
    public MessageEnvelope(MessageSender sender, Message body)
    {
        Sender = sender;
        Body = body;
    }

    /// <summary>Identifies the message to the kernel when replying.</summary>
    public MessageSender Sender { get; }

    /// <summary>The message.</summary>
    public Message Body { get; }

    /// <inheritdoc/>
    public bool Equals(MessageEnvelope other) => Sender == other.Sender && Body == other.Body;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MessageEnvelope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Sender.GetHashCode() ^ (Body.GetHashCode() * 31);

    /// <summary>True when equal.</summary>
    public static bool operator ==(MessageEnvelope left, MessageEnvelope right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(MessageEnvelope left, MessageEnvelope right) => !left.Equals(right);
}
