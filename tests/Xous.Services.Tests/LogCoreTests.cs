using System.Text;
using Xous.Log.Api;
using Xous.Log.Core;

namespace Xous.Services.Tests;

/// <summary>Collects the lines a log core writes.</summary>
internal sealed class RecordingLogOutput : ILogOutput
{
    public List<(string Text, bool IsError)> Lines { get; } = new();

    public List<byte[]> RawLines { get; } = new();

    public void WriteLine(ReadOnlySpan<byte> utf8Line, bool isError)
    {
        RawLines.Add(utf8Line.ToArray());
        Lines.Add((new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8Line), isError));
    }
}

public class LogCoreTests
{
    private const byte Pid = 5;

    private readonly RecordingLogOutput _output = new();
    private readonly LogCore _core;

    public LogCoreTests() => _core = new LogCore(_output);

    private List<string> Texts => _output.Lines.Select(l => l.Text).ToList();

    private void Record(LogLevel level, string source, string text, uint line = 0, byte pid = Pid)
    {
        LogRecord record = Wire.Record(level, source, text, line);
        _core.Record(Senders.Of(pid), in record);
    }

    private void Name(string name, byte pid = Pid) => _core.ProgramName(Senders.Of(pid), Encoding.UTF8.GetBytes(name));

    /// <summary>Sends <paramref name="text"/> as a panic report, in chunks of <paramref name="chunk"/> bytes (1..16).</summary>
    private void Panic(byte[] text, int chunk = 16, byte pid = Pid, bool finish = true)
    {
        _core.PanicStarted(Senders.Of(pid));
        for (int at = 0; at < text.Length; at += chunk)
        {
            int count = Math.Min(chunk, text.Length - at);
            var units = new uint[4];
            for (int i = 0; i < count; i++)
            {
                units[i / 4] |= (uint)text[at + i] << (8 * (i % 4));
            }

            SendChunk(count, units, pid);
        }

        if (finish)
        {
            _core.PanicFinished(Senders.Of(pid));
        }
    }

    private void SendChunk(int count, uint[] u, byte pid)
    {
        var sender = Senders.Of(pid);
        Action<Xous.Abi.MessageSender, uint, uint, uint, uint>[] chunks =
        [
            _core.PanicMessage0, _core.PanicMessage1, _core.PanicMessage2, _core.PanicMessage3,
            _core.PanicMessage4, _core.PanicMessage5, _core.PanicMessage6, _core.PanicMessage7,
            _core.PanicMessage8, _core.PanicMessage9, _core.PanicMessage10, _core.PanicMessage11,
            _core.PanicMessage12, _core.PanicMessage13, _core.PanicMessage14, _core.PanicMessage15,
        ];
        chunks[count - 1](sender, u[0], u[1], u[2], u[3]);
    }

    [Fact]
    public void A_record_is_level_program_source_line_and_text()
    {
        Record(LogLevel.Info, "shellchat::cmds", "started", line: 42);
        Name("names");
        Record(LogLevel.Warn, "xous_names", "slow");
        Record(LogLevel.Error, "", "broken");
        Record(LogLevel.Debug, "d", "x");
        Record(LogLevel.Trace, "t", "");

        Assert.Equal(
        [
            ("INFO  [pid 5] shellchat::cmds:42: started", false),
            ("WARN  [names] xous_names: slow", false),
            ("ERROR [names] broken", true),
            ("DEBUG [names] d: x", false),
            ("TRACE [names] t: ", false),
        ], _output.Lines);
        LogStatistics statistics = _core.Statistics;
        Assert.Equal((1u, 1u, 1u, 1u, 1u), (statistics.ErrorRecords, statistics.WarnRecords, statistics.InfoRecords, statistics.DebugRecords, statistics.TraceRecords));
    }

    [Fact]
    public void The_record_layout_the_core_reads_is_the_contracts()
    {
        Assert.Equal(16, (int)System.Runtime.InteropServices.Marshal.OffsetOf<LogRecord>(nameof(LogRecord.Source)));
        Assert.Equal(16 + LogRecord.SourceCapacity, (int)System.Runtime.InteropServices.Marshal.OffsetOf<LogRecord>(nameof(LogRecord.Text)));
        byte[] source = Enumerable.Repeat((byte)'s', LogRecord.SourceCapacity).ToArray();
        byte[] text = Enumerable.Repeat((byte)'t', LogRecord.TextCapacity).ToArray();
        LogRecord record = Wire.Record(LogLevel.Info, source, text);
        _core.Record(Senders.Of(Pid), in record);
        Assert.Equal("INFO  [pid 5] " + new string('s', 128) + ": " + new string('t', 3840), Assert.Single(Texts));
    }

    [Fact]
    public void Text_with_line_feeds_becomes_several_lines_with_the_same_prefix()
    {
        Name("vault");
        Record(LogLevel.Info, "m", "one\ntwo\r\nINFO  [names] forged\n");
        Assert.Equal(["INFO  [vault] m: one", "INFO  [vault] m: two", "INFO  [vault] m: INFO  [names] forged"], Texts);
    }

    [Theory]
    [InlineData(LogLevel.Info, LogRecord.SourceCapacity + 1, 0)]
    [InlineData(LogLevel.Info, 0, LogRecord.TextCapacity + 1)]
    [InlineData(LogLevel.Info, uint.MaxValue, uint.MaxValue)]
    [InlineData((LogLevel)0, 0, 0)]
    [InlineData((LogLevel)6, 0, 0)]
    public void A_malformed_record_is_reported_not_written(LogLevel level, uint sourceLength, uint textLength)
    {
        LogRecord record = Wire.Record(level, "src"u8.ToArray(), "text"u8.ToArray(), sourceLength: sourceLength, textLength: textLength);
        _core.Record(Senders.Of(Pid), in record);
        Assert.Equal(("WARN  [log] malformed record from pid 5", true), Assert.Single(_output.Lines));
        Assert.Equal(1u, _core.Statistics.MalformedRecords);
        Assert.Equal(0u, _core.Statistics.InfoRecords);
    }

    [Fact]
    public void Invalid_utf8_and_control_characters_are_replaced()
    {
        byte[] text = [(byte)'a', 0xFF, (byte)'b', 0xC3, (byte)'c', 0xE2, 0x82, 0xAC, 0x1B, (byte)'[', (byte)'2', (byte)'J',
                       0x7F, 0xC2, 0x9B, (byte)'\t', 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xF4, 0x90, 0x80, 0x80, 0xF0, 0x9F, 0x98];
        LogRecord record = Wire.Record(LogLevel.Info, "m"u8.ToArray(), text);
        _core.Record(Senders.Of(Pid), in record);
        const string R = "\uFFFD";     // one per byte of an invalid sequence: surrogate 3, overlong 2, > U+10FFFF 4, cut 3
        Assert.Equal("INFO  [pid 5] m: a" + R + "b" + R + "c€?[2J??\t" + string.Concat(Enumerable.Repeat(R, 3 + 2 + 4 + 3)),
                     Assert.Single(Texts));
    }

    [Fact]
    public void Standard_output_is_written_a_line_at_a_time()
    {
        Name("shell");
        _core.StandardOutput(Senders.Of(Pid), "hello\nwor"u8);
        Assert.Equal(["[shell] hello"], Texts);
        _core.StandardError(Senders.Of(Pid), "oops\n"u8);
        _core.StandardOutput(Senders.Of(Pid), "ld\n\n"u8);
        Assert.Equal([("[shell] hello", false), ("[shell] oops", true), ("[shell] world", false), ("[shell] ", false)], _output.Lines);
    }

    [Fact]
    public void A_character_split_across_writes_survives()
    {
        _core.StandardOutput(Senders.Of(Pid), [(byte)'x', 0xE2, 0x82]);
        _core.StandardOutput(Senders.Of(Pid), [0xAC, (byte)'\n']);
        Assert.Equal(["[pid 5] x€"], Texts);
    }

    [Fact]
    public void A_partial_line_longer_than_its_buffer_is_written_at_once()
    {
        _core.StandardOutput(Senders.Of(Pid), Encoding.ASCII.GetBytes(new string('a', 200)));
        Assert.Empty(_output.Lines);
        _core.StandardOutput(Senders.Of(Pid), Encoding.ASCII.GetBytes(new string('b', 100)));
        Assert.Equal("[pid 5] " + new string('a', 200) + new string('b', 100), Assert.Single(Texts));
        Assert.Equal(1u, _core.Statistics.PartialLinesFlushedEarly);

        _core.StandardOutput(Senders.Of(Pid), Encoding.ASCII.GetBytes(new string('c', ILog.MaxOutputBytes)));
        Assert.Equal(2, _output.Lines.Count);
    }

    [Fact]
    public void Without_a_free_partial_buffer_the_text_is_written_at_once()
    {
        for (byte pid = 10; pid < 10 + LogCore.MaxPartialLines; pid++)
        {
            _core.StandardOutput(Senders.Of(pid), "waiting"u8);
        }

        Assert.Empty(_output.Lines);
        _core.StandardOutput(Senders.Of(99), "no room"u8);
        Assert.Equal(["[pid 99] no room"], Texts);
        Assert.Equal(1u, _core.Statistics.PartialLinesFlushedEarly);
    }

    [Fact]
    public void Program_names_are_per_process_bounded_and_cleared_by_an_empty_name()
    {
        Name("first", pid: 10);
        Name("second", pid: 10);
        Record(LogLevel.Info, "", "x", pid: 10);
        _core.ProgramName(Senders.Of(10), ReadOnlySpan<byte>.Empty);
        Record(LogLevel.Info, "", "y", pid: 10);
        Assert.Equal(["INFO  [second] x", "INFO  [pid 10] y"], Texts);

        for (int i = 0; i < LogCore.MaxProgramNames; i++)
        {
            Name("p" + i, pid: (byte)(100 + i));
        }

        Name("refused", pid: 200);
        Record(LogLevel.Info, "", "z", pid: 200);
        Assert.Equal("INFO  [pid 200] z", Texts[^1]);
        Assert.Equal(1u, _core.Statistics.ProgramNamesRefused);
    }

    [Fact]
    public void A_panic_is_assembled_from_chunks_of_every_size()
    {
        Name("shell");
        byte[] text = Encoding.UTF8.GetBytes("thread 'main' panicked at src/main.rs:10:5: index out of bounds — é");
        for (int chunk = 1; chunk <= 16; chunk++)
        {
            _output.Lines.Clear();
            Panic(text, chunk);
            Assert.Equal(("PANIC in shell: " + Encoding.UTF8.GetString(text), true), Assert.Single(_output.Lines));
        }

        Assert.Equal(16u, _core.Statistics.Panics);
    }

    [Fact]
    public void Sixteen_byte_chunks_take_unit0_bytes_first_little_endian()
    {
        _core.PanicStarted(Senders.Of(Pid));
        _core.PanicMessage15(Senders.Of(Pid), 0x64636261, 0x68676665, 0x6C6B6A69, 0x706F6E6D);
        _core.PanicMessage2(Senders.Of(Pid), 0x00737271, 0xFFFFFFFF, 0, 0);   // bytes past the count are ignored
        _core.PanicFinished(Senders.Of(Pid));
        Assert.Equal(("PANIC in pid 5: abcdefghijklmnopqrs", true), Assert.Single(_output.Lines));
    }

    [Fact]
    public void A_multi_line_panic_keeps_the_prefix_on_every_line_and_follows_pending_output()
    {
        _core.StandardOutput(Senders.Of(Pid), "unfinished"u8);
        Panic("first\nsecond"u8.ToArray());
        Assert.Equal(["[pid 5] unfinished", "PANIC in pid 5: first", "PANIC in pid 5: second"], Texts);
    }

    [Fact]
    public void A_panic_longer_than_its_buffer_is_cut_and_says_so()
    {
        Panic(Encoding.ASCII.GetBytes(new string('p', LogCore.PanicBufferBytes + 100)));
        Assert.Equal(["PANIC in pid 5: " + new string('p', LogCore.PanicBufferBytes), "PANIC in pid 5: (panic text truncated)"], Texts);
        Assert.Equal(1u, _core.Statistics.PanicsTruncated);
    }

    [Fact]
    public void Panic_buffers_are_bounded_and_a_lost_report_still_ends_with_a_line()
    {
        for (byte pid = 10; pid < 10 + LogCore.MaxConcurrentPanics; pid++)
        {
            Panic("open"u8.ToArray(), pid: pid, finish: false);
        }

        Panic("lost"u8.ToArray(), pid: 99);
        Assert.Equal([("PANIC in pid 99: (panic text not received)", true)], _output.Lines);
        Assert.Equal(1u, _core.Statistics.PanicsLost);
        Assert.Equal(1u, _core.Statistics.StrayPanicChunks);

        _core.PanicFinished(Senders.Of(10));
        Assert.Equal("PANIC in pid 10: open", Texts[^1]);
        Panic("now fits"u8.ToArray(), pid: 99);
        Assert.Equal("PANIC in pid 99: now fits", Texts[^1]);
    }

    [Fact]
    public void Chunks_without_a_started_report_are_ignored_and_counted()
    {
        _core.PanicMessage3(Senders.Of(Pid), 0x41414141, 0, 0, 0);
        Assert.Empty(_output.Lines);
        Assert.Equal(1u, _core.Statistics.StrayPanicChunks);
        _core.PanicStarted(Senders.Of(Pid));
        _core.PanicFinished(Senders.Of(Pid));
        Assert.Equal(["PANIC in pid 5: (no panic text)"], Texts);
    }

    [Fact]
    public void ProcessExited_writes_pending_output_and_an_unfinished_panic_then_forgets_the_name()
    {
        Name("dying");
        _core.StandardError(Senders.Of(Pid), "last words"u8);
        Panic("half a repo"u8.ToArray(), finish: false);
        _core.ProcessExited(new Xous.Abi.Pid(Pid));
        Assert.Equal(
            ["[dying] last words", "PANIC in dying: half a repo", "PANIC in dying: (process ended before the report was finished)"],
            Texts);
        Record(LogLevel.Info, "", "reborn");
        Assert.Equal("INFO  [pid 5] reborn", Texts[^1]);
    }
}
