namespace Xous.Abi.Tests;

public class ResultEncodingTests
{
    private static readonly Sid s_sampleSid = new(0x11, 0x22, 0x33, 0x44);
    private static readonly MessageSender s_sender = MessageSender.Create(new Pid(4), 2, 9);

    public static IEnumerable<(SyscallResult Result, nuint[] Words)> Samples()
    {
        MemoryRange range = MemoryRange.Create(0x4000_0000, 0x1000);
        yield return (SyscallResult.Ok(), [0, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.Failure(XousError.ServerNotFound), [1, 9, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromMemoryAddress(0x2000_0000), [2, 0x2000_0000, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromMemoryRange(range), [3, 0x4000_0000, 0x1000, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromReadyThreads([new Pid(2), new Pid(3)], [7, 8]), [4, 2, 2, 7, 3, 8, 0, 0]);
        yield return (SyscallResult.ResumeProcess(), [5, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromServerId(s_sampleSid), [6, 0x11, 0x22, 0x33, 0x44, 0, 0, 0]);
        yield return (SyscallResult.FromConnectionId(new Cid(5)), [7, 5, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromNewServer(s_sampleSid, new Cid(6)), [8, 0x11, 0x22, 0x33, 0x44, 6, 0, 0]);
        yield return (SyscallResult.FromEnvelope(new MessageEnvelope(s_sender, Message.Borrow(3, range, 0, 12))), [9, s_sender.Value, 1, 3, 0x4000_0000, 0x1000, 0, 12]);
        yield return (SyscallResult.FromThreadId(new Tid(2)), [10, 2, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromProcessId(new Pid(7)), [11, 7, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.Unimplemented(), [12, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.BlockedProcess(), [13, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.Scalar1(99), [14, 99, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.Scalar2(99, 100), [15, 99, 100, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.RetryCall(), [16, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.Nothing(), [17, 0, 0, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.MemoryReturned(4, 40), [18, 4, 40, 0, 0, 0, 0, 0]);
        yield return (SyscallResult.FromNewProcess(new Pid(8), s_sampleSid), [19, 8, 0x11, 0x22, 0x33, 0x44, 0, 0]);
        yield return (SyscallResult.Scalar5(1, 2, 3, 4, 5), [20, 1, 2, 3, 4, 5, 0, 0]);
        yield return (SyscallResult.FromMessage(Message.Scalar(6, 1, 2, 3, 4)), [21, 3, 6, 1, 2, 3, 4, 0]);
        yield return (SyscallResult.FromEnvelope(new MessageEnvelope(s_sender, Message.BlockingScalar(3, 9, 8, 7, 6))), [9, s_sender.Value, 4, 3, 9, 8, 7, 6]);
    }

    [Fact]
    public void Every_result_encodes_to_the_xous_layout_and_decodes_back()
    {
        foreach ((SyscallResult result, nuint[] expected) in Samples())
        {
            var words = new nuint[8];
            result.Encode(words);
            Assert.Equal(expected, words);
            Assert.True(SyscallResult.TryDecode(words, out SyscallResult decoded), $"{result} did not decode");
            Assert.Equal(result, decoded);
        }
    }

    [Fact]
    public void Samples_cover_every_result_tag()
    {
        var covered = Samples().Select(s => s.Result.Tag).ToHashSet();
        Assert.Equal(Enum.GetValues<ResultTag>().ToHashSet(), covered);
        Assert.Equal(22, covered.Count);
    }

    [Fact]
    public void Typed_views_read_the_payload()
    {
        MemoryRange range = MemoryRange.Create(0x1000, 0x1000);
        var envelope = new MessageEnvelope(s_sender, Message.MutableBorrow(1, range, 2, 3));
        Assert.Equal(envelope, SyscallResult.FromEnvelope(envelope).Envelope);
        Assert.Equal(XousError.AccessDenied, SyscallResult.Failure(XousError.AccessDenied).Error);
        Assert.Equal(s_sampleSid, SyscallResult.FromNewServer(s_sampleSid, new Cid(3)).ServerId);
        Assert.Equal(new Cid(3), SyscallResult.FromNewServer(s_sampleSid, new Cid(3)).ConnectionId);
        Assert.Equal(s_sampleSid, SyscallResult.FromNewProcess(new Pid(2), s_sampleSid).ServerId);
        Assert.Equal(new Pid(2), SyscallResult.FromNewProcess(new Pid(2), s_sampleSid).ProcessId);
        Assert.Equal(range, SyscallResult.FromMemoryRange(range).MemoryRange);
        Assert.Equal(5, SyscallResult.Scalar5(1, 2, 3, 4, 5).ScalarCount);
        Assert.Equal((nuint)5, SyscallResult.Scalar5(1, 2, 3, 4, 5).GetScalar(4));
        Assert.Equal((nuint)2, SyscallResult.Scalar2(1, 2).GetScalar(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyscallResult.Scalar2(1, 2).GetScalar(2));
        Assert.Equal((nuint)40, SyscallResult.MemoryReturned(4, 40).ReturnedValid);
        Assert.Equal((nuint)4, SyscallResult.MemoryReturned(4, 40).ReturnedOffset);
        SyscallResult ready = SyscallResult.FromReadyThreads([new Pid(2), new Pid(3), new Pid(4)], [7, 8, 9]);
        Assert.Equal(3, ready.ReadyThreadCount);
        ready.GetReadyThread(2, out Pid third, out nuint context);
        Assert.Equal(new Pid(4), third);
        Assert.Equal((nuint)9, context);
        Assert.Equal(Message.Move(2, range), SyscallResult.FromMessage(Message.Move(2, range)).Message);
    }

    [Fact]
    public void Typed_views_refuse_other_tags()
    {
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Ok().Error);
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Ok().Envelope);
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Scalar1(1).ServerId);
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Scalar1(1).ConnectionId);
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Nothing().ThreadId);
        Assert.Throws<InvalidOperationException>(() => SyscallResult.Nothing().ReturnedValid);
        Assert.Equal(0, SyscallResult.Ok().ScalarCount);
    }

    public static TheoryData<nuint[]> MalformedResults() => new()
    {
        { [22, 0, 0, 0, 0, 0, 0, 0] },                    // unknown tag
        { [nuint.MaxValue, 0, 0, 0, 0, 0, 0, 0] },        // UnknownResult is not a result we accept
        { [3, 0, 4096, 0, 0, 0, 0, 0] },                  // memory range at address 0
        { [4, 4, 2, 0, 3, 0, 4, 0] },                     // more than three ready pairs
        { [4, 1, 0, 0, 0, 0, 0, 0] },                     // ready pair with PID 0
        { [9, 1, 5, 1, 0, 0, 0, 0] },                     // envelope with kind 5
        { [9, 1, 0, 1, 0, 4096, 0, 0] },                  // MutableBorrow envelope at address 0
        { [11, 0, 0, 0, 0, 0, 0, 0] },                    // process id 0
        { [19, 256, 0, 0, 0, 0, 0, 0] },                  // new process id 256
        { [21, 7, 0, 0, 0, 0, 0, 0] },                    // message with kind 7
    };

    [Theory]
    [MemberData(nameof(MalformedResults))]
    public void Malformed_results_are_refused(nuint[] words)
    {
        Assert.False(SyscallResult.TryDecode(words, out SyscallResult result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Unused_payload_words_are_ignored()
    {
        Assert.True(SyscallResult.TryDecode([14, 5, 9, 9, 9, 9, 9, 9], out SyscallResult scalar));
        Assert.Equal(SyscallResult.Scalar1(5), scalar);
        Assert.True(SyscallResult.TryDecode([4, 1, 2, 3, 9, 9, 9, 9], out SyscallResult ready));
        Assert.Equal(SyscallResult.FromReadyThreads([new Pid(2)], [3]), ready);
    }
}
