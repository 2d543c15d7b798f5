using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Xous.Ipc.Generator;

/// <summary>The private static bool-offset tables of one generated class, named in order of first use.</summary>
internal sealed class BooleanTables
{
    private readonly List<KeyValuePair<string, ImmutableArray<int>>> _tables = new();

    /// <summary>The table for <paramref name="type"/>, or "default" when it has no bool fields.</summary>
    public string Get(WireType type)
    {
        if (type.BooleanOffsets.IsEmpty)
        {
            return "default";
        }

        foreach (KeyValuePair<string, ImmutableArray<int>> table in _tables)
        {
            if (table.Value.SequenceEqual(type.BooleanOffsets))
            {
                return table.Key;
            }
        }

        string name = "__booleans" + _tables.Count;
        _tables.Add(new KeyValuePair<string, ImmutableArray<int>>(name, type.BooleanOffsets));
        return name;
    }

    public void Emit(SourceWriter writer)
    {
        foreach (KeyValuePair<string, ImmutableArray<int>> table in _tables)
        {
            writer.Line("private static readonly int[] " + table.Key + " = new int[] { " + string.Join(", ", table.Value) + " };");
            writer.Line();
        }
    }
}
