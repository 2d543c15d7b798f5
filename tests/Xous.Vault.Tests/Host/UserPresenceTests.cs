using Xous.Vault.Environment;
using Xous.Vault.Host.Presence;

namespace Xous.Vault.Tests.Host;

/// <summary>The user-presence policies of the hosted authenticator, on a fake clock where time matters.</summary>
public sealed class UserPresenceTests : IDisposable
{
    private static readonly UserPresenceRequest s_register = new(UserPresencePurpose.Register, "example.com");
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeClock _clock = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("prompt", UserPresenceKind.Prompt, false)]
    [InlineData("auto", UserPresenceKind.Auto, true)]
    [InlineData("deny", UserPresenceKind.Deny, false)]
    [InlineData("timeout", UserPresenceKind.Timeout, false)]
    [InlineData("delay=250", UserPresenceKind.Delay, true)]
    [InlineData("file:/tmp/up", UserPresenceKind.File, true)]
    public void PoliciesParseAndSayWhetherTheyAreInsecure(string text, UserPresenceKind kind, bool insecure)
    {
        Assert.True(UserPresencePolicy.TryParse(text, out UserPresencePolicy? policy, out string? error), error);
        Assert.Equal(kind, policy!.Kind);
        Assert.Equal(insecure, policy.IsInsecure);
        Assert.Equal(insecure, policy.Describe().Contains("INSECURE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("delay=")]
    [InlineData("delay=-5")]
    [InlineData("delay=600001")]
    [InlineData("file:")]
    [InlineData("AUTO")]
    public void InvalidPoliciesAreRefusedWithAReason(string text)
    {
        Assert.False(UserPresencePolicy.TryParse(text, out UserPresencePolicy? policy, out string? error));
        Assert.Null(policy);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void AutoApprovesDenyDeclinesAndTimeoutNeverAnswers()
    {
        IUserPresence auto = new AutoApproveUserPresenceInsecure();
        Assert.Equal(UserPresenceState.Pending, auto.Poll());
        auto.Begin(s_register);
        Assert.Equal(UserPresenceState.Approved, auto.Poll());
        auto.End();
        Assert.Equal(UserPresenceState.Pending, auto.Poll());

        IUserPresence deny = new DenyUserPresence();
        deny.Begin(s_register);
        Assert.Equal(UserPresenceState.Denied, deny.Poll());

        IUserPresence never = new NeverAnsweringUserPresence();
        never.Begin(s_register);
        _clock.Advance(3_600_000);
        Assert.Equal(UserPresenceState.Pending, never.Poll());
    }

    [Fact]
    public void DelayedApprovesOnlyAfterItsDelayOnEachRequest()
    {
        var delayed = new DelayedUserPresence(300, _clock);
        delayed.Begin(s_register);
        _clock.Advance(299);
        Assert.Equal(UserPresenceState.Pending, delayed.Poll());
        _clock.Advance(1);
        Assert.Equal(UserPresenceState.Approved, delayed.Poll());
        delayed.End();
        Assert.Equal(UserPresenceState.Pending, delayed.Poll());

        delayed.Begin(s_register);
        Assert.Equal(UserPresenceState.Pending, delayed.Poll());
        _clock.Advance(300);
        Assert.Equal(UserPresenceState.Approved, delayed.Poll());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DelayedUserPresence(-1, _clock));
    }

    [Fact]
    public void FilePolicyIsReadAtEachRequestAndDeclinesWhenTheFileIsUnusable()
    {
        string path = Path.Combine(_directory.Path, "up");
        var warnings = new List<string>();
        var presence = new FileControlledUserPresenceForTests(path, _clock, warnings.Add);

        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Denied, presence.Poll());
        presence.End();
        Assert.Single(warnings);

        File.WriteAllText(path, "auto\n");
        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Approved, presence.Poll());
        presence.End();

        File.WriteAllText(path, "delay=100");
        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Pending, presence.Poll());
        File.WriteAllText(path, "deny"); // a change during a request applies to the next one only
        _clock.Advance(100);
        Assert.Equal(UserPresenceState.Approved, presence.Poll());
        presence.End();

        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Denied, presence.Poll());
        presence.End();

        File.WriteAllText(path, "timeout");
        presence.Begin(s_register);
        _clock.Advance(60_000);
        Assert.Equal(UserPresenceState.Pending, presence.Poll());
        presence.End();

        File.WriteAllText(path, "approve-please");
        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Denied, presence.Poll());
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void TerminalPromptTakesYesOrNoOnlyWhileAPromptIsOpen()
    {
        var output = new StringWriter();
        var terminal = new TerminalUserPresence(output);

        Assert.False(terminal.TryAnswer("y")); // typed ahead: thrown away
        terminal.Begin(s_register);
        Assert.Contains("FIDO request: register a credential for example.com — approve? [y/N] (30 s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(UserPresenceState.Pending, terminal.Poll());
        Assert.True(terminal.IsWaiting);
        Assert.True(terminal.TryAnswer(" Y \n"));
        Assert.Equal(UserPresenceState.Approved, terminal.Poll());
        Assert.False(terminal.TryAnswer("n")); // already answered
        Assert.Equal(UserPresenceState.Approved, terminal.Poll());
        terminal.End();
        Assert.Equal(UserPresenceState.Pending, terminal.Poll());

        terminal.Begin(new UserPresenceRequest(UserPresencePurpose.Reset, string.Empty));
        Assert.True(terminal.TryAnswer(string.Empty)); // Enter alone: the default is No
        Assert.Equal(UserPresenceState.Denied, terminal.Poll());
        terminal.End();

        terminal.Begin(s_register);
        terminal.End();
        Assert.Contains("closed without an answer", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalPromptReadsAnswersFromItsInputReader()
    {
        var output = new StringWriter();
        var terminal = new TerminalUserPresence(TextWriter.Synchronized(output));
        var input = new BlockingLineReader();
        terminal.StartStandardInputReader(input);
        terminal.Begin(s_register);
        input.Send("yes");
        Assert.True(SpinWait.SpinUntil(() => terminal.Poll() != UserPresenceState.Pending, 5000));
        Assert.Equal(UserPresenceState.Approved, terminal.Poll());
        terminal.End();
        Assert.Throws<InvalidOperationException>(() => terminal.StartStandardInputReader(input));
        input.Close();
    }

    [Fact]
    public void TerminalPromptCannotBeRewrittenByTheRelyingPartyName()
    {
        string hostile = "evil.com\r\u001b[2KFIDO request: sign in for bank.com\u202e" + new string('a', 200);
        string sanitized = TerminalUserPresence.Sanitize(hostile);
        Assert.DoesNotContain('\r', sanitized);
        Assert.DoesNotContain('\u001b', sanitized);
        Assert.DoesNotContain('\u202e', sanitized);
        Assert.Equal(TerminalUserPresence.MaxRelyingPartyChars + 1, sanitized.Length);
        Assert.EndsWith("…", sanitized, StringComparison.Ordinal);
        Assert.Equal("example.com", TerminalUserPresence.Sanitize("example.com"));
    }

    [Fact]
    public void StoppableDeclinesAPendingPromptOnceStopping()
    {
        using var stopping = new CancellationTokenSource();
        var presence = new StoppableUserPresence(new NeverAnsweringUserPresence(), stopping.Token);
        presence.Begin(s_register);
        Assert.Equal(UserPresenceState.Pending, presence.Poll());
        stopping.Cancel();
        Assert.Equal(UserPresenceState.Denied, presence.Poll());
    }

    [Fact]
    public void NonInteractiveFactoryBuildsEachPolicyButNotThePrompt()
    {
        Assert.IsType<AutoApproveUserPresenceInsecure>(new UserPresencePolicy(UserPresenceKind.Auto).CreateNonInteractive(_clock));
        Assert.IsType<DenyUserPresence>(new UserPresencePolicy(UserPresenceKind.Deny).CreateNonInteractive(_clock));
        Assert.IsType<NeverAnsweringUserPresence>(new UserPresencePolicy(UserPresenceKind.Timeout).CreateNonInteractive(_clock));
        Assert.Equal(42, Assert.IsType<DelayedUserPresence>(new UserPresencePolicy(UserPresenceKind.Delay, 42).CreateNonInteractive(_clock)).DelayMilliseconds);
        Assert.IsType<FileControlledUserPresenceForTests>(new UserPresencePolicy(UserPresenceKind.File, FilePath: "x").CreateNonInteractive(_clock));
        Assert.Throws<InvalidOperationException>(() => new UserPresencePolicy(UserPresenceKind.Prompt).CreateNonInteractive(_clock));
    }

    private sealed class FakeClock : IMonotonicClock
    {
        public long ElapsedMilliseconds { get; private set; }

        public void Advance(long milliseconds) => ElapsedMilliseconds += milliseconds;
    }

    private sealed class BlockingLineReader : TextReader
    {
        private readonly System.Collections.Concurrent.BlockingCollection<string?> _lines = new();

        public void Send(string line) => _lines.Add(line);

        public new void Close() => _lines.Add(null);

        public override string? ReadLine() => _lines.Take();
    }
}
