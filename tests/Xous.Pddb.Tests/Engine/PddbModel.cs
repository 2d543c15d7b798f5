namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Reference model of a mounted PDDB for the model-based and power-loss tests: bases → dictionaries → keys → values,
/// with the engine's union rules (reads and writes go to the most recently unlocked basis that has the key, else — for
/// writes — the latest basis that has the dictionary; an explicit basis overrides). Every basis keeps its current
/// contents and the contents of its last completed sync; a remount forgets everything that was not synced.
/// </summary>
internal sealed class PddbModel
{
    public const string SystemBasis = ".System";

    private readonly Dictionary<string, BasisModel> _bases = new();
    private readonly List<string> _open = new();

    public PddbModel()
    {
        _bases[SystemBasis] = new BasisModel(SystemBasis, null);
        _open.Add(SystemBasis);
    }

    /// <summary>Open bases, oldest first (the system basis first).</summary>
    public IReadOnlyList<string> Open => _open;

    /// <summary>Every basis that exists on flash (open or locked).</summary>
    public IEnumerable<string> AllBases => _bases.Keys;

    public bool Exists(string basis) => _bases.ContainsKey(basis);

    public bool IsOpen(string basis) => _open.Contains(basis);

    public string? PasswordOf(string basis) => _bases.TryGetValue(basis, out BasisModel? b) ? b.Password : null;

    public Contents Current(string basis) => _bases[basis].Current;

    public Contents Synced(string basis) => _bases[basis].Synced;

    /// <summary>True when the basis has changes its last sync did not write.</summary>
    public bool IsDirty(string basis) => !ContentsEqual(_bases[basis].Current, _bases[basis].Synced);

    // ---- bases -------------------------------------------------------------------------------------------------

    /// <summary>A secret basis created on flash (empty, locked).</summary>
    public void CreateBasis(string name, string password) => _bases[name] = new BasisModel(name, password);

    /// <summary>Forgets a basis (an interrupted create that did not commit).</summary>
    public void ForgetBasis(string name)
    {
        _bases.Remove(name);
        _open.Remove(name);
    }

    public void Unlock(string name)
    {
        BasisModel basis = _bases[name];
        basis.Current = Clone(basis.Synced);
        _open.Add(name);
    }

    /// <summary>Lock after a successful sync.</summary>
    public void Lock(string name)
    {
        MarkSynced(name);
        _open.Remove(name);
    }

    public void MarkSynced(string basis) => _bases[basis].Synced = Clone(_bases[basis].Current);

    /// <summary>Dispose + mount: only synced contents survive; only the system basis is open.</summary>
    public void Remount()
    {
        foreach (BasisModel basis in _bases.Values)
        {
            basis.Current = Clone(basis.Synced);
        }

        _open.Clear();
        _open.Add(SystemBasis);
    }

    /// <summary>Replaces both the current and the synced contents (what a recovery found, once judged acceptable).</summary>
    public void SetCommitted(string basis, Contents contents)
    {
        _bases[basis].Synced = Clone(contents);
        _bases[basis].Current = Clone(contents);
    }

    // ---- dictionaries ------------------------------------------------------------------------------------------

    public PddbStatus CreateDictionary(string dictionary, string? basis)
    {
        string target = basis ?? _open[^1];
        if (!_open.Contains(target))
        {
            return PddbStatus.BasisNotOpen;
        }

        Contents contents = _bases[target].Current;
        if (contents.ContainsKey(dictionary))
        {
            return PddbStatus.AlreadyExists;
        }

        contents[dictionary] = new Dictionary<string, byte[]>();
        return PddbStatus.Ok;
    }

    public PddbStatus DeleteDictionary(string dictionary, string? basis)
    {
        PddbStatus status = ResolveDictionary(dictionary, basis, out string? owner);
        if (status == PddbStatus.Ok)
        {
            _bases[owner!].Current.Remove(dictionary);
        }

        return status;
    }

    public PddbStatus ListDictionaries(string? basis, out HashSet<string> names)
    {
        names = new HashSet<string>();
        if (basis is not null)
        {
            if (!_open.Contains(basis))
            {
                return PddbStatus.BasisNotOpen;
            }

            names.UnionWith(_bases[basis].Current.Keys);
            return PddbStatus.Ok;
        }

        foreach (string open in _open)
        {
            names.UnionWith(_bases[open].Current.Keys);
        }

        return PddbStatus.Ok;
    }

    // ---- keys --------------------------------------------------------------------------------------------------

    public PddbStatus Read(string dictionary, string key, string? basis, out byte[]? value)
    {
        value = null;
        PddbStatus status = ResolveKey(dictionary, key, basis, out string? owner);
        if (status == PddbStatus.Ok)
        {
            value = _bases[owner!].Current[dictionary][key];
        }

        return status;
    }

    /// <summary>Which basis a write would go to (or why it cannot).</summary>
    public PddbStatus ResolveForWrite(string dictionary, string key, string? basis, out string? owner)
    {
        if (ResolveKey(dictionary, key, basis, out owner) == PddbStatus.Ok)
        {
            return PddbStatus.Ok;
        }

        return ResolveDictionary(dictionary, basis, out owner);
    }

    public PddbStatus Write(string dictionary, string key, ReadOnlySpan<byte> value, string? basis)
    {
        PddbStatus status = ResolveForWrite(dictionary, key, basis, out string? owner);
        if (status == PddbStatus.Ok)
        {
            _bases[owner!].Current[dictionary][key] = value.ToArray();
        }

        return status;
    }

    public PddbStatus WriteAt(string dictionary, string key, long offset, ReadOnlySpan<byte> data, string? basis)
    {
        PddbStatus status = ResolveForWrite(dictionary, key, basis, out string? owner);
        if (status != PddbStatus.Ok)
        {
            return status;
        }

        if (offset < 0)
        {
            return PddbStatus.OutOfRange;
        }

        Dictionary<string, byte[]> keys = _bases[owner!].Current[dictionary];
        byte[] old = keys.TryGetValue(key, out byte[]? existing) ? existing : Array.Empty<byte>();
        byte[] updated = new byte[Math.Max(old.Length, offset + data.Length)];
        old.CopyTo(updated, 0);
        data.CopyTo(updated.AsSpan((int)offset));
        keys[key] = updated;
        return PddbStatus.Ok;
    }

    public PddbStatus DeleteKey(string dictionary, string key, string? basis)
    {
        PddbStatus status = ResolveKey(dictionary, key, basis, out string? owner);
        if (status == PddbStatus.Ok)
        {
            _bases[owner!].Current[dictionary].Remove(key);
        }

        return status;
    }

    /// <summary>Union (or one basis) of the key names of a dictionary; NotFound when no open basis has it.</summary>
    public PddbStatus ListKeys(string dictionary, string? basis, out HashSet<string> names)
    {
        names = new HashSet<string>();
        Dictionary<string, byte[]> view = View(dictionary, basis, out bool found);
        names.UnionWith(view.Keys);
        if (basis is not null && !_open.Contains(basis))
        {
            return PddbStatus.BasisNotOpen;
        }

        return found ? PddbStatus.Ok : PddbStatus.NotFound;
    }

    /// <summary>The values a bulk read returns: per key name the latest basis wins.</summary>
    public PddbStatus BulkRead(string dictionary, string? basis, out Dictionary<string, byte[]> entries)
    {
        entries = View(dictionary, basis, out bool found);
        if (basis is not null && !_open.Contains(basis))
        {
            return PddbStatus.BasisNotOpen;
        }

        return found ? PddbStatus.Ok : PddbStatus.NotFound;
    }

    public static Contents Clone(Contents contents)
    {
        var copy = new Contents();
        foreach (KeyValuePair<string, Dictionary<string, byte[]>> dictionary in contents)
        {
            var keys = new Dictionary<string, byte[]>();
            foreach (KeyValuePair<string, byte[]> key in dictionary.Value)
            {
                keys[key.Key] = key.Value.ToArray();
            }

            copy[dictionary.Key] = keys;
        }

        return copy;
    }

    public static bool ContentsEqual(Contents a, Contents b) => Difference(a, b) is null;

    /// <summary>The first difference between two contents (null when equal), for messages.</summary>
    public static string? Difference(Contents actual, Contents expected)
    {
        foreach (KeyValuePair<string, Dictionary<string, byte[]>> dictionary in expected)
        {
            if (!actual.TryGetValue(dictionary.Key, out Dictionary<string, byte[]>? keys))
            {
                return "dictionary '" + dictionary.Key + "' missing";
            }

            foreach (KeyValuePair<string, byte[]> key in dictionary.Value)
            {
                if (!keys.TryGetValue(key.Key, out byte[]? value))
                {
                    return "key '" + dictionary.Key + ":" + key.Key + "' missing";
                }

                if (!value.AsSpan().SequenceEqual(key.Value))
                {
                    return "key '" + dictionary.Key + ":" + key.Key + "' differs: " + value.Length + " bytes, expected "
                        + key.Value.Length + " (first difference at " + FirstDifference(value, key.Value) + ")";
                }
            }

            foreach (string name in keys.Keys)
            {
                if (!dictionary.Value.ContainsKey(name))
                {
                    return "key '" + dictionary.Key + ":" + name + "' unexpected";
                }
            }
        }

        foreach (string name in actual.Keys)
        {
            if (!expected.ContainsKey(name))
            {
                return "dictionary '" + name + "' unexpected";
            }
        }

        return null;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private Dictionary<string, byte[]> View(string dictionary, string? basis, out bool found)
    {
        var view = new Dictionary<string, byte[]>();
        found = false;
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (basis is not null && _open[i] != basis)
            {
                continue;
            }

            if (_bases[_open[i]].Current.TryGetValue(dictionary, out Dictionary<string, byte[]>? keys))
            {
                found = true;
                foreach (KeyValuePair<string, byte[]> key in keys)
                {
                    view.TryAdd(key.Key, key.Value);
                }
            }
        }

        return view;
    }

    private PddbStatus ResolveKey(string dictionary, string key, string? basis, out string? owner)
    {
        owner = null;
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (basis is not null && _open[i] != basis)
            {
                continue;
            }

            if (_bases[_open[i]].Current.TryGetValue(dictionary, out Dictionary<string, byte[]>? keys) && keys.ContainsKey(key))
            {
                owner = _open[i];
                return PddbStatus.Ok;
            }
        }

        return basis is not null && !_open.Contains(basis) ? PddbStatus.BasisNotOpen : PddbStatus.NotFound;
    }

    private PddbStatus ResolveDictionary(string dictionary, string? basis, out string? owner)
    {
        owner = null;
        if (basis is not null)
        {
            if (!_open.Contains(basis))
            {
                return PddbStatus.BasisNotOpen;
            }

            owner = basis;
            return _bases[basis].Current.ContainsKey(dictionary) ? PddbStatus.Ok : PddbStatus.NotFound;
        }

        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (_bases[_open[i]].Current.ContainsKey(dictionary))
            {
                owner = _open[i];
                return PddbStatus.Ok;
            }
        }

        return PddbStatus.NotFound;
    }

    /// <summary>Dictionary name → key name → value.</summary>
    public sealed class Contents : Dictionary<string, Dictionary<string, byte[]>>
    {
    }

    private sealed class BasisModel
    {
        public BasisModel(string name, string? password)
        {
            Name = name;
            Password = password;
        }

        public string Name { get; }

        public string? Password { get; }

        public Contents Current { get; set; } = new();

        public Contents Synced { get; set; } = new();
    }
}
