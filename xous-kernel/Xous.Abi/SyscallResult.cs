using System;

namespace Xous.Abi;

/// <summary>
/// One syscall result: the tag (a0) and seven payload words, as returned in registers on the device and over the
/// stream when hosted. Created by the typed factories or by <see cref="TryDecode"/>, so every value is well-formed;
/// payload words a tag does not use are zero.
/// </summary>
public readonly partial struct SyscallResult : IEquatable<SyscallResult>
{
    private SyscallResult(ResultTag tag, nuint a1 = 0, nuint a2 = 0, nuint a3 = 0, nuint a4 = 0, nuint a5 = 0, nuint a6 = 0, nuint a7 = 0)
    {
        Tag = tag;
        Word1 = a1;
        Word2 = a2;
        Word3 = a3;
        Word4 = a4;
        Word5 = a5;
        Word6 = a6;
        Word7 = a7;
    }

    /// <summary>The result tag (a0).</summary>
    public ResultTag Tag { get; }

    /// <summary>Payload word a1.</summary>
    public nuint Word1 { get; }

    /// <summary>Payload word a2.</summary>
    public nuint Word2 { get; }

    /// <summary>Payload word a3.</summary>
    public nuint Word3 { get; }

    /// <summary>Payload word a4.</summary>
    public nuint Word4 { get; }

    /// <summary>Payload word a5.</summary>
    public nuint Word5 { get; }

    /// <summary>Payload word a6.</summary>
    public nuint Word6 { get; }

    /// <summary>Payload word a7.</summary>
    public nuint Word7 { get; }

    /// <summary>True for <see cref="ResultTag.Error"/>.</summary>
    public bool IsError => Tag == ResultTag.Error;

    /// <summary>Writes the eight register words (a0..a7).</summary>
    /// <exception cref="ArgumentException"><paramref name="words"/> holds fewer than eight words.</exception>
    public void Encode(Span<nuint> words)
    {
        if (words.Length < Limits.RegisterWords)
        {
            throw new ArgumentException("A syscall result is eight words.", nameof(words));
        }

        words[0] = (nuint)Tag;
        words[1] = Tag == ResultTag.Error ? ErrorCodes.Encode(Error) : Word1;
        words[2] = Word2;
        words[3] = Word3;
        words[4] = Word4;
        words[5] = Word5;
        words[6] = Word6;
        words[7] = Word7;
    }

    /// <summary>
    /// Decodes and validates eight result words. False for an unknown tag or a malformed payload (for example a
    /// memory message with an empty buffer). Error codes this ABI does not know decode as
    /// <see cref="XousError.UnknownError"/>, as Xous does.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="words"/> holds fewer than eight words.</exception>
    public static bool TryDecode(ReadOnlySpan<nuint> words, out SyscallResult result)
    {
        if (words.Length < Limits.RegisterWords)
        {
            throw new ArgumentException("A syscall result is eight words.", nameof(words));
        }

        result = default;
        if (words[0] > (nuint)ResultTag.Message)
        {
            return false;
        }

        var tag = (ResultTag)(uint)words[0];
        if (!ResultDecoder.IsValid(tag, words))
        {
            return false;
        }

        int used = ResultDecoder.PayloadCount(tag, words);
        nuint first = used < 1 ? 0 : tag == ResultTag.Error ? (nuint)ErrorCodes.Decode(words[1]) : words[1];
        result = new SyscallResult(
            tag,
            first,
            used >= 2 ? words[2] : 0,
            used >= 3 ? words[3] : 0,
            used >= 4 ? words[4] : 0,
            used >= 5 ? words[5] : 0,
            used >= 6 ? words[6] : 0,
            used >= 7 ? words[7] : 0);
        return true;
    }

    /// <summary>The error of an <see cref="ResultTag.Error"/> result.</summary>
    public XousError Error => Tag == ResultTag.Error ? (XousError)(uint)Word1 : throw Wrong("an error");

    /// <summary>The address of a <see cref="ResultTag.MemoryAddress"/> result.</summary>
    public nuint MemoryAddress => Tag == ResultTag.MemoryAddress ? Word1 : throw Wrong("a memory address");

    /// <summary>The range of a <see cref="ResultTag.MemoryRange"/> result.</summary>
    public MemoryRange MemoryRange => Tag == ResultTag.MemoryRange ? MemoryRange.Create(Word1, Word2) : throw Wrong("a memory range");

    /// <summary>The SID of a <see cref="ResultTag.ServerId"/>, <see cref="ResultTag.NewServerId"/> or <see cref="ResultTag.NewProcess"/> result.</summary>
    public Sid ServerId => Tag switch
    {
        ResultTag.ServerId or ResultTag.NewServerId => Words.ToSid(Word1, Word2, Word3, Word4),
        ResultTag.NewProcess => Words.ToSid(Word2, Word3, Word4, Word5),
        _ => throw Wrong("a SID"),
    };

    /// <summary>The connection of a <see cref="ResultTag.ConnectionId"/> or <see cref="ResultTag.NewServerId"/> result.</summary>
    public Cid ConnectionId => Tag switch
    {
        ResultTag.ConnectionId => new Cid((uint)Word1),
        ResultTag.NewServerId => new Cid((uint)Word5),
        _ => throw Wrong("a connection"),
    };

    /// <summary>The envelope of a <see cref="ResultTag.MessageEnvelope"/> result.</summary>
    public MessageEnvelope Envelope
    {
        get
        {
            if (Tag != ResultTag.MessageEnvelope)
            {
                throw Wrong("a message envelope");
            }

            MessageKindCodes.TryFromEnvelopeCode(Word2, out MessageKind kind);
            Message.TryCreate(kind, Word3, Word4, Word5, Word6, Word7, out Message body);
            return new MessageEnvelope(new MessageSender((uint)Word1), body);
        }
    }

    /// <summary>The message of a <see cref="ResultTag.Message"/> result.</summary>
    public Message Message
    {
        get
        {
            if (Tag != ResultTag.Message)
            {
                throw Wrong("a message");
            }

            MessageKindCodes.TryFromEnvelopeCode(Word1, out MessageKind kind);
            Message.TryCreate(kind, Word2, Word3, Word4, Word5, Word6, out Message body);
            return body;
        }
    }

    /// <summary>The thread of a <see cref="ResultTag.ThreadId"/> result.</summary>
    public Tid ThreadId => Tag == ResultTag.ThreadId ? new Tid(Word1) : throw Wrong("a thread id");

    /// <summary>The process of a <see cref="ResultTag.ProcessId"/> or <see cref="ResultTag.NewProcess"/> result.</summary>
    public Pid ProcessId => Tag is ResultTag.ProcessId or ResultTag.NewProcess ? new Pid((byte)Word1) : throw Wrong("a process id");

    /// <summary>How many scalar values a Scalar1, Scalar2 or Scalar5 result carries (0 for other tags).</summary>
    public int ScalarCount => Tag switch
    {
        ResultTag.Scalar1 => 1,
        ResultTag.Scalar2 => 2,
        ResultTag.Scalar5 => 5,
        _ => 0,
    };

    /// <summary>Scalar value <paramref name="index"/> (0-based) of a Scalar1, Scalar2 or Scalar5 result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result carries fewer values.</exception>
    public nuint GetScalar(int index)
    {
        if (index < 0 || index >= ScalarCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "This result carries " + ScalarCount.ToString() + " scalar values.");
        }

        return index switch
        {
            0 => Word1,
            1 => Word2,
            2 => Word3,
            3 => Word4,
            _ => Word5,
        };
    }

    /// <summary>The returned offset of a <see cref="ResultTag.MemoryReturned"/> result.</summary>
    public nuint ReturnedOffset => Tag == ResultTag.MemoryReturned ? Word1 : throw Wrong("returned memory");

    /// <summary>The returned valid count of a <see cref="ResultTag.MemoryReturned"/> result.</summary>
    public nuint ReturnedValid => Tag == ResultTag.MemoryReturned ? Word2 : throw Wrong("returned memory");

    /// <summary>The number of (pid, context) pairs of a <see cref="ResultTag.ReadyThreads"/> result (0..3).</summary>
    public int ReadyThreadCount => Tag == ResultTag.ReadyThreads ? (int)Word1 : throw Wrong("ready threads");

    /// <summary>Ready pair <paramref name="index"/> (0..count-1) of a <see cref="ResultTag.ReadyThreads"/> result.</summary>
    public void GetReadyThread(int index, out Pid process, out nuint context)
    {
        if (index < 0 || index >= ReadyThreadCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        nuint pidWord = index == 0 ? Word2 : index == 1 ? Word4 : Word6;
        context = index == 0 ? Word3 : index == 1 ? Word5 : Word7;
        process = new Pid((byte)pidWord);
    }

    private InvalidOperationException Wrong(string what) =>
        new("A " + Tag.ToString() + " result does not carry " + what + ".");

    /// <inheritdoc/>
    public bool Equals(SyscallResult other) =>
        Tag == other.Tag && Word1 == other.Word1 && Word2 == other.Word2 && Word3 == other.Word3 &&
        Word4 == other.Word4 && Word5 == other.Word5 && Word6 == other.Word6 && Word7 == other.Word7;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SyscallResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        (int)Tag ^ (Word1.GetHashCode() * 3) ^ (Word2.GetHashCode() * 5) ^ (Word3.GetHashCode() * 7) ^
        (Word4.GetHashCode() * 11) ^ (Word5.GetHashCode() * 13) ^ (Word6.GetHashCode() * 17) ^ (Word7.GetHashCode() * 19);

    /// <summary>The tag's name, and the error's for an error result.</summary>
    public override string ToString() => Tag == ResultTag.Error ? "Error(" + Error.ToString() + ")" : Tag.ToString();

    /// <summary>True when equal.</summary>
    public static bool operator ==(SyscallResult left, SyscallResult right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(SyscallResult left, SyscallResult right) => !left.Equals(right);
}
