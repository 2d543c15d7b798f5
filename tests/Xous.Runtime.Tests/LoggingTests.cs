using System.Text;
using Xous.Abi;
using Xous.Log.Api;

namespace Xous.Runtime.Tests;

public sealed class LoggingTests
{
    [Fact]
    public void A_record_carries_level_source_line_and_text_in_a_move()
    {
        var process = new TestProcess();
        Logger logger = process.Context.CreateLogger("net::dns");

        Assert.True(logger.Log(LogLevel.Warn, "lookup failed", 42));

        LogRecord record = Assert.Single(process.Log.Records);
        Assert.Equal((LogLevel.Warn, 42u), (record.Level, record.Line));
        Assert.Equal("net::dns", FakeLog.SourceOf(record));
        Assert.Equal("lookup failed", FakeLog.TextOf(record));
        Message message = Assert.Single(process.Port.MessagesTo(process.LogConnection));
        Assert.Equal((MessageKind.Move, (nuint)LogOpcodes.Record), (message.Kind, message.Id));
        Assert.Equal(Syscall.Connect(LogServerId.Sid), Assert.Single(process.Port.CallsOf(SyscallNumber.Connect)));
    }

    [Fact]
    public void The_level_helpers_send_their_level_and_the_filter_drops_detail()
    {
        var process = new TestProcess();
        Logger logger = process.Context.CreateLogger("app");

        logger.Error("e");
        logger.Warn("w");
        logger.Info("i");
        logger.Debug("d");
        logger.Trace("t");
        logger.MaximumLevel = LogLevel.Trace;
        logger.Trace("t2");

        Assert.Equal(new[] { LogLevel.Error, LogLevel.Warn, LogLevel.Info, LogLevel.Trace }, process.Log.Records.Select(record => record.Level));
        Assert.Equal("t2", FakeLog.TextOf(process.Log.Records[^1]));
    }

    [Theory]
    [InlineData("é", 1)]  // 2 bytes, 1 left: dropped whole.
    [InlineData("€", 2)]  // 3 bytes, 2 left.
    [InlineData("😀", 3)] // 4 bytes, 3 left.
    public void Text_is_cut_on_a_utf8_boundary(string tail, int spaceLeft)
    {
        string prefix = new('a', LogRecord.TextCapacity - spaceLeft);
        LogRecord record = default;

        Logger.Fill(ref record, LogLevel.Info, 0, Encoding.UTF8.GetBytes("s"), prefix + tail);

        Assert.Equal((uint)prefix.Length, record.TextLength);
        Assert.Equal(prefix, FakeLog.TextOf(record));
        byte[] bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref record, 1)).ToArray();
        Assert.All(bytes[(16 + LogRecord.SourceCapacity + prefix.Length)..], value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_multibyte_character_that_fits_exactly_is_kept()
    {
        string text = new string('a', LogRecord.TextCapacity - 4) + "😀";
        LogRecord record = default;

        Logger.Fill(ref record, LogLevel.Info, 0, default, text);

        Assert.Equal((uint)LogRecord.TextCapacity, record.TextLength);
        Assert.Equal(text, FakeLog.TextOf(record));
    }

    [Fact]
    public void The_source_is_cut_on_a_utf8_boundary()
    {
        var process = new TestProcess();
        string source = new string('s', LogRecord.SourceCapacity - 1) + "ü";

        process.Context.CreateLogger(source).Error("x");

        Assert.Equal(new string('s', LogRecord.SourceCapacity - 1), FakeLog.SourceOf(process.Log.Records.Single()));
    }

    [Fact]
    public void A_record_the_log_server_cannot_take_is_dropped_and_counted()
    {
        var port = new FakeKernelPort();
        port.Script = call => call.Number == SyscallNumber.Connect ? SyscallResult.FromConnectionId(new Cid(3)) : null;
        var context = new ProcessContext(port);
        Logger logger = context.CreateLogger("x");

        Assert.False(logger.Log(LogLevel.Error, "lost"));
        Assert.Equal(1u, logger.Dropped);
    }

    [Fact]
    public void Utf8_encoding_matches_dotnet_including_unpaired_surrogates()
    {
        string text = "aé€😀\uD800x\uDC00";
        var buffer = new byte[64];

        int length = Utf8Text.Encode(text, buffer, out int consumed);

        Assert.Equal(Encoding.UTF8.GetBytes(text), buffer[..length]);
        Assert.Equal(text.Length, consumed);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]  // Inside é.
    [InlineData(3, 3)]
    [InlineData(5, 3)]  // Inside €.
    [InlineData(6, 6)]
    [InlineData(9, 6)]  // Inside 😀.
    [InlineData(10, 10)]
    [InlineData(99, 10)]
    public void BoundaryAtOrBefore_never_splits_a_sequence(int max, int expected)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("aé€😀");

        Assert.Equal(expected, Utf8Text.BoundaryAtOrBefore(utf8, max));
    }

    [Fact]
    public void Standard_output_is_sent_in_chunks_cut_on_boundaries()
    {
        var process = new TestProcess();
        string text = new string('a', ILog.MaxOutputBytes - 1) + "é" + new string('b', 5000);

        Assert.True(process.Context.Output.StandardOutput(text));

        Assert.Equal(new[] { ILog.MaxOutputBytes - 1, ILog.MaxOutputBytes, 1002 }, process.Log.StandardOutputChunks.Select(chunk => chunk.Length));
        Assert.Equal(text, string.Concat(process.Log.StandardOutput));
    }

    [Fact]
    public void Standard_error_and_raw_bytes_are_sent()
    {
        var process = new TestProcess();

        process.Context.Output.StandardError("oops");
        process.Context.Output.StandardOutput(Encoding.UTF8.GetBytes("raw é"));

        Assert.Equal(new[] { "oops" }, process.Log.StandardError);
        Assert.Equal(new[] { "raw é" }, process.Log.StandardOutput);
    }
}
