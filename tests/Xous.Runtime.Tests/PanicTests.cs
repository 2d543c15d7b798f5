using System.Text;
using Xous.Abi;
using Xous.Log.Api;

namespace Xous.Runtime.Tests;

public sealed class PanicTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void A_panic_is_sent_as_started_chunks_finished_then_terminate(int length)
    {
        var process = new TestProcess();
        string text = new(Enumerable.Range(0, length).Select(index => (char)('a' + (index % 26))).ToArray());

        process.Context.Panic(text);

        Message[] messages = process.Port.MessagesTo(process.LogConnection);
        Assert.Equal(Message.Scalar(1000), messages[0]);
        Assert.Equal(Message.BlockingScalar(1200), messages[^1]);
        Message[] chunks = messages[1..^1];
        Assert.Equal((length + 15) / 16, chunks.Length);
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        for (int index = 0; index < chunks.Length; index++)
        {
            int start = index * 16;
            int size = Math.Min(16, length - start);
            uint[] units = ExpectedUnits(bytes.AsSpan(start, size));
            Assert.Equal(Message.Scalar((nuint)(1100 + size - 1), units[0], units[1], units[2], units[3]), chunks[index]);
        }

        Assert.Equal(text, process.Log.PanicString);
        Assert.Equal((1, 1), (process.Log.PanicsStarted, process.Log.PanicsFinished));
        Assert.Equal(Syscall.TerminateProcess(PanicReport.ExitCode), process.Port.Calls[^1]);
    }

    [Fact]
    public void Chunks_pack_bytes_little_endian_unit0_first()
    {
        PanicReport.Pack(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, out uint u0, out uint u1, out uint u2, out uint u3);
        Assert.Equal((0x04030201u, 0x08070605u, 0x0C0B0A09u, 0x100F0E0Du), (u0, u1, u2, u3));

        PanicReport.Pack(new byte[] { 0xAB, 0xCD, 0xEF, 0x12, 0x34 }, out u0, out u1, out u2, out u3);
        Assert.Equal((0x12EFCDABu, 0x34u, 0u, 0u), (u0, u1, u2, u3));

        Assert.Throws<ArgumentOutOfRangeException>(() => PanicReport.Pack(new byte[17], out _, out _, out _, out _));
    }

    [Fact]
    public void Long_panic_text_is_cut_on_a_utf8_boundary()
    {
        var process = new TestProcess();
        string text = new string('x', PanicReport.MaxTextBytes - 1) + "é and more";

        process.Context.Panic(text);

        Assert.Equal(new string('x', PanicReport.MaxTextBytes - 1), process.Log.PanicString);
    }

    [Fact]
    public void Run_reports_an_escaping_exception_and_terminates_with_the_panic_code()
    {
        var process = new TestProcess();

        int code = process.Context.Run(_ => throw new InvalidOperationException("boom"));

        Assert.Equal((int)PanicReport.ExitCode, code);
        Assert.StartsWith("System.InvalidOperationException: boom", process.Log.PanicString);
        Assert.Equal(Syscall.TerminateProcess(101), process.Port.Calls[^1]);
    }

    [Fact]
    public void Run_sends_the_program_name_once_and_terminates_with_mains_result()
    {
        var process = new TestProcess();
        int calls = 0;

        int code = process.Context.Run(context => { calls++; return 7; }, "hello");

        Assert.Equal((7, 1), (code, calls));
        Assert.Equal(new[] { "hello" }, process.Log.ProgramNames);
        Assert.Equal(Syscall.TerminateProcess(7), process.Port.Calls[^1]);
        Assert.Equal(0, process.Log.PanicsStarted);
    }

    [Fact]
    public void A_panic_without_a_log_server_only_terminates_and_does_not_wait_for_one()
    {
        var port = new FakeKernelPort();
        var context = new ProcessContext(port);

        context.Panic("nobody listens");

        Assert.Equal(new[] { Syscall.TryConnect(LogServerId.Sid), Syscall.TerminateProcess(PanicReport.ExitCode) }, port.Calls);
    }

    [Fact]
    public void Only_the_first_panic_is_reported()
    {
        var process = new TestProcess();

        process.Context.Panic("first");
        process.Context.Panic("second");

        Assert.Equal("first", process.Log.PanicString);
        Assert.Equal(2, process.Port.CallsOf(SyscallNumber.TerminateProcess).Length);
    }

    [Fact]
    public void A_log_server_that_fails_during_the_report_does_not_stop_the_termination()
    {
        var process = new TestProcess();
        process.Port.Script = call => call.Number == SyscallNumber.SendMessage ? SyscallResult.Failure(XousError.ServerNotFound) : null;

        process.Context.Panic("lost");

        Assert.Equal(Syscall.TerminateProcess(PanicReport.ExitCode), process.Port.Calls[^1]);
    }

    [Fact]
    public void Threads_started_through_the_runtime_get_the_panic_wrapper()
    {
        var process = new TestProcess();

        Assert.Equal(XousError.NoError, process.Context.StartThread(_ => throw new ArgumentException("in a thread"), 5, out Tid thread));
        Assert.True(process.Port.StartedThreads.Single().Join(TimeSpan.FromSeconds(10)));

        Assert.NotEqual(default, thread);
        Assert.Contains("in a thread", process.Log.PanicString);
        Assert.Equal(Syscall.TerminateProcess(PanicReport.ExitCode), process.Port.Calls[^1]);
    }

    [Fact]
    public void Threads_run_their_entry_with_the_argument_and_join_returns_the_kernel_value()
    {
        var process = new TestProcess();
        nuint seen = 0;

        process.Context.StartThread(argument => seen = argument, 42, out Tid thread);
        process.Port.StartedThreads.Single().Join(TimeSpan.FromSeconds(10));
        process.Port.Script = call => call.Number == SyscallNumber.JoinThread ? SyscallResult.Scalar1(42) : null;

        Assert.Equal(XousError.NoError, process.Context.JoinThread(thread, out nuint value));
        Assert.Equal((nuint)42, seen);
        Assert.Equal((nuint)42, value);
        Assert.Equal(0, process.Log.PanicsStarted);
    }

    private static uint[] ExpectedUnits(ReadOnlySpan<byte> chunk)
    {
        var padded = new byte[16];
        chunk.CopyTo(padded);
        return Enumerable.Range(0, 4).Select(index => BitConverter.ToUInt32(padded, index * 4)).ToArray();
    }
}
