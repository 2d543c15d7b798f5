using CsCheck;

namespace Xous.Abi.Tests;

public class SyscallEncodingTests
{
    public static TheoryData<int> SampleIndexes()
    {
        var data = new TheoryData<int>();
        int count = SyscallSamples.All().Count();
        for (int i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void Encodes_to_xous_register_layout_and_decodes_back(int index)
    {
        (Syscall call, nuint[] expected) = SyscallSamples.All().ElementAt(index);
        var words = new nuint[8];
        call.Encode(words);
        Assert.Equal(expected, words);

        Assert.True(Syscall.TryDecode(words, out Syscall decoded, out XousError error), $"{call} did not decode: {error}");
        Assert.Equal(XousError.NoError, error);
        Assert.Equal(call, decoded);
    }

    [Fact]
    public void Samples_cover_every_syscall_number()
    {
        var covered = SyscallSamples.All().Select(s => s.Call.Number).ToHashSet();
        var all = Enum.GetValues<SyscallNumber>().Where(n => n != SyscallNumber.Invalid);
        Assert.Empty(all.Except(covered));
        Assert.Equal(45, covered.Count);
    }

    [Fact]
    public void Numbers_follow_xous()
    {
        Assert.Equal(2u, (uint)SyscallNumber.MapMemory);
        Assert.Equal(16u, (uint)SyscallNumber.SendMessage);
        Assert.Equal(24u, (uint)SyscallNumber.TrySendMessage);
        Assert.Equal(30u, (uint)SyscallNumber.ConnectForProcess);
        Assert.Equal(41u, (uint)SyscallNumber.ReplyAndReceiveNext);
        Assert.Equal(46u, (uint)SyscallNumber.PlatformSpecific);
        Assert.False(Enum.IsDefined(typeof(SyscallNumber), 1u));
    }

    [Fact]
    public void Typed_views_read_the_right_registers()
    {
        Sid sid = SyscallSamples.NameServer;
        Assert.Equal(sid, Syscall.Connect(sid).ServerId);
        Assert.Equal(sid, Syscall.ConnectForProcess(new Pid(7), sid).ServerId);
        Assert.Equal(new Pid(7), Syscall.ConnectForProcess(new Pid(7), sid).TargetProcess);

        MemoryRange range = MemoryRange.Create(0x1000, 0x3000);
        Message message = Message.MutableBorrow(3, range, 5, 6);
        Syscall send = Syscall.SendMessage(new Cid(9), message);
        Assert.Equal(new Cid(9), send.Connection);
        Assert.Equal(message, send.Message);
        Assert.Equal(range, send.Message.Buffer);

        Syscall ret = Syscall.ReturnMemory(SyscallSamples.Sender, range, 1, 2);
        Assert.Equal(SyscallSamples.Sender, ret.Sender);
        Assert.Equal(range, ret.Range);

        Assert.Equal(MemoryFlags.R | MemoryFlags.X, Syscall.MapMemory(0, 0, 4096, MemoryFlags.R | MemoryFlags.X).Flags);
        Assert.Null(Syscall.UpdateMemoryFlags(range, MemoryFlags.R).TargetProcess);
        Assert.Equal(ReplyKind.Memory, Syscall.ReplyAndReceiveNextWithMemory(SyscallSamples.Sender, range).ReplyKind);
        Assert.Equal(range, Syscall.ReplyAndReceiveNextWithMemory(SyscallSamples.Sender, range).Range);
        Assert.Equal(ReplyKind.Scalar5, Syscall.ReplyAndReceiveNext(SyscallSamples.Sender, ReplyKind.Scalar5, 1, 2, 3, 4, 5).ReplyKind);
    }

    [Fact]
    public void Typed_views_refuse_calls_without_that_argument()
    {
        Assert.Throws<InvalidOperationException>(() => Syscall.Yield().ServerId);
        Assert.Throws<InvalidOperationException>(() => Syscall.Yield().Message);
        Assert.Throws<InvalidOperationException>(() => Syscall.Connect(SyscallSamples.NameServer).Connection);
        Assert.Throws<InvalidOperationException>(() => Syscall.Shutdown().Sender);
        Assert.Throws<InvalidOperationException>(() => Syscall.GetProcessId().Range);
        Assert.Throws<InvalidOperationException>(() => Syscall.Yield().Flags);
        Assert.Throws<InvalidOperationException>(() => Syscall.Yield().TargetProcess);
        Assert.Throws<InvalidOperationException>(() => Syscall.Yield().ReplyKind);
        Assert.Throws<InvalidOperationException>(() => Syscall.ReplyAndReceiveNext(SyscallSamples.Sender, ReplyKind.Scalar1, 1).Range);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(47u)]
    [InlineData(1000u)]
    public void Unknown_numbers_are_invalid_syscalls(uint number)
    {
        nuint[] words = [number, 0, 0, 0, 0, 0, 0, 0];
        Assert.False(Syscall.TryDecode(words, out _, out XousError error));
        Assert.Equal(XousError.InvalidSyscall, error);
    }

    public static TheoryData<nuint[], XousError> MalformedCalls() => new()
    {
        { [2, 0, 0, 0, 0b10, 0, 0, 0], XousError.InvalidSyscall },            // MapMemory with size 0
        { [2, 0, 0, 4096, 0x40, 0, 0, 0], XousError.InvalidSyscall },         // MapMemory with an unknown flag bit
        { [4, 0, 0, 0, 0, 0, 0, 0], XousError.InvalidPID },                   // ReturnToParent to PID 0
        { [7, 256, 0, 0, 0, 0, 0, 0], XousError.InvalidPID },                 // SwitchTo PID 256
        { [5, 3, 0, 0, 0, 0, 0, 0], XousError.InvalidSyscall },               // ClaimInterrupt without a handler
        { [10, 4096, 0x80, 0, 0, 0, 0, 0], XousError.InvalidSyscall },        // IncreaseHeap with bad flags
        { [12, 0x1000, 0x1000, 0b10, 300, 0, 0, 0], XousError.InvalidPID },   // UpdateMemoryFlags for PID 300
        { [13, 2, 9, 0x1000, 0x1000, 0, 0, 0], XousError.InvalidSyscall },    // SetMemRegion with region type 9
        { [16, 2, 0, 1, 0, 0, 0, 0], XousError.InvalidSyscall },              // SendMessage with type code 0
        { [16, 2, 6, 1, 0, 0, 0, 0], XousError.InvalidSyscall },              // SendMessage with type code 6
        { [16, 2, 1, 1, 0, 4096, 0, 0], XousError.InvalidSyscall },           // MutableBorrow of address 0
        { [24, 2, 3, 1, 0x1000, 0, 0, 0], XousError.InvalidSyscall },         // Move of 0 bytes
        { [18, 0, 0x6000_0000, 0x1000, 0, 0, 0, 0], XousError.InvalidSyscall }, // CreateThread with entry 0
        { [19, 0x1000, 0, 0, 0, 0, 0, 0], XousError.InvalidSyscall },         // UnmapMemory of 0 bytes
        { [20, 1, 0, 0x1000, 0, 0, 0, 0], XousError.InvalidSyscall },         // ReturnMemory at address 0
        { [30, 0, 1, 2, 3, 4, 0, 0], XousError.InvalidPID },                  // ConnectForProcess PID 0
        { [38, 3, 0, 0, 0, 0, 0, 0], XousError.InvalidLimit },                // AdjustProcessLimit index 3
        { [41, 1, 0, 0, 0, 0, 0, 3], XousError.InvalidSyscall },              // ReplyAndReceiveNext with reply kind 3
        { [41, 1, 0, 0x1000, 0, 0, 0, nuint.MaxValue], XousError.InvalidSyscall }, // memory reply at address 0
    };

    [Theory]
    [MemberData(nameof(MalformedCalls))]
    public void Malformed_calls_are_refused_with_xous_errors(nuint[] words, XousError expected)
    {
        Assert.False(Syscall.TryDecode(words, out Syscall call, out XousError error));
        Assert.Equal(expected, error);
        Assert.Equal(default, call);
    }

    [Fact]
    public void Wide_words_are_refused_where_xous_has_32_bit_fields()
    {
        if (nuint.Size < 8)
        {
            return; // on a 32-bit target no word can exceed 32 bits
        }

        nuint wide = unchecked((nuint)0x1_0000_0000UL);
        Assert.False(Syscall.TryDecode([17, wide, 0, 0, 0, 0, 0, 0], out _, out XousError sidError));
        Assert.Equal(XousError.InvalidSyscall, sidError);
        Assert.False(Syscall.TryDecode([16, wide, 4, 1, 0, 0, 0, 0], out _, out XousError cidError));
        Assert.Equal(XousError.InvalidSyscall, cidError);
        Assert.False(Syscall.TryDecode([26, wide, 1, 0, 0, 0, 0, 0], out _, out XousError senderError));
        Assert.Equal(XousError.InvalidSyscall, senderError);
    }

    [Fact]
    public void Unused_words_are_ignored_and_decode_as_zero()
    {
        Assert.True(Syscall.TryDecode([3, 9, 9, 9, 9, 9, 9, 9], out Syscall yield, out _));
        Assert.Equal(Syscall.Yield(), yield);
        Assert.True(Syscall.TryDecode([35, 4, 9, 9, 9, 9, 9, 9], out Syscall disconnect, out _));
        Assert.Equal(Syscall.Disconnect(new Cid(4)), disconnect);
    }

    [Fact]
    public void Short_buffers_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Syscall.TryDecode(new nuint[7], out _, out _));
        Assert.Throws<ArgumentException>(() => Syscall.Yield().Encode(new nuint[7]));
    }

    [Fact]
    public void Factories_refuse_values_xous_cannot_encode()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Syscall.MapMemory(0, 0, 0, MemoryFlags.R));
        Assert.Throws<ArgumentOutOfRangeException>(() => Syscall.ClaimInterrupt(1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Syscall.CreateThread(0, MemoryRange.Create(1, 1)));
        Assert.Throws<ArgumentException>(() => Syscall.UnmapMemory(default));
        Assert.Throws<ArgumentException>(() => Syscall.SendMessage(new Cid(2), default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Syscall.ReplyAndReceiveNext(SyscallSamples.Sender, ReplyKind.Memory, 1));
    }

    [Fact]
    public void Random_messages_round_trip_through_send_and_try_send()
    {
        Gen<Message> messages =
            from kind in Gen.Int[0, 4]
            from id in Gen.UInt
            from a in Gen.UInt[1, uint.MaxValue]
            from b in Gen.UInt[1, uint.MaxValue]
            from c in Gen.UInt
            from d in Gen.UInt
            select kind switch
            {
                0 => Message.MutableBorrow(id, MemoryRange.Create(a, b), c, d),
                1 => Message.Borrow(id, MemoryRange.Create(a, b), c, d),
                2 => Message.Move(id, MemoryRange.Create(a, b), c, d),
                3 => Message.Scalar(id, a, b, c, d),
                _ => Message.BlockingScalar(id, a, b, c, d),
            };

        (from message in messages from cid in Gen.UInt from tryFirst in Gen.Bool select (message, cid, tryFirst))
            .Sample(t =>
            {
                Syscall call = t.tryFirst ? Syscall.TrySendMessage(new Cid(t.cid), t.message) : Syscall.SendMessage(new Cid(t.cid), t.message);
                var words = new nuint[8];
                call.Encode(words);
                Assert.Equal(MessageKindCodes.ToSendCode(t.message.Kind), words[2]);
                Assert.True(Syscall.TryDecode(words, out Syscall decoded, out _));
                Assert.Equal(t.message, decoded.Message);
                Assert.Equal(new Cid(t.cid), decoded.Connection);
            });
    }

    [Fact]
    public void Random_sids_round_trip_through_every_sid_call()
    {
        (from a in Gen.UInt from b in Gen.UInt from c in Gen.UInt from d in Gen.UInt from pid in Gen.Byte[1, 255] select (new Sid(a, b, c, d), pid))
            .Sample(t =>
            {
                foreach (Syscall call in new[]
                {
                    Syscall.Connect(t.Item1), Syscall.TryConnect(t.Item1), Syscall.ReceiveMessage(t.Item1),
                    Syscall.TryReceiveMessage(t.Item1), Syscall.DestroyServer(t.Item1), Syscall.CreateServerWithAddress(t.Item1),
                    Syscall.ConnectForProcess(new Pid(t.pid), t.Item1), Syscall.RegisterSwapper(t.Item1, 1, 2),
                })
                {
                    var words = new nuint[8];
                    call.Encode(words);
                    Assert.True(Syscall.TryDecode(words, out Syscall decoded, out _));
                    Assert.Equal(t.Item1, decoded.ServerId);
                }
            });
    }
}
