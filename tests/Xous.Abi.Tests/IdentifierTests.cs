namespace Xous.Abi.Tests;

public class IdentifierTests
{
    [Fact]
    public void Well_known_sid_is_sixteen_ascii_bytes_as_little_endian_words()
    {
        Sid ticktimer = Sid.FromBytes("ticktimer-server"u8);
        Assert.Equal(0x6b636974u, ticktimer.Word0); // "tick"
        Assert.Equal(0x656d6974u, ticktimer.Word1); // "time"
        Assert.Equal(0x65732d72u, ticktimer.Word2); // "r-se"
        Assert.Equal(0x72657672u, ticktimer.Word3); // "rver"
        Span<byte> back = stackalloc byte[16];
        ticktimer.WriteBytes(back);
        Assert.True(back.SequenceEqual("ticktimer-server"u8));
        Assert.Equal("6b636974656d697465732d7272657672", ticktimer.ToString());
    }

    [Fact]
    public void Short_sid_bytes_are_zero_padded_and_long_ones_refused()
    {
        Assert.True(Sid.TryFromBytes("abc"u8, out Sid shortSid));
        Assert.Equal(new Sid(0x00636261, 0, 0, 0), shortSid);
        Assert.False(Sid.TryFromBytes(new byte[17], out _));
        Assert.Throws<ArgumentException>(() => Sid.FromBytes("abc"u8));
        Assert.Throws<ArgumentException>(() => shortSid.WriteBytes(new byte[15]));
        Assert.Equal(0x00636261u, shortSid.GetWord(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => shortSid.GetWord(4));
    }

    [Fact]
    public void Sid_equality_uses_all_words()
    {
        var a = new Sid(1, 2, 3, 4);
        Assert.Equal(a, new Sid(1, 2, 3, 4));
        Assert.NotEqual(a, new Sid(1, 2, 3, 5));
        Assert.NotEqual(a, new Sid(0, 2, 3, 4));
        Assert.True(a == new Sid(1, 2, 3, 4));
        Assert.True(a != new Sid(1, 2, 4, 4));
    }

    [Fact]
    public void Message_sender_packs_pid_server_and_slot()
    {
        MessageSender sender = MessageSender.Create(new Pid(0x42), 0x7F, 0xBEEF);
        Assert.Equal(0x427FBEEFu, sender.Value);
        Assert.Equal(new Pid(0x42), sender.ProcessId);
        Assert.Equal(0x7F, sender.ServerIndex);
        Assert.Equal(0xBEEF, sender.QueueSlot);
        Assert.False(new MessageSender(0x00FF_FFFF).TryGetProcessId(out _));
        Assert.Throws<InvalidOperationException>(() => new MessageSender(0x00FF_FFFF).ProcessId);
        Assert.Equal("sender 0x427fbeef", sender.ToString());
    }

    [Fact]
    public void Pid_is_a_non_zero_byte()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pid(0));
        Assert.True(Pid.TryFromWord(255, out Pid max));
        Assert.Equal(255, max.Value);
        Assert.False(Pid.TryFromWord(0, out _));
        Assert.False(Pid.TryFromWord(256, out _));
        Assert.Equal(1, Pid.Kernel.Value);
    }

    [Fact]
    public void Memory_range_needs_address_and_size()
    {
        Assert.False(MemoryRange.TryCreate(0, 4096, out _));
        Assert.False(MemoryRange.TryCreate(4096, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryRange.Create(0, 1));
        Assert.True(MemoryRange.Create(0x1000, 0x2000).IsPageAligned);
        Assert.False(MemoryRange.Create(0x1000, 0x2001).IsPageAligned);
        Assert.False(MemoryRange.Create(0x1001, 0x2000).IsPageAligned);
        Assert.True(default(MemoryRange).IsEmpty);
    }

    [Fact]
    public void Memory_flags_match_xous_bits_and_reject_unknown_ones()
    {
        Assert.Equal(0x01u, (uint)MemoryFlags.Reserve);
        Assert.Equal(0x02u, (uint)MemoryFlags.R);
        Assert.Equal(0x04u, (uint)MemoryFlags.W);
        Assert.Equal(0x08u, (uint)MemoryFlags.X);
        Assert.Equal(0x10u, (uint)MemoryFlags.Dev);
        Assert.Equal(0x20u, (uint)MemoryFlags.Virt);
        Assert.True(MemoryFlagsRules.TryDecode(0x3F, out MemoryFlags all));
        Assert.Equal((MemoryFlags)0x3F, all);
        Assert.False(MemoryFlagsRules.TryDecode(0x40, out _));
        Assert.True(MemoryFlagsRules.IsWriteWithoutRead(MemoryFlags.W));
        Assert.False(MemoryFlagsRules.IsWriteWithoutRead(MemoryFlags.W | MemoryFlags.R));
    }
}

public class MessageKindTests
{
    [Theory]
    [InlineData(MessageKind.MutableBorrow, 1u, 0u, true, true)]
    [InlineData(MessageKind.Borrow, 2u, 1u, true, true)]
    [InlineData(MessageKind.Move, 3u, 2u, false, true)]
    [InlineData(MessageKind.Scalar, 4u, 3u, false, false)]
    [InlineData(MessageKind.BlockingScalar, 5u, 4u, true, false)]
    public void Both_numberings_and_properties_follow_xous(MessageKind kind, uint sendCode, uint envelopeCode, bool blocking, bool memory)
    {
        Assert.Equal((nuint)sendCode, MessageKindCodes.ToSendCode(kind));
        Assert.Equal((nuint)envelopeCode, MessageKindCodes.ToEnvelopeCode(kind));
        Assert.True(MessageKindCodes.TryFromSendCode(sendCode, out MessageKind fromSend));
        Assert.Equal(kind, fromSend);
        Assert.True(MessageKindCodes.TryFromEnvelopeCode(envelopeCode, out MessageKind fromEnvelope));
        Assert.Equal(kind, fromEnvelope);
        Assert.Equal(blocking, MessageKindCodes.IsBlocking(kind));
        Assert.Equal(memory, MessageKindCodes.HasMemory(kind));
    }

    [Fact]
    public void Out_of_range_codes_are_refused()
    {
        Assert.False(MessageKindCodes.TryFromSendCode(0, out _));
        Assert.False(MessageKindCodes.TryFromSendCode(6, out _));
        Assert.False(MessageKindCodes.TryFromEnvelopeCode(5, out _));
    }

    [Fact]
    public void Memory_messages_need_a_buffer_and_scalars_have_none()
    {
        Assert.Throws<ArgumentException>(() => Message.Memory(MessageKind.Scalar, 1, MemoryRange.Create(1, 1)));
        Assert.Throws<ArgumentException>(() => Message.Borrow(1, default));
        Assert.Throws<InvalidOperationException>(() => Message.Scalar(1, 2).Buffer);
        Assert.Throws<InvalidOperationException>(() => Message.BlockingScalar(1, 2).Valid);
        Assert.False(Message.TryCreate(MessageKind.Move, 1, 0, 4096, 0, 0, out _));
        Assert.True(Message.TryCreate(MessageKind.Scalar, 1, 0, 0, 0, 0, out Message scalar));
        Assert.Equal(Message.Scalar(1), scalar);
    }
}
