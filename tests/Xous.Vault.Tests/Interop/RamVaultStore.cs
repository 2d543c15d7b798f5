using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Interop;

/// <summary>
/// An <see cref="IVaultStore"/> in RAM with the store's commit semantics: writes and deletes are staged and become
/// visible to a new authenticator (a power cycle) only after <see cref="Commit"/>. Reads see the staged view.
/// </summary>
internal sealed class RamVaultStore : IVaultStore
{
    private readonly Dictionary<(string Dictionary, string Key), byte[]> _committed = [];
    private readonly Dictionary<(string Dictionary, string Key), byte[]?> _staged = [];

    /// <summary>How many commits happened.</summary>
    public int Commits { get; private set; }

    public int Read(string dictionary, string key, Span<byte> destination)
    {
        byte[]? value = Lookup(dictionary, key);
        if (value is null)
        {
            return -1;
        }

        if (destination.Length < value.Length)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }

        value.CopyTo(destination);
        return value.Length;
    }

    public int Length(string dictionary, string key) => Lookup(dictionary, key)?.Length ?? -1;

    public void Write(string dictionary, string key, ReadOnlySpan<byte> value)
    {
        if (value.Length > IVaultStore.MaxValueLength)
        {
            throw new VaultStoreException(VaultStoreError.Full, "Value too long.");
        }

        _staged[(dictionary, key)] = value.ToArray();
    }

    public bool Delete(string dictionary, string key)
    {
        bool existed = Lookup(dictionary, key) is not null;
        _staged[(dictionary, key)] = null;
        return existed;
    }

    public void ListKeys(string dictionary, List<string> keys)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string Dictionary, string Key) entry in _committed.Keys)
        {
            if (entry.Dictionary == dictionary)
            {
                names.Add(entry.Key);
            }
        }

        foreach (KeyValuePair<(string Dictionary, string Key), byte[]?> staged in _staged)
        {
            if (staged.Key.Dictionary != dictionary)
            {
                continue;
            }

            if (staged.Value is null)
            {
                names.Remove(staged.Key.Key);
            }
            else
            {
                names.Add(staged.Key.Key);
            }
        }

        keys.AddRange(names);
    }

    public void Commit()
    {
        foreach (KeyValuePair<(string Dictionary, string Key), byte[]?> staged in _staged)
        {
            if (staged.Value is null)
            {
                _committed.Remove(staged.Key);
            }
            else
            {
                _committed[staged.Key] = staged.Value;
            }
        }

        _staged.Clear();
        Commits++;
    }

    /// <summary>Drops uncommitted changes, as a power cut would.</summary>
    public void LoseUncommitted() => _staged.Clear();

    private byte[]? Lookup(string dictionary, string key) =>
        _staged.TryGetValue((dictionary, key), out byte[]? staged) ? staged : _committed.GetValueOrDefault((dictionary, key));
}
