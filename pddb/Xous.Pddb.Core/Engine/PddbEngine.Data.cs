using System;
using System.Collections.Generic;
using Xous.Pddb.Engine;
using Xous.Pddb.Format;

namespace Xous.Pddb;

/// <summary>Receives the entries of a bulk dictionary read, one call per key (the value is only valid during the call).</summary>
public interface IDictionaryEntrySink
{
    /// <summary>One key of the dictionary and its whole value.</summary>
    void Entry(string key, ReadOnlySpan<byte> value);
}

/// <summary>Dictionaries and keys, through the union view or one named basis (<c>basis</c> argument).</summary>
public sealed partial class PddbEngine
{
    /// <summary>Creates dictionary <paramref name="dictionary"/> in <paramref name="basis"/> (default: the latest basis).</summary>
    public PddbStatus CreateDictionary(string dictionary, string? basis = null)
    {
        if (!PddbNames.TryEncode(dictionary, PddbNames.MaxDictionaryNameBytes, out byte[] nameUtf8))
        {
            return PddbStatus.InvalidName;
        }

        OpenBasis? target = basis is null ? _open[_open.Count - 1] : FindOpen(basis);
        return target is null ? PddbStatus.BasisNotOpen : target.CreateDictionary(dictionary, nameUtf8);
    }

    /// <summary>Deletes a dictionary and all its keys (in the named basis, or the latest basis that has it).</summary>
    public PddbStatus DeleteDictionary(string dictionary, string? basis = null)
    {
        PddbStatus status = ResolveDictionary(dictionary, basis, out OpenBasis? owner, out DictionaryState? state);
        if (status == PddbStatus.Ok)
        {
            owner!.DeleteDictionary(state!);
        }

        return status;
    }

    /// <summary>Adds the dictionary names of <paramref name="basis"/> (or of the union, each name once) to <paramref name="names"/>.</summary>
    public PddbStatus ListDictionaries(List<string> names, string? basis = null)
    {
        var seen = new HashSet<string>();
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            OpenBasis candidate = _open[i];
            if (basis is not null && candidate.Name != basis)
            {
                continue;
            }

            foreach (KeyValuePair<string, DictionaryState> entry in candidate.Dictionaries)
            {
                if (seen.Add(entry.Key))
                {
                    names.Add(entry.Key);
                }
            }

            if (basis is not null)
            {
                return PddbStatus.Ok;
            }
        }

        return basis is null ? PddbStatus.Ok : PddbStatus.BasisNotOpen;
    }

    /// <summary>Adds the key names of <paramref name="dictionary"/> (union: each name once) to <paramref name="names"/>.</summary>
    public PddbStatus ListKeys(string dictionary, List<string> names, string? basis = null)
    {
        var keys = new List<UnionKey>();
        PddbStatus status = CollectKeys(dictionary, basis, keys);
        foreach (UnionKey key in keys)
        {
            names.Add(key.Key.Name);
        }

        return status;
    }

    /// <summary>The length of a key's value.</summary>
    public PddbStatus GetKeyLength(string dictionary, string key, out long length, string? basis = null)
    {
        length = 0;
        PddbStatus status = ResolveKey(dictionary, key, basis, out _, out _, out KeyState? state);
        if (status == PddbStatus.Ok)
        {
            length = state!.Length;
        }

        return status;
    }

    /// <summary>Reads from <paramref name="offset"/> into <paramref name="destination"/>; <paramref name="read"/> is the byte count (0 at the end).</summary>
    public PddbStatus ReadKey(string dictionary, string key, long offset, Span<byte> destination, out int read, string? basis = null)
    {
        read = 0;
        if (offset < 0)
        {
            return PddbStatus.OutOfRange;
        }

        PddbStatus status = ResolveKey(dictionary, key, basis, out OpenBasis? owner, out DictionaryState? state, out KeyState? keyState);
        if (status == PddbStatus.Ok)
        {
            read = owner!.ReadKey(state!, keyState!, offset, destination);
        }

        return status;
    }

    /// <summary>
    /// Replaces the value of <paramref name="key"/>, creating it when absent: in the named basis, else the latest basis
    /// that has the key, else the latest basis that has the dictionary.
    /// </summary>
    public PddbStatus WriteKey(string dictionary, string key, ReadOnlySpan<byte> value, string? basis = null)
    {
        PddbStatus status = ResolveForWrite(dictionary, key, basis, out OpenBasis? owner, out DictionaryState? state, out byte[] keyUtf8);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        status = owner!.WriteKey(state!, key, keyUtf8, value);
        return status == PddbStatus.Ok ? AutoSync(owner) : status;
    }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/> of the value (stream writes of large keys).</summary>
    public PddbStatus WriteKeyAt(string dictionary, string key, long offset, ReadOnlySpan<byte> data, string? basis = null)
    {
        PddbStatus status = ResolveForWrite(dictionary, key, basis, out OpenBasis? owner, out DictionaryState? state, out byte[] keyUtf8);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        status = owner!.WriteKeyAt(state!, key, keyUtf8, offset, data);
        return status == PddbStatus.Ok ? AutoSync(owner) : status;
    }

    /// <summary>Deletes a key (from the named basis, or the latest basis that has it).</summary>
    public PddbStatus DeleteKey(string dictionary, string key, string? basis = null)
    {
        PddbStatus status = ResolveKey(dictionary, key, basis, out OpenBasis? owner, out DictionaryState? state, out KeyState? keyState);
        if (status == PddbStatus.Ok)
        {
            owner!.DeleteKey(state!, keyState!);
        }

        return status;
    }

    /// <summary>
    /// Reads every key of <paramref name="dictionary"/> with its value in one call (union: the latest basis wins per
    /// key name). Values longer than <paramref name="maxValueLength"/> are passed truncated; use <see cref="ReadKey"/>
    /// for them. Returns the number of entries through <paramref name="entries"/>.
    /// </summary>
    public PddbStatus BulkRead(string dictionary, IDictionaryEntrySink sink, out int entries, string? basis = null, int maxValueLength = 65536)
    {
        var keys = new List<UnionKey>();
        PddbStatus status = CollectKeys(dictionary, basis, keys);
        byte[] buffer = new byte[Math.Max(0, maxValueLength)];
        foreach (UnionKey entry in keys)
        {
            KeyState key = entry.Key;
            entry.Owner.LoadValues(entry.Dictionary);
            if (!key.IsLarge && key.Value is byte[] value)
            {
                int length = (int)Math.Min(key.Length, maxValueLength);
                sink.Entry(key.Name, value.AsSpan(0, length));
            }
            else
            {
                int read = entry.Owner.ReadKey(entry.Dictionary, key, 0, buffer);
                sink.Entry(key.Name, buffer.AsSpan(0, read));
            }
        }

        buffer.AsSpan().Clear();
        entries = keys.Count;
        return status;
    }

    /// <summary>
    /// The keys of <paramref name="dictionary"/> in <paramref name="basis"/>, or in the union (the latest basis that has
    /// a key name wins), latest basis first. <see cref="PddbStatus.NotFound"/> when no basis looked at has the
    /// dictionary, <see cref="PddbStatus.BasisNotOpen"/> when the named basis is not open.
    /// </summary>
    private PddbStatus CollectKeys(string dictionary, string? basis, List<UnionKey> keys)
    {
        var seen = new HashSet<string>();
        bool found = false;
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            OpenBasis candidate = _open[i];
            if (basis is not null && candidate.Name != basis)
            {
                continue;
            }

            DictionaryState? state = candidate.FindDictionary(dictionary);
            if (state is null)
            {
                continue;
            }

            found = true;
            foreach (KeyValuePair<string, KeyState> entry in state.Keys)
            {
                if (seen.Add(entry.Key))
                {
                    keys.Add(new UnionKey(candidate, state, entry.Value));
                }
            }
        }

        if (basis is not null && FindOpen(basis) is null)
        {
            return PddbStatus.BasisNotOpen;
        }

        return found ? PddbStatus.Ok : PddbStatus.NotFound;
    }

    private PddbStatus AutoSync(OpenBasis basis) =>
        basis.PendingPages > _context.Options.AutoSyncPendingPages ? basis.Sync(this) : PddbStatus.Ok;

    private PddbStatus ResolveDictionary(string dictionary, string? basis, out OpenBasis? owner, out DictionaryState? state)
    {
        owner = null;
        state = null;
        if (basis is not null)
        {
            owner = FindOpen(basis);
            if (owner is null)
            {
                return PddbStatus.BasisNotOpen;
            }

            state = owner.FindDictionary(dictionary);
            return state is null ? PddbStatus.NotFound : PddbStatus.Ok;
        }

        for (int i = _open.Count - 1; i >= 0; i--)
        {
            state = _open[i].FindDictionary(dictionary);
            if (state is not null)
            {
                owner = _open[i];
                return PddbStatus.Ok;
            }
        }

        return PddbStatus.NotFound;
    }

    private PddbStatus ResolveKey(string dictionary, string key, string? basis, out OpenBasis? owner, out DictionaryState? state, out KeyState? keyState)
    {
        owner = null;
        state = null;
        keyState = null;
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            OpenBasis candidate = _open[i];
            if (basis is not null && candidate.Name != basis)
            {
                continue;
            }

            DictionaryState? found = candidate.FindDictionary(dictionary);
            if (found is not null && found.Keys.TryGetValue(key, out KeyState? k))
            {
                owner = candidate;
                state = found;
                keyState = k;
                return PddbStatus.Ok;
            }
        }

        return basis is not null && FindOpen(basis) is null ? PddbStatus.BasisNotOpen : PddbStatus.NotFound;
    }

    private PddbStatus ResolveForWrite(string dictionary, string key, string? basis, out OpenBasis? owner, out DictionaryState? state, out byte[] keyUtf8)
    {
        owner = null;
        state = null;
        if (!PddbNames.TryEncode(key, PddbNames.MaxKeyNameBytes, out keyUtf8))
        {
            return PddbStatus.InvalidName;
        }

        if (ResolveKey(dictionary, key, basis, out owner, out state, out _) == PddbStatus.Ok)
        {
            return PddbStatus.Ok;
        }

        return ResolveDictionary(dictionary, basis, out owner, out state);
    }
}

/// <summary>A key seen through the union view, with the basis and dictionary that hold it.</summary>
internal readonly struct UnionKey
{
    public UnionKey(OpenBasis owner, DictionaryState dictionary, KeyState key)
    {
        Owner = owner;
        Dictionary = dictionary;
        Key = key;
    }

    public OpenBasis Owner { get; }

    public DictionaryState Dictionary { get; }

    public KeyState Key { get; }
}
