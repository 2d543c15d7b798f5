using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Ctap2;

/// <summary>A RAM <see cref="IVaultStore"/> with commit semantics: <see cref="PowerCycle"/> drops uncommitted writes.</summary>
public sealed class RamVaultStore : IVaultStore
{
    private Dictionary<string, Dictionary<string, byte[]>> _committed = [];
    private Dictionary<string, Dictionary<string, byte[]>> _working = [];

    /// <summary>When set, every Write throws this error.</summary>
    public VaultStoreError? FailWrites { get; set; }

    /// <summary>Commits so far.</summary>
    public int Commits { get; private set; }

    public int Read(string dictionary, string key, Span<byte> destination)
    {
        if (!_working.TryGetValue(dictionary, out var values) || !values.TryGetValue(key, out byte[]? value))
        {
            return -1;
        }

        if (destination.Length < value.Length)
        {
            throw new ArgumentException("too short", nameof(destination));
        }

        value.CopyTo(destination);
        return value.Length;
    }

    public int Length(string dictionary, string key) =>
        _working.TryGetValue(dictionary, out var values) && values.TryGetValue(key, out byte[]? value) ? value.Length : -1;

    public void Write(string dictionary, string key, ReadOnlySpan<byte> value)
    {
        if (FailWrites is { } error)
        {
            throw new VaultStoreException(error, "injected failure");
        }

        if (!_working.TryGetValue(dictionary, out var values))
        {
            values = [];
            _working[dictionary] = values;
        }

        values[key] = value.ToArray();
    }

    public bool Delete(string dictionary, string key) => _working.TryGetValue(dictionary, out var values) && values.Remove(key);

    public void ListKeys(string dictionary, List<string> keys)
    {
        if (_working.TryGetValue(dictionary, out var values))
        {
            keys.AddRange(values.Keys);
        }
    }

    public void Commit()
    {
        _committed = Copy(_working);
        Commits++;
    }

    /// <summary>Forgets what was not committed.</summary>
    public void PowerCycle() => _working = Copy(_committed);

    /// <summary>The keys of a dictionary (working state).</summary>
    public List<string> Keys(string dictionary)
    {
        List<string> keys = [];
        ListKeys(dictionary, keys);
        return keys;
    }

    /// <summary>A committed value, or null.</summary>
    public byte[]? Committed(string dictionary, string key) =>
        _committed.TryGetValue(dictionary, out var values) && values.TryGetValue(key, out byte[]? value) ? value : null;

    private static Dictionary<string, Dictionary<string, byte[]>> Copy(Dictionary<string, Dictionary<string, byte[]>> source)
    {
        Dictionary<string, Dictionary<string, byte[]>> copy = [];
        foreach (var (name, values) in source)
        {
            Dictionary<string, byte[]> inner = [];
            foreach (var (key, value) in values)
            {
                inner[key] = (byte[])value.Clone();
            }

            copy[name] = inner;
        }

        return copy;
    }
}

/// <summary>Deterministic (insecure) entropy for tests.</summary>
public sealed class InsecureDeterministicEntropy : IEntropySource
{
    private readonly Random _random;

    public InsecureDeterministicEntropy(int seed) => _random = new Random(seed);

    public void Fill(Span<byte> destination) => _random.NextBytes(destination);
}

/// <summary>A clock the test moves.</summary>
public sealed class FakeClock : IMonotonicClock
{
    public long ElapsedMilliseconds { get; set; }
}

/// <summary>User presence answering from a script (Approved when the script is empty).</summary>
public sealed class ScriptedUserPresence : IUserPresence
{
    public Queue<UserPresenceState> Script { get; } = new();

    public List<UserPresenceRequest> Begun { get; } = [];

    public int Ends { get; private set; }

    public bool Open { get; private set; }

    public UserPresenceState Default { get; set; } = UserPresenceState.Approved;

    public void Begin(in UserPresenceRequest request)
    {
        Begun.Add(request);
        Open = true;
    }

    public UserPresenceState Poll() => Script.Count > 0 ? Script.Dequeue() : Default;

    public void End()
    {
        Ends++;
        Open = false;
    }
}

/// <summary>A direct request context: presence answers come from a script (Approved when empty).</summary>
public sealed class DirectRequestContext : ICtapRequestContext
{
    public uint Channel { get; set; } = 1;

    public Queue<UserPresenceResult> Script { get; } = new();

    public List<UserPresenceRequest> Requests { get; } = [];

    public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds)
    {
        Requests.Add(request);
        return Script.Count > 0 ? Script.Dequeue() : UserPresenceResult.Approved;
    }

    public bool KeepAliveAndCheckCancel() => false;
}
