using System.Text;
using Xous.Vault.Environment;

namespace Xous.Vault.Host.Presence;

/// <summary>
/// User presence on a PC terminal (<c>--user-presence prompt</c>, the default): <see cref="Begin"/> prints
/// <c>FIDO request: PURPOSE for RP — approve? [y/N] (30 s)</c> on the prompt writer (standard error), and an answer
/// arrives through <see cref="TryAnswer"/> — from a background reader of standard input
/// (<see cref="StartStandardInputReader"/>, used by <c>xous-vault serve</c>) or from the key reader of
/// <c>./xous run</c>. <c>y</c> or <c>yes</c> approves; any other answer declines. <see cref="Poll"/> never blocks.
/// </summary>
/// <remarks>
/// Threat notes: the relying-party name comes from the host and is untrusted; control characters are replaced
/// before it is printed, so a request cannot move the cursor or rewrite the prompt. Answers typed while no prompt is
/// open are thrown away, so a "y" typed in advance cannot approve a later request. Thread-safe: answers arrive on
/// another thread than the CTAPHID loop.
/// </remarks>
public sealed class TerminalUserPresence : IUserPresence
{
    /// <summary>The most characters of the relying party shown.</summary>
    public const int MaxRelyingPartyChars = 96;

    private readonly TextWriter _prompt;
    private readonly int _timeoutSeconds;
    private readonly Lock _lock = new();
    private bool _open;
    private UserPresenceState _state = UserPresenceState.Pending;
    private Thread? _reader;

    /// <summary>Prints prompts to <paramref name="prompt"/>, announcing a time-out of <paramref name="timeoutSeconds"/>.</summary>
    public TerminalUserPresence(TextWriter prompt, int timeoutSeconds = 30)
    {
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        _timeoutSeconds = timeoutSeconds;
    }

    /// <summary>Whether a prompt is open and waiting for an answer.</summary>
    public bool IsWaiting
    {
        get
        {
            lock (_lock)
            {
                return _open && _state == UserPresenceState.Pending;
            }
        }
    }

    /// <summary>The prompt line for <paramref name="request"/> (without a line end).</summary>
    public string FormatPrompt(in UserPresenceRequest request)
    {
        string relyingParty = Sanitize(request.RelyingParty);
        return "FIDO request: " + Describe(request.Purpose) + (relyingParty.Length == 0 ? string.Empty : " for " + relyingParty) +
               " — approve? [y/N] (" + _timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s)";
    }

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request)
    {
        string line = FormatPrompt(request);
        lock (_lock)
        {
            _open = true;
            _state = UserPresenceState.Pending;
            _prompt.WriteLine(line);
            _prompt.Flush();
        }
    }

    /// <inheritdoc/>
    public UserPresenceState Poll()
    {
        lock (_lock)
        {
            return _open ? _state : UserPresenceState.Pending;
        }
    }

    /// <inheritdoc/>
    public void End()
    {
        lock (_lock)
        {
            if (_open && _state == UserPresenceState.Pending)
            {
                _prompt.WriteLine("FIDO request closed without an answer (timed out or cancelled by the host)");
                _prompt.Flush();
            }

            _open = false;
            _state = UserPresenceState.Pending;
        }
    }

    /// <summary>
    /// Offers a typed answer. When a prompt is waiting it takes the answer — <c>y</c>/<c>yes</c> (any case) approves,
    /// anything else declines — and returns true; otherwise the answer is thrown away and false is returned.
    /// </summary>
    /// <param name="answer">A line or a single key as text.</param>
    /// <returns>Whether a waiting prompt took the answer.</returns>
    public bool TryAnswer(string answer)
    {
        string word = (answer ?? string.Empty).Trim();
        bool approve = word.Equals("y", StringComparison.OrdinalIgnoreCase) || word.Equals("yes", StringComparison.OrdinalIgnoreCase);
        lock (_lock)
        {
            if (!_open || _state != UserPresenceState.Pending)
            {
                return false;
            }

            _state = approve ? UserPresenceState.Approved : UserPresenceState.Denied;
            _prompt.WriteLine(approve ? "FIDO request approved" : "FIDO request declined");
            _prompt.Flush();
            return true;
        }
    }

    /// <summary>
    /// Starts a background thread that reads lines from <paramref name="input"/> (standard input by default) and offers
    /// each one to <see cref="TryAnswer"/>. It ends at the end of the input. Call once.
    /// </summary>
    public void StartStandardInputReader(TextReader? input = null)
    {
        TextReader reader = input ?? Console.In;
        lock (_lock)
        {
            if (_reader is not null)
            {
                throw new InvalidOperationException("the input reader is already running");
            }

            _reader = new Thread(() =>
            {
                while (reader.ReadLine() is string line)
                {
                    TryAnswer(line);
                }
            })
            {
                IsBackground = true,
                Name = "vault user presence input",
            };
            _reader.Start();
        }
    }

    /// <summary>What a purpose is called in the prompt.</summary>
    public static string Describe(UserPresencePurpose purpose) => purpose switch
    {
        UserPresencePurpose.Register => "register a credential",
        UserPresencePurpose.Authenticate => "sign in",
        UserPresencePurpose.Reset => "RESET the authenticator (deletes every credential)",
        UserPresencePurpose.Selection => "select this authenticator",
        UserPresencePurpose.U2fRegister => "U2F register",
        UserPresencePurpose.U2fAuthenticate => "U2F sign in",
        _ => "request " + ((int)purpose).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The relying party as it may be printed: control and format characters become '?', and at most
    /// <see cref="MaxRelyingPartyChars"/> characters are kept (an ellipsis marks a cut).
    /// </summary>
    public static string Sanitize(string? relyingParty)
    {
        if (string.IsNullOrEmpty(relyingParty))
        {
            return string.Empty;
        }

        var text = new StringBuilder(Math.Min(relyingParty.Length, MaxRelyingPartyChars + 1));
        foreach (char c in relyingParty)
        {
            if (text.Length == MaxRelyingPartyChars)
            {
                text.Append('…');
                break;
            }

            System.Globalization.UnicodeCategory category = char.GetUnicodeCategory(c);
            bool unsafeChar = char.IsControl(c) || category is System.Globalization.UnicodeCategory.Format or
                System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator or
                System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned;
            text.Append(unsafeChar ? '?' : c);
        }

        return text.ToString();
    }
}

/// <summary>
/// Wraps another user presence so that a pending prompt is declined once <paramref name="stopping"/> is cancelled
/// (SIGTERM, Ctrl-C, the hosted system stopping): shutdown then never waits for a 30 s prompt.
/// </summary>
public sealed class StoppableUserPresence(IUserPresence inner, CancellationToken stopping) : IUserPresence
{
    private readonly IUserPresence _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request) => _inner.Begin(request);

    /// <inheritdoc/>
    public UserPresenceState Poll() => stopping.IsCancellationRequested ? UserPresenceState.Denied : _inner.Poll();

    /// <inheritdoc/>
    public void End() => _inner.End();
}
