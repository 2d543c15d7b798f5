using System.Collections.Immutable;
using System.Linq;

namespace Xous.Ipc.Generator;

/// <summary>One generated file: its hint name and text. Compared by value so the pipeline can cache it.</summary>
internal sealed class GeneratedFile : System.IEquatable<GeneratedFile>
{
    public GeneratedFile(string hintName, string text)
    {
        HintName = hintName;
        Text = text;
    }

    public string HintName { get; }

    public string Text { get; }

    public bool Equals(GeneratedFile? other) => other is not null && HintName == other.HintName && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as GeneratedFile);

    public override int GetHashCode() => HintName.GetHashCode() ^ Text.GetHashCode();
}

/// <summary>The files generated for one contract (empty when it has errors). Compared by value.</summary>
internal sealed class GeneratedContract : System.IEquatable<GeneratedContract>
{
    public GeneratedContract(ImmutableArray<GeneratedFile> files) => Files = files;

    public ImmutableArray<GeneratedFile> Files { get; }

    public bool Equals(GeneratedContract? other) => other is not null && Files.SequenceEqual(other.Files);

    public override bool Equals(object? obj) => Equals(obj as GeneratedContract);

    public override int GetHashCode()
    {
        int hash = Files.Length;
        foreach (GeneratedFile file in Files)
        {
            hash = (hash * 31) ^ file.GetHashCode();
        }

        return hash;
    }
}
