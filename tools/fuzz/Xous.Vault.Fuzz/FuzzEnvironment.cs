using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Fuzz;

/// <summary>
/// Vault's store in RAM for fuzzing: named values in named dictionaries, with the limits of the PDDB seam
/// (values up to <see cref="IVaultStore.MaxValueLength"/> bytes, a bounded total). Writes are visible at once;
/// <see cref="Commit"/> only counts. <see cref="Clone"/> gives each input the same starting state.
/// </summary>
internal sealed class RamVaultStore : IVaultStore
{
    /// <summary>The most bytes all values together may hold; past it a write fails with <see cref="VaultStoreError.Full"/>.</summary>
    public const int Capacity = 2 * 1024 * 1024;

    private readonly Dictionary<string, Dictionary<string, byte[]>> _dictionaries;
    private int _bytesStored;

    public RamVaultStore()
        : this(new Dictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal), 0)
    {
    }

    private RamVaultStore(Dictionary<string, Dictionary<string, byte[]>> dictionaries, int bytesStored)
    {
        _dictionaries = dictionaries;
        _bytesStored = bytesStored;
    }

    /// <summary>How many times <see cref="Commit"/> was called.</summary>
    public int Commits { get; private set; }

    /// <summary>A deep copy: the clone's writes do not reach this store.</summary>
    public RamVaultStore Clone()
    {
        var copy = new Dictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Dictionary<string, byte[]>> dictionary in _dictionaries)
        {
            var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, byte[]> value in dictionary.Value)
            {
                values[value.Key] = (byte[])value.Value.Clone();
            }

            copy[dictionary.Key] = values;
        }

        return new RamVaultStore(copy, _bytesStored);
    }

    /// <inheritdoc/>
    public int Read(string dictionary, string key, Span<byte> destination)
    {
        if (Find(dictionary, key) is not byte[] value)
        {
            return -1;
        }

        if (destination.Length < value.Length)
        {
            throw new ArgumentException("The destination is shorter than the value.", nameof(destination));
        }

        value.CopyTo(destination);
        return value.Length;
    }

    /// <inheritdoc/>
    public int Length(string dictionary, string key) => Find(dictionary, key)?.Length ?? -1;

    /// <inheritdoc/>
    public void Write(string dictionary, string key, ReadOnlySpan<byte> value)
    {
        CheckName(dictionary, 110, nameof(dictionary));
        CheckName(key, 94, nameof(key));
        if (value.Length > IVaultStore.MaxValueLength)
        {
            throw new ArgumentException("The value is longer than IVaultStore.MaxValueLength.", nameof(value));
        }

        int previous = Find(dictionary, key)?.Length ?? 0;
        if (_bytesStored - previous + value.Length > Capacity)
        {
            throw new VaultStoreException(VaultStoreError.Full, "The RAM store is full.");
        }

        if (!_dictionaries.TryGetValue(dictionary, out Dictionary<string, byte[]>? values))
        {
            values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            _dictionaries[dictionary] = values;
        }

        values[key] = value.ToArray();
        _bytesStored += value.Length - previous;
    }

    /// <inheritdoc/>
    public bool Delete(string dictionary, string key)
    {
        if (!_dictionaries.TryGetValue(dictionary, out Dictionary<string, byte[]>? values) || !values.Remove(key, out byte[]? old))
        {
            return false;
        }

        _bytesStored -= old.Length;
        return true;
    }

    /// <inheritdoc/>
    public void ListKeys(string dictionary, List<string> keys)
    {
        if (_dictionaries.TryGetValue(dictionary, out Dictionary<string, byte[]>? values))
        {
            var names = new List<string>(values.Keys);
            names.Sort(StringComparer.Ordinal);
            keys.AddRange(names);
        }
    }

    /// <inheritdoc/>
    public void Commit() => Commits++;

    private static void CheckName(string name, int maxLength, string parameter)
    {
        if (string.IsNullOrEmpty(name) || name.Length > maxLength)
        {
            throw new ArgumentException("The name is empty or longer than the PDDB allows.", parameter);
        }

        foreach (char c in name)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                throw new ArgumentException("Names are printable ASCII.", parameter);
            }
        }
    }

    private byte[]? Find(string dictionary, string key) =>
        _dictionaries.TryGetValue(dictionary, out Dictionary<string, byte[]>? values) && values.TryGetValue(key, out byte[]? value) ? value : null;
}

/// <summary>
/// A clock that only moves when told to, and by a millisecond each time it is read, so that a loop waiting for a
/// deadline always reaches it (a hang in such a loop would otherwise hide behind a clock that never moves).
/// </summary>
internal sealed class SteppingClock : IMonotonicClock
{
    private long _now;

    /// <inheritdoc/>
    public long ElapsedMilliseconds => ++_now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(long milliseconds) => _now += milliseconds;
}

/// <summary>INSECURE, for fuzzing and benchmarks only: approves every user-presence prompt at once.</summary>
internal sealed class AutoApprovingTestUserPresence : IUserPresence
{
    /// <summary>How many prompts were opened.</summary>
    public int Prompts { get; private set; }

    /// <inheritdoc/>
    public void Begin(in UserPresenceRequest request) => Prompts++;

    /// <inheritdoc/>
    public UserPresenceState Poll() => UserPresenceState.Approved;

    /// <inheritdoc/>
    public void End()
    {
    }
}

/// <summary>INSECURE, for fuzzing and benchmarks only: "entropy" from a ChaCha DRBG with a fixed seed, so runs repeat exactly.</summary>
internal sealed class FixedSeedTestEntropy : IEntropySource, IDisposable
{
    private readonly ChaChaDrbg _drbg;

    public FixedSeedTestEntropy(byte seed)
    {
        Span<byte> bytes = stackalloc byte[ChaChaDrbg.SeedSizeInBytes];
        bytes.Fill(seed);
        _drbg = ChaChaDrbg.CreateInsecureDeterministic(bytes, "xous-vault-fuzz"u8);
    }

    /// <inheritdoc/>
    public void Fill(Span<byte> destination) => _drbg.Generate(destination);

    /// <inheritdoc/>
    public void Dispose() => _drbg.Dispose();
}

/// <summary>
/// A test attestation: a fixed P-256 key and a few DER bytes standing in for the certificate (enough for fuzzing and
/// timing; a relying party would not accept it), and a fixed AAGUID.
/// </summary>
internal static class TestAttestation
{
    /// <summary>Builds the material.</summary>
    public static AttestationMaterial Create()
    {
        Span<byte> key = stackalloc byte[32];
        Sha256.Hash("xous-vault-fuzz test attestation key"u8, key);
        // A certificate-shaped DER SEQUENCE { INTEGER 1, UTF8String "fuzz" }: clients are not in the loop here.
        ReadOnlySpan<byte> certificate = [0x30, 0x09, 0x02, 0x01, 0x01, 0x0C, 0x04, (byte)'f', (byte)'u', (byte)'z', (byte)'z'];
        ReadOnlySpan<byte> aaguid = [0x78, 0x6F, 0x75, 0x73, 0x2D, 0x66, 0x75, 0x7A, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01];
        var material = new AttestationMaterial(key, certificate, aaguid);
        key.Clear();
        return material;
    }
}
