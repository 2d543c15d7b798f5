namespace Xous.Abi;

/// <summary>
/// The five kinds of message, numbered as in a <see cref="MessageEnvelope"/> and in
/// <see cref="ResultTag.Message"/> (0..4). <see cref="SyscallNumber.SendMessage"/> numbers them 1..5 instead;
/// convert with <see cref="MessageKindCodes"/>.
/// </summary>
public enum MessageKind : byte
{
    /// <summary>Lend pages read/write; the sender blocks until they come back with offset and valid.</summary>
    MutableBorrow = 0,

    /// <summary>Lend pages read-only; the sender blocks until they come back unchanged.</summary>
    Borrow = 1,

    /// <summary>Give pages away; the sender does not wait.</summary>
    Move = 2,

    /// <summary>An id and four words; the sender does not wait.</summary>
    Scalar = 3,

    /// <summary>An id and four words; the sender waits for ReturnScalar1, 2 or 5.</summary>
    BlockingScalar = 4,
}

/// <summary>The two numberings of <see cref="MessageKind"/>.</summary>
public static class MessageKindCodes
{
    /// <summary>The code in a2 of SendMessage/TrySendMessage (1..5).</summary>
    public static nuint ToSendCode(MessageKind kind) => (nuint)kind + 1;

    /// <summary>Decodes a SendMessage type code; false unless it is 1..5.</summary>
    public static bool TryFromSendCode(nuint code, out MessageKind kind)
    {
        if (code < 1 || code > 5)
        {
            kind = default;
            return false;
        }

        kind = (MessageKind)(byte)(code - 1);
        return true;
    }

    /// <summary>The code in an envelope or a Message result (0..4).</summary>
    public static nuint ToEnvelopeCode(MessageKind kind) => (nuint)kind;

    /// <summary>Decodes an envelope code; false unless it is 0..4.</summary>
    public static bool TryFromEnvelopeCode(nuint code, out MessageKind kind)
    {
        if (code > 4)
        {
            kind = default;
            return false;
        }

        kind = (MessageKind)(byte)code;
        return true;
    }

    /// <summary>True for kinds whose sender waits: MutableBorrow, Borrow and BlockingScalar.</summary>
    public static bool IsBlocking(MessageKind kind) =>
        kind == MessageKind.MutableBorrow || kind == MessageKind.Borrow || kind == MessageKind.BlockingScalar;

    /// <summary>True for kinds that carry memory: MutableBorrow, Borrow and Move.</summary>
    public static bool HasMemory(MessageKind kind) => kind <= MessageKind.Move;
}
