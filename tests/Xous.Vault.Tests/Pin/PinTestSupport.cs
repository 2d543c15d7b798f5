using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Pin;

/// <summary>A RAM <see cref="IVaultStore"/> with commit semantics: writes are pending until Commit, which can be made to fail.</summary>
internal sealed class RamVaultStore : IVaultStore
{
    private readonly Dictionary<string, byte[]?> _pending = new();

    public Dictionary<string, byte[]> Committed { get; } = new();

    /// <summary>When set, Commit throws and makes nothing durable.</summary>
    public bool FailCommit { get; set; }

    /// <summary>The pending value of fido.cfg/pin at each Commit call (null when none was pending).</summary>
    public List<byte[]?> PinRecordAtCommit { get; } = new();

    public int CommitCount { get; private set; }

    private static string Name(string dictionary, string key) => dictionary + "\u0000" + key;

    public int Read(string dictionary, string key, Span<byte> destination)
    {
        byte[]? value = Current(dictionary, key);
        if (value == null)
        {
            return -1;
        }

        if (destination.Length < value.Length)
        {
            throw new ArgumentException("destination too short", nameof(destination));
        }

        value.CopyTo(destination);
        return value.Length;
    }

    public int Length(string dictionary, string key) => Current(dictionary, key)?.Length ?? -1;

    public void Write(string dictionary, string key, ReadOnlySpan<byte> value) => _pending[Name(dictionary, key)] = value.ToArray();

    public bool Delete(string dictionary, string key)
    {
        bool existed = Current(dictionary, key) != null;
        _pending[Name(dictionary, key)] = null;
        return existed;
    }

    public void ListKeys(string dictionary, List<string> keys)
    {
        var names = new SortedSet<string>();
        foreach (string name in Committed.Keys)
        {
            names.Add(name);
        }

        foreach (string name in _pending.Keys)
        {
            names.Add(name);
        }

        string prefix = dictionary + "\u0000";
        foreach (string name in names)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && Current(dictionary, name[prefix.Length..]) != null)
            {
                keys.Add(name[prefix.Length..]);
            }
        }
    }

    public void Commit()
    {
        PinRecordAtCommit.Add(_pending.TryGetValue(Name("fido.cfg", "pin"), out byte[]? pin) ? pin : null);
        CommitCount++;
        if (FailCommit)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "simulated commit failure");
        }

        foreach (KeyValuePair<string, byte[]?> entry in _pending)
        {
            if (entry.Value == null)
            {
                Committed.Remove(entry.Key);
            }
            else
            {
                Committed[entry.Key] = entry.Value;
            }
        }

        _pending.Clear();
    }

    /// <summary>A power cut: uncommitted writes are lost.</summary>
    public void DropPending() => _pending.Clear();

    public byte[]? CommittedValue(string dictionary, string key) => Committed.TryGetValue(Name(dictionary, key), out byte[]? value) ? value : null;

    private byte[]? Current(string dictionary, string key)
    {
        string name = Name(dictionary, key);
        if (_pending.TryGetValue(name, out byte[]? pending))
        {
            return pending;
        }

        return Committed.TryGetValue(name, out byte[]? value) ? value : null;
    }
}

/// <summary>Deterministic, insecure entropy for tests (System.Random with a fixed seed).</summary>
internal sealed class InsecureSeededEntropy(int seed) : IEntropySource
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> destination) => _random.NextBytes(destination);
}

/// <summary>A clock the test moves.</summary>
internal sealed class ManualClock : IMonotonicClock
{
    public long ElapsedMilliseconds { get; set; }
}

/// <summary>User presence that is never asked for by the PIN commands.</summary>
internal sealed class UnusedUserPresence : IUserPresence
{
    public void Begin(in UserPresenceRequest request) => throw new InvalidOperationException("PIN commands do not ask for presence");

    public UserPresenceState Poll() => UserPresenceState.Denied;

    public void End()
    {
    }
}

/// <summary>A request context outside CTAPHID.</summary>
internal sealed class NullRequestContext : ICtapRequestContext
{
    public uint Channel => 0;

    public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds) => UserPresenceResult.Denied;

    public bool KeepAliveAndCheckCancel() => false;
}

/// <summary>One authenticator "device": a store that survives power cycles, and the subsystem of the current power-up.</summary>
internal sealed class PinDevice
{
    private int _powerUps;

    public PinDevice(int seed = 1)
    {
        Seed = seed;
        PowerCycle();
    }

    public int Seed { get; }

    public RamVaultStore Store { get; } = new();

    public ManualClock Clock { get; } = new();

    public VaultEnvironment Environment { get; private set; } = null!;

    public Xous.Vault.Pin.PinSubsystem Pin { get; private set; } = null!;

    /// <summary>Power cycle: a new subsystem over the same store (uncommitted writes are lost), the clock restarts.</summary>
    public void PowerCycle()
    {
        Store.DropPending();
        Clock.ElapsedMilliseconds = 0;
        Environment = new VaultEnvironment(Store, new InsecureSeededEntropy((Seed * 1000) + _powerUps++), Clock, new UnusedUserPresence(),
            new AttestationMaterial(new byte[32], new byte[] { 0x30, 0x00 }, new byte[16]));
        Pin = new Xous.Vault.Pin.PinSubsystem(Environment);
    }

    /// <summary>Runs one command; returns the status and the response body.</summary>
    public static (CtapStatus Status, byte[] Body) Send(ICtapCommand command, byte[] parameters)
    {
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        CtapStatus status = command.Process(parameters, new NullRequestContext(), response, out int length);
        return (status, response.AsSpan(0, length).ToArray());
    }
}
