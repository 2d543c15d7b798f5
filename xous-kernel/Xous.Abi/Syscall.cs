using System;

namespace Xous.Abi;

/// <summary>
/// One syscall request: the number (a0) and seven argument words (a1..a7), exactly as the RISC-V registers
/// carry it on the device and as the hosted protocol carries it over a stream. Values are created by the typed
/// factories (<c>Syscall.SendMessage(...)</c> …) or by <see cref="TryDecode"/>, so every value is well-formed;
/// argument words a call does not use are zero.
/// </summary>
public readonly partial struct Syscall : IEquatable<Syscall>
{
    private Syscall(SyscallNumber number, nuint a1 = 0, nuint a2 = 0, nuint a3 = 0, nuint a4 = 0, nuint a5 = 0, nuint a6 = 0, nuint a7 = 0)
    {
        Number = number;
        Arg1 = a1;
        Arg2 = a2;
        Arg3 = a3;
        Arg4 = a4;
        Arg5 = a5;
        Arg6 = a6;
        Arg7 = a7;
    }

    /// <summary>The syscall number (a0).</summary>
    public SyscallNumber Number { get; }

    /// <summary>Argument word a1.</summary>
    public nuint Arg1 { get; }

    /// <summary>Argument word a2.</summary>
    public nuint Arg2 { get; }

    /// <summary>Argument word a3.</summary>
    public nuint Arg3 { get; }

    /// <summary>Argument word a4.</summary>
    public nuint Arg4 { get; }

    /// <summary>Argument word a5.</summary>
    public nuint Arg5 { get; }

    /// <summary>Argument word a6.</summary>
    public nuint Arg6 { get; }

    /// <summary>Argument word a7.</summary>
    public nuint Arg7 { get; }

    /// <summary>Writes the eight register words (a0..a7).</summary>
    /// <exception cref="ArgumentException"><paramref name="words"/> holds fewer than eight words.</exception>
    public void Encode(Span<nuint> words)
    {
        if (words.Length < Limits.RegisterWords)
        {
            throw new ArgumentException("A syscall is eight words.", nameof(words));
        }

        words[0] = (nuint)Number;
        words[1] = Arg1;
        words[2] = Arg2;
        words[3] = Arg3;
        words[4] = Arg4;
        words[5] = Arg5;
        words[6] = Arg6;
        words[7] = Arg7;
    }

    /// <summary>
    /// Decodes and validates eight register words. On failure <paramref name="error"/> says why, using the error
    /// Xous gives for the same input: <see cref="XousError.InvalidSyscall"/> for an unknown number or malformed
    /// arguments, <see cref="XousError.InvalidPID"/> for a zero or out-of-range process id,
    /// <see cref="XousError.InvalidLimit"/> for an unknown process limit. Words the call does not use are ignored.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="words"/> holds fewer than eight words.</exception>
    public static bool TryDecode(ReadOnlySpan<nuint> words, out Syscall call, out XousError error)
    {
        if (words.Length < Limits.RegisterWords)
        {
            throw new ArgumentException("A syscall is eight words.", nameof(words));
        }

        call = default;
        error = SyscallDecoder.Validate(words);
        if (error != XousError.NoError)
        {
            return false;
        }

        var number = (SyscallNumber)(uint)words[0];
        int used = SyscallDecoder.ArgumentCount(number);
        call = new Syscall(
            number,
            used >= 1 ? words[1] : 0,
            used >= 2 ? words[2] : 0,
            used >= 3 ? words[3] : 0,
            used >= 4 ? words[4] : 0,
            used >= 5 ? words[5] : 0,
            used >= 6 ? words[6] : 0,
            used >= 7 ? words[7] : 0);
        return true;
    }

    /// <summary>
    /// The SID of CreateServerWithAddress, ReceiveMessage, TryReceiveMessage, Connect, TryConnect, DestroyServer,
    /// RegisterSwapper (a1..a4) and ConnectForProcess (a2..a5).
    /// </summary>
    /// <exception cref="InvalidOperationException">This syscall takes no SID.</exception>
    public Sid ServerId => Number switch
    {
        SyscallNumber.CreateServerWithAddress or SyscallNumber.ReceiveMessage or SyscallNumber.TryReceiveMessage or
        SyscallNumber.Connect or SyscallNumber.TryConnect or SyscallNumber.DestroyServer or
        SyscallNumber.RegisterSwapper => Words.ToSid(Arg1, Arg2, Arg3, Arg4),
        SyscallNumber.ConnectForProcess => Words.ToSid(Arg2, Arg3, Arg4, Arg5),
        _ => throw NotAnArgument("a SID"),
    };

    /// <summary>
    /// The process argument of ReturnToParent, SwitchTo, ReadyThreads, SetMemRegion, ConnectForProcess and
    /// VirtToPhysPid (a1), or of UpdateMemoryFlags (a4), where null means the caller itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">This syscall takes no process id.</exception>
    public Pid? TargetProcess => Number switch
    {
        SyscallNumber.ReturnToParent or SyscallNumber.SwitchTo or SyscallNumber.ReadyThreads or
        SyscallNumber.SetMemRegion or SyscallNumber.ConnectForProcess or
        SyscallNumber.VirtToPhysPid => new Pid((byte)Arg1),
        SyscallNumber.UpdateMemoryFlags => Arg4 == 0 ? null : new Pid((byte)Arg4),
        _ => throw NotAnArgument("a process id"),
    };

    /// <summary>The connection of SendMessage, TrySendMessage and Disconnect (a1).</summary>
    /// <exception cref="InvalidOperationException">This syscall takes no connection.</exception>
    public Cid Connection => Number is SyscallNumber.SendMessage or SyscallNumber.TrySendMessage or SyscallNumber.Disconnect
        ? new Cid((uint)Arg1)
        : throw NotAnArgument("a connection");

    /// <summary>The message of SendMessage and TrySendMessage (a2..a7).</summary>
    /// <exception cref="InvalidOperationException">This syscall carries no message.</exception>
    public Message Message
    {
        get
        {
            if (Number is not (SyscallNumber.SendMessage or SyscallNumber.TrySendMessage))
            {
                throw NotAnArgument("a message");
            }

            MessageKindCodes.TryFromSendCode(Arg2, out MessageKind kind);
            Message.TryCreate(kind, Arg3, Arg4, Arg5, Arg6, Arg7, out Message message);
            return message;
        }
    }

    /// <summary>The sender being replied to by ReturnMemory, ReturnScalar1/2/5 and ReplyAndReceiveNext (a1).</summary>
    /// <exception cref="InvalidOperationException">This syscall is not a reply.</exception>
    public MessageSender Sender => Number is SyscallNumber.ReturnMemory or SyscallNumber.ReturnScalar1 or
        SyscallNumber.ReturnScalar2 or SyscallNumber.ReturnScalar5 or SyscallNumber.ReplyAndReceiveNext
        ? new MessageSender((uint)Arg1)
        : throw NotAnArgument("a message sender");

    /// <summary>
    /// The memory range of UnmapMemory and UpdateMemoryFlags (a1, a2), ReturnMemory (a2, a3) and a memory reply of
    /// ReplyAndReceiveNext (a2, a3).
    /// </summary>
    /// <exception cref="InvalidOperationException">This syscall takes no memory range.</exception>
    public MemoryRange Range => Number switch
    {
        SyscallNumber.UnmapMemory or SyscallNumber.UpdateMemoryFlags => MemoryRange.Create(Arg1, Arg2),
        SyscallNumber.ReturnMemory => MemoryRange.Create(Arg2, Arg3),
        SyscallNumber.ReplyAndReceiveNext when ReplyKind == ReplyKind.Memory => MemoryRange.Create(Arg2, Arg3),
        _ => throw NotAnArgument("a memory range"),
    };

    /// <summary>The memory flags of MapMemory (a4), IncreaseHeap (a2) and UpdateMemoryFlags (a3).</summary>
    /// <exception cref="InvalidOperationException">This syscall takes no memory flags.</exception>
    public MemoryFlags Flags => Number switch
    {
        SyscallNumber.MapMemory => (MemoryFlags)(uint)Arg4,
        SyscallNumber.IncreaseHeap => (MemoryFlags)(uint)Arg2,
        SyscallNumber.UpdateMemoryFlags => (MemoryFlags)(uint)Arg3,
        _ => throw NotAnArgument("memory flags"),
    };

    /// <summary>How ReplyAndReceiveNext replies (a7).</summary>
    /// <exception cref="InvalidOperationException">This syscall is not ReplyAndReceiveNext.</exception>
    public ReplyKind ReplyKind => Number == SyscallNumber.ReplyAndReceiveNext
        ? (Arg7 == nuint.MaxValue ? ReplyKind.Memory : (ReplyKind)(uint)Arg7)
        : throw NotAnArgument("a reply kind");

    private InvalidOperationException NotAnArgument(string what) =>
        new("Syscall " + Number.ToString() + " does not take " + what + ".");

    /// <inheritdoc/>
    public bool Equals(Syscall other) =>
        Number == other.Number && Arg1 == other.Arg1 && Arg2 == other.Arg2 && Arg3 == other.Arg3 &&
        Arg4 == other.Arg4 && Arg5 == other.Arg5 && Arg6 == other.Arg6 && Arg7 == other.Arg7;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Syscall other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        (int)Number ^ (Arg1.GetHashCode() * 3) ^ (Arg2.GetHashCode() * 5) ^ (Arg3.GetHashCode() * 7) ^
        (Arg4.GetHashCode() * 11) ^ (Arg5.GetHashCode() * 13) ^ (Arg6.GetHashCode() * 17) ^ (Arg7.GetHashCode() * 19);

    /// <summary>The syscall's name.</summary>
    public override string ToString() => Number.ToString();

    /// <summary>True when equal.</summary>
    public static bool operator ==(Syscall left, Syscall right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(Syscall left, Syscall right) => !left.Equals(right);
}
