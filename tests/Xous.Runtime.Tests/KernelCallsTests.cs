using Xous.Abi;

namespace Xous.Runtime.Tests;

public sealed class KernelCallsTests
{
    private static readonly Sid s_sid = new(1, 2, 3, 4);
    private static readonly MessageSender s_sender = MessageSender.Create(new Pid(7), 3, 9);
    private static readonly MemoryRange s_buffer = MemoryRange.Create(0x4000_0000, 0x2000);

    private readonly FakeKernelPort _port = new();
    private readonly KernelCalls _kernel;

    public KernelCallsTests() => _kernel = new KernelCalls(_port);

    public static TheoryData<string> SimpleCalls => new()
    {
        "UnmapMemory", "Disconnect", "DestroyServer", "Yield", "WaitEvent", "TerminateProcess", "Shutdown",
        "ReturnMemory", "ReturnScalar1", "ReturnScalar2", "ReturnScalar5", "CreateServerWithAddress",
    };

    [Theory]
    [MemberData(nameof(SimpleCalls))]
    public void Ok_calls_encode_their_syscall_and_report_kernel_errors(string name)
    {
        (Func<KernelCalls, XousError> invoke, Syscall expected) = Simple(name);
        _port.Script = _ => SyscallResult.Ok();

        Assert.Equal(XousError.NoError, invoke(_kernel));
        Assert.Equal(expected, Assert.Single(_port.Calls));

        _port.Script = _ => SyscallResult.Failure(XousError.AccessDenied);
        Assert.Equal(XousError.AccessDenied, invoke(_kernel));
    }

    [Fact]
    public void MapMemory_encodes_the_request_and_decodes_the_range()
    {
        _port.Script = _ => SyscallResult.FromMemoryRange(MemoryRange.Create(0x6000_0000, 0x3000));

        XousError error = _kernel.MapMemory(0, 0, 0x2001, MemoryFlags.R | MemoryFlags.W, out MemoryRange range);

        Assert.Equal(XousError.NoError, error);
        Assert.Equal(MemoryRange.Create(0x6000_0000, 0x3000), range);
        Assert.Equal(Syscall.MapMemory(0, 0, 0x2001, MemoryFlags.R | MemoryFlags.W), Assert.Single(_port.Calls));
    }

    [Fact]
    public void MapMemory_reports_the_kernel_error_and_leaves_the_range_empty()
    {
        _port.Script = _ => SyscallResult.Failure(XousError.OutOfMemory);

        Assert.Equal(XousError.OutOfMemory, _kernel.MapMemory(0, 0, 4096, MemoryFlags.R, out MemoryRange range));
        Assert.True(range.IsEmpty);
    }

    [Fact]
    public void A_result_of_the_wrong_tag_is_an_internal_error()
    {
        _port.Script = _ => SyscallResult.Scalar1(5);

        Assert.Equal(XousError.InternalError, _kernel.Connect(s_sid, out Cid connection));
        Assert.Equal(default, connection);
        Assert.Equal(XousError.InternalError, _kernel.Yield());
    }

    [Fact]
    public void RetryCall_makes_the_wrapper_issue_the_call_again()
    {
        int calls = 0;
        _port.Script = _ => ++calls < 3 ? SyscallResult.RetryCall() : SyscallResult.FromConnectionId(new Cid(7));

        Assert.Equal(XousError.NoError, _kernel.TryConnect(s_sid, out Cid connection));
        Assert.Equal(new Cid(7), connection);
        Assert.Equal(3, _port.Calls.Count);
        Assert.All(_port.Calls, call => Assert.Equal(Syscall.TryConnect(s_sid), call));
    }

    [Fact]
    public void Connect_and_TryConnect_carry_the_sid()
    {
        _port.Script = _ => SyscallResult.FromConnectionId(new Cid(4));

        Assert.Equal(XousError.NoError, _kernel.Connect(s_sid, out Cid first));
        Assert.Equal(XousError.NoError, _kernel.TryConnect(s_sid, out Cid second));

        Assert.Equal(new Cid(4), first);
        Assert.Equal(new Cid(4), second);
        Assert.Equal(new[] { Syscall.Connect(s_sid), Syscall.TryConnect(s_sid) }, _port.Calls);
    }

    [Fact]
    public void CreateServer_decodes_the_sid_and_connection()
    {
        _port.Script = _ => SyscallResult.FromNewServer(s_sid, new Cid(6));

        Assert.Equal(XousError.NoError, _kernel.CreateServer(out Sid sid, out Cid connection));
        Assert.Equal(s_sid, sid);
        Assert.Equal(new Cid(6), connection);
        Assert.Equal(Syscall.CreateServer(), Assert.Single(_port.Calls));
    }

    [Fact]
    public void CreateServerId_GetThreadId_GetProcessId_decode_their_results()
    {
        _port.Script = call => call.Number switch
        {
            SyscallNumber.CreateServerId => SyscallResult.FromServerId(s_sid),
            SyscallNumber.GetThreadId => SyscallResult.FromThreadId(new Tid(4)),
            SyscallNumber.GetProcessId => SyscallResult.FromProcessId(new Pid(9)),
            _ => null,
        };

        Assert.Equal(XousError.NoError, _kernel.CreateServerId(out Sid sid));
        Assert.Equal(XousError.NoError, _kernel.GetThreadId(out Tid thread));
        Assert.Equal(XousError.NoError, _kernel.GetProcessId(out Pid process));
        Assert.Equal((s_sid, new Tid(4), new Pid(9)), (sid, thread, process));
    }

    [Fact]
    public void Heap_calls_encode_sizes_and_decode_the_heap()
    {
        MemoryRange heap = MemoryRange.Create(0x2000_0000, 0x5000);
        _port.Script = _ => SyscallResult.FromMemoryRange(heap);

        Assert.Equal(XousError.NoError, _kernel.IncreaseHeap(0x1000, MemoryFlags.R | MemoryFlags.W, out MemoryRange grown));
        Assert.Equal(XousError.NoError, _kernel.DecreaseHeap(0x1000, out MemoryRange shrunk));

        Assert.Equal(heap, grown);
        Assert.Equal(heap, shrunk);
        Assert.Equal(new[] { Syscall.IncreaseHeap(0x1000, MemoryFlags.R | MemoryFlags.W), Syscall.DecreaseHeap(0x1000) }, _port.Calls);
    }

    [Fact]
    public void SendMessage_returns_the_reply_of_a_blocking_scalar()
    {
        _port.Script = _ => SyscallResult.Scalar2(10, 20);
        Message message = Message.BlockingScalar(3, 1, 2, 3, 4);

        Assert.Equal(XousError.NoError, _kernel.SendMessage(new Cid(5), message, out SyscallResult reply));

        Assert.Equal(SyscallResult.Scalar2(10, 20), reply);
        Assert.Equal(Syscall.SendMessage(new Cid(5), message), Assert.Single(_port.Calls));
    }

    [Fact]
    public void SendMessage_refuses_a_reply_that_does_not_fit_the_kind()
    {
        _port.Script = _ => SyscallResult.Ok();

        Assert.Equal(XousError.InternalError, _kernel.SendMessage(new Cid(5), Message.BlockingScalar(3), out SyscallResult reply));
        Assert.Equal(default, reply);
    }

    [Fact]
    public void TrySendMessage_uses_its_own_syscall_and_reports_a_full_queue()
    {
        _port.Script = _ => SyscallResult.Failure(XousError.ServerQueueFull);
        Message message = Message.Scalar(1, 2);

        Assert.Equal(XousError.ServerQueueFull, _kernel.TrySendMessage(new Cid(5), message, out _));
        Assert.Equal(Syscall.TrySendMessage(new Cid(5), message), Assert.Single(_port.Calls));
    }

    [Fact]
    public void ReceiveMessage_decodes_the_envelope()
    {
        var envelope = new MessageEnvelope(s_sender, Message.Borrow(8, s_buffer, 0, 30));
        _port.Script = _ => SyscallResult.FromEnvelope(envelope);

        Assert.Equal(XousError.NoError, _kernel.ReceiveMessage(s_sid, out MessageEnvelope received));
        Assert.Equal(envelope, received);
        Assert.Equal(Syscall.ReceiveMessage(s_sid), Assert.Single(_port.Calls));
    }

    [Fact]
    public void TryReceiveMessage_reports_an_empty_queue_as_not_received()
    {
        _port.Script = _ => SyscallResult.Nothing();

        Assert.Equal(XousError.NoError, _kernel.TryReceiveMessage(s_sid, out bool received, out _));
        Assert.False(received);
        Assert.Equal(Syscall.TryReceiveMessage(s_sid), Assert.Single(_port.Calls));
    }

    [Fact]
    public void ReplyAndReceiveNext_encodes_scalar_and_memory_replies()
    {
        var next = new MessageEnvelope(s_sender, Message.Scalar(2));
        _port.Script = _ => SyscallResult.FromEnvelope(next);

        Assert.Equal(XousError.NoError, _kernel.ReplyScalar5AndReceiveNext(s_sender, 1, 2, 3, 4, 5, out MessageEnvelope first));
        Assert.Equal(XousError.NoError, _kernel.ReplyMemoryAndReceiveNext(s_sender, s_buffer, 6, 7, out MessageEnvelope second));

        Assert.Equal(next, first);
        Assert.Equal(next, second);
        Assert.Equal(
            new[]
            {
                Syscall.ReplyAndReceiveNext(s_sender, ReplyKind.Scalar5, 1, 2, 3, 4, 5),
                Syscall.ReplyAndReceiveNextWithMemory(s_sender, s_buffer, 6, 7),
            },
            _port.Calls);
        Assert.Equal(nuint.MaxValue, _port.Calls[1].Arg7);
    }

    [Fact]
    public void JoinThread_returns_the_thread_result()
    {
        _port.Script = _ => SyscallResult.Scalar1(42);

        Assert.Equal(XousError.NoError, _kernel.JoinThread(new Tid(5), out nuint value));
        Assert.Equal((nuint)42, value);
        Assert.Equal(Syscall.JoinThread(new Tid(5)), Assert.Single(_port.Calls));
    }

    [Fact]
    public void AdjustProcessLimit_encodes_the_limit_and_decodes_the_current_value()
    {
        _port.Script = _ => SyscallResult.Scalar2((nuint)ProcessLimit.HeapMaximum, 0x10000);

        Assert.Equal(XousError.NoError, _kernel.AdjustProcessLimit(ProcessLimit.HeapMaximum, 0x8000, 0x10000, out nuint current));
        Assert.Equal((nuint)0x10000, current);
        Assert.Equal(Syscall.AdjustProcessLimit(ProcessLimit.HeapMaximum, 0x8000, 0x10000), Assert.Single(_port.Calls));

        _port.Script = _ => SyscallResult.Failure(XousError.InvalidLimit);
        Assert.Equal(XousError.InvalidLimit, _kernel.AdjustProcessLimit(ProcessLimit.HeapSize, 1, 2, out _));
    }

    private static (Func<KernelCalls, XousError> Invoke, Syscall Expected) Simple(string name) => name switch
    {
        "UnmapMemory" => (kernel => kernel.UnmapMemory(s_buffer), Syscall.UnmapMemory(s_buffer)),
        "Disconnect" => (kernel => kernel.Disconnect(new Cid(3)), Syscall.Disconnect(new Cid(3))),
        "DestroyServer" => (kernel => kernel.DestroyServer(s_sid), Syscall.DestroyServer(s_sid)),
        "Yield" => (kernel => kernel.Yield(), Syscall.Yield()),
        "WaitEvent" => (kernel => kernel.WaitEvent(), Syscall.WaitEvent()),
        "TerminateProcess" => (kernel => kernel.TerminateProcess(3), Syscall.TerminateProcess(3)),
        "Shutdown" => (kernel => kernel.Shutdown(), Syscall.Shutdown()),
        "ReturnMemory" => (kernel => kernel.ReturnMemory(s_sender, s_buffer, 1, 2), Syscall.ReturnMemory(s_sender, s_buffer, 1, 2)),
        "ReturnScalar1" => (kernel => kernel.ReturnScalar1(s_sender, 1), Syscall.ReturnScalar1(s_sender, 1)),
        "ReturnScalar2" => (kernel => kernel.ReturnScalar2(s_sender, 1, 2), Syscall.ReturnScalar2(s_sender, 1, 2)),
        "ReturnScalar5" => (kernel => kernel.ReturnScalar5(s_sender, 1, 2, 3, 4, 5), Syscall.ReturnScalar5(s_sender, 1, 2, 3, 4, 5)),
        "CreateServerWithAddress" => (kernel => kernel.CreateServerWithAddress(s_sid), Syscall.CreateServerWithAddress(s_sid)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
