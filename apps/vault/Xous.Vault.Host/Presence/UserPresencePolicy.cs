using System.Globalization;
using Xous.Vault.Environment;

namespace Xous.Vault.Host.Presence;

/// <summary>The kinds of <c>--user-presence</c>.</summary>
public enum UserPresenceKind
{
    /// <summary>Ask on the terminal (<see cref="TerminalUserPresence"/>). The default.</summary>
    Prompt = 0,

    /// <summary>INSECURE: approve everything (<see cref="AutoApproveUserPresenceInsecure"/>).</summary>
    Auto = 1,

    /// <summary>Decline everything (<see cref="DenyUserPresence"/>).</summary>
    Deny = 2,

    /// <summary>Never answer (<see cref="NeverAnsweringUserPresence"/>).</summary>
    Timeout = 3,

    /// <summary>Approve after a delay (<see cref="DelayedUserPresence"/>); insecure like auto.</summary>
    Delay = 4,

    /// <summary>Read one of the other words from a file at each request (<see cref="FileControlledUserPresenceForTests"/>).</summary>
    File = 5,
}

/// <summary>
/// A parsed <c>--user-presence</c> value: <c>prompt</c>, <c>auto</c>, <c>deny</c>, <c>timeout</c>, <c>delay=MS</c> or
/// <c>file:PATH</c>. The same words (except <c>prompt</c> and <c>file:</c>) are what the test policy file holds.
/// </summary>
public sealed record UserPresencePolicy(UserPresenceKind Kind, int DelayMilliseconds = 0, string? FilePath = null)
{
    /// <summary>Whether this policy approves requests without a person deciding (auto, delay, and the test file).</summary>
    public bool IsInsecure => Kind is UserPresenceKind.Auto or UserPresenceKind.Delay or UserPresenceKind.File;

    /// <summary>Parses a <c>--user-presence</c> value.</summary>
    /// <param name="text">The value as typed.</param>
    /// <param name="policy">The policy on success.</param>
    /// <param name="error">Why the value was refused, or null.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryParse(string? text, out UserPresencePolicy? policy, out string? error)
    {
        policy = null;
        error = null;
        string value = (text ?? string.Empty).Trim();
        if (value.StartsWith("file:", StringComparison.Ordinal))
        {
            string path = value["file:".Length..];
            if (path.Length == 0)
            {
                error = "file: needs a path (file:PATH)";
                return false;
            }

            policy = new UserPresencePolicy(UserPresenceKind.File, FilePath: path);
            return true;
        }

        if (value == "prompt")
        {
            policy = new UserPresencePolicy(UserPresenceKind.Prompt);
            return true;
        }

        return TryParseWord(value, out policy, out error);
    }

    /// <summary>Parses one word of the test policy file: <c>auto</c>, <c>deny</c>, <c>timeout</c> or <c>delay=MS</c>.</summary>
    /// <param name="word">The word (surrounding white space is ignored).</param>
    /// <param name="policy">The policy on success.</param>
    /// <param name="error">Why the word was refused, or null.</param>
    /// <returns>Whether the word is valid.</returns>
    public static bool TryParseWord(string word, out UserPresencePolicy? policy, out string? error)
    {
        policy = null;
        error = null;
        string value = (word ?? string.Empty).Trim();
        switch (value)
        {
            case "auto":
                policy = new UserPresencePolicy(UserPresenceKind.Auto);
                return true;
            case "deny":
                policy = new UserPresencePolicy(UserPresenceKind.Deny);
                return true;
            case "timeout":
                policy = new UserPresencePolicy(UserPresenceKind.Timeout);
                return true;
        }

        if (value.StartsWith("delay=", StringComparison.Ordinal))
        {
            if (int.TryParse(value.AsSpan("delay=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds) &&
                milliseconds <= DelayedUserPresence.MaxDelayMilliseconds)
            {
                policy = new UserPresencePolicy(UserPresenceKind.Delay, milliseconds);
                return true;
            }

            error = "delay=MS needs a whole number of milliseconds from 0 to " +
                    DelayedUserPresence.MaxDelayMilliseconds.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        error = "user presence must be prompt, auto, deny, timeout, delay=MS or file:PATH";
        return false;
    }

    /// <summary>What the start-up line says about this policy; insecure policies say INSECURE and why.</summary>
    public string Describe() => Kind switch
    {
        UserPresenceKind.Prompt => "prompt (asks on this terminal: y approves, anything else declines)",
        UserPresenceKind.Auto => "auto — INSECURE: every request is approved without a touch",
        UserPresenceKind.Deny => "deny (every request is declined)",
        UserPresenceKind.Timeout => "timeout (no request is ever answered; each times out)",
        UserPresenceKind.Delay => "delay=" + DelayMilliseconds.ToString(CultureInfo.InvariantCulture) +
                                  " — INSECURE: every request is approved without a touch after the delay",
        UserPresenceKind.File => "file:" + FilePath + " — INSECURE (tests only): the policy word is read from the file at each request",
        _ => Kind.ToString(),
    };

    /// <summary>
    /// Creates the implementation for a non-interactive policy (everything except <see cref="UserPresenceKind.Prompt"/>,
    /// which needs a terminal and is created by the composition root).
    /// </summary>
    /// <param name="clock">The clock for <c>delay=MS</c>.</param>
    /// <param name="warning">Where the file policy reports an unreadable or invalid file.</param>
    /// <exception cref="InvalidOperationException">The policy is <see cref="UserPresenceKind.Prompt"/>.</exception>
    public IUserPresence CreateNonInteractive(IMonotonicClock clock, Action<string>? warning = null) => Kind switch
    {
        UserPresenceKind.Auto => new AutoApproveUserPresenceInsecure(),
        UserPresenceKind.Deny => new DenyUserPresence(),
        UserPresenceKind.Timeout => new NeverAnsweringUserPresence(),
        UserPresenceKind.Delay => new DelayedUserPresence(DelayMilliseconds, clock),
        UserPresenceKind.File => new FileControlledUserPresenceForTests(FilePath!, clock, warning),
        _ => throw new InvalidOperationException("the prompt policy needs a terminal; create TerminalUserPresence"),
    };
}
