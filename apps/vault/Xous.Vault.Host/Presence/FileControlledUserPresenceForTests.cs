using System.Text;
using Xous.Vault.Environment;

namespace Xous.Vault.Host.Presence;

/// <summary>
/// TESTS ONLY (insecure: whoever can write the file approves every request). At each <see cref="Begin"/> it reads the
/// policy word from a file — <c>auto</c>, <c>deny</c>, <c>timeout</c> or <c>delay=MS</c> — and behaves like that
/// policy for this one request, so a test suite can change the policy without restarting the authenticator. A
/// missing, unreadable or invalid file declines the request (and says why through the warning callback).
/// </summary>
public sealed class FileControlledUserPresenceForTests : IUserPresence
{
    /// <summary>The most bytes of the file that are read (the word is short).</summary>
    public const int MaxFileBytes = 64;

    private readonly IMonotonicClock _clock;
    private readonly Action<string>? _warning;
    private IUserPresence? _current;

    /// <summary>Reads its policy from <paramref name="path"/>.</summary>
    /// <param name="path">The policy file.</param>
    /// <param name="clock">The clock for <c>delay=MS</c>.</param>
    /// <param name="warning">Receives a line when the file cannot be used; may be null.</param>
    public FileControlledUserPresenceForTests(string path, IMonotonicClock clock, Action<string>? warning = null)
    {
        FilePath = path ?? throw new ArgumentNullException(nameof(path));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _warning = warning;
    }

    /// <summary>The policy file.</summary>
    public string FilePath { get; }

    /// <summary>The policy of the open (or last) request.</summary>
    public UserPresenceKind? CurrentKind { get; private set; }

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request)
    {
        UserPresencePolicy policy = ReadPolicy();
        CurrentKind = policy.Kind;
        _current = policy.CreateNonInteractive(_clock);
        _current.Begin(request);
    }

    /// <inheritdoc/>
    public UserPresenceState Poll() => _current?.Poll() ?? UserPresenceState.Pending;

    /// <inheritdoc/>
    public void End()
    {
        _current?.End();
        _current = null;
    }

    private UserPresencePolicy ReadPolicy()
    {
        string? word = null;
        try
        {
            using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            byte[] buffer = new byte[MaxFileBytes];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            word = Encoding.ASCII.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warning?.Invoke("user presence: cannot read " + FilePath + " (" + e.GetType().Name + "); declining the request");
            return new UserPresencePolicy(UserPresenceKind.Deny);
        }

        if (UserPresencePolicy.TryParseWord(word, out UserPresencePolicy? policy, out _))
        {
            return policy!;
        }

        _warning?.Invoke("user presence: " + FilePath + " holds no valid policy word (auto, deny, timeout, delay=MS); declining the request");
        return new UserPresencePolicy(UserPresenceKind.Deny);
    }
}
