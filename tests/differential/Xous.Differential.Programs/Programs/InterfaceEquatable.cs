using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>IEquatable&lt;T&gt; on structs and classes, used by List.Contains/IndexOf, EqualityComparer.Default and Array.IndexOf.</summary>
public static class InterfaceEquatable
{
    private readonly struct Key : IEquatable<Key>
    {
        public readonly int Major;
        public readonly int Minor;

        public Key(int major, int minor)
        {
            Major = major;
            Minor = minor;
        }

        public bool Equals(Key other)
        {
            Transcript.Write("[Key.Equals] ");
            return Major == other.Major && Minor == other.Minor;
        }

        public override bool Equals(object? obj) => obj is Key k && Equals(k);

        public override int GetHashCode() => (Major * 1000) + Minor;
    }

    private sealed class Name : IEquatable<Name>
    {
        public Name(string text)
        {
            Text = text;
        }

        public string Text { get; }

        public bool Equals(Name? other) => other != null && other.Text.Length == Text.Length && other.Text[0] == Text[0];

        public override bool Equals(object? obj) => Equals(obj as Name);

        public override int GetHashCode() => Text.Length;
    }

    public static int Main()
    {
        var keys = new List<Key> { new(1, 0), new(1, 1), new(2, 0) };
        Transcript.WriteLine(keys.Contains(new Key(1, 1)));
        Transcript.WriteLine(keys.IndexOf(new Key(2, 0)));
        Transcript.WriteLine(keys.IndexOf(new Key(3, 0)));
        Transcript.WriteLine(EqualityComparer<Key>.Default.Equals(new Key(5, 5), new Key(5, 5)));
        Transcript.WriteLine(EqualityComparer<Key>.Default.GetHashCode(new Key(5, 5)));
        Key[] array = { new(9, 9), new(8, 8) };
        Transcript.WriteLine(Array.IndexOf(array, new Key(8, 8)));

        var names = new List<Name> { new("alice"), new("bob") };
        Transcript.WriteLine(names.Contains(new Name("brian")));
        Transcript.WriteLine(names.Contains(new Name("bxb")));
        Transcript.WriteLine(names.IndexOf(new Name("axxxx")));
        Transcript.WriteLine(EqualityComparer<Name?>.Default.Equals(null, null));
        Transcript.WriteLine(EqualityComparer<Name?>.Default.Equals(new Name("x"), null));
        Transcript.WriteLine(AreEqual(new Name("zed"), new Name("zoo")));
        Transcript.WriteLine(AreEqual(new Key(1, 2), new Key(1, 3)));
        Transcript.WriteLine(AreEqual(7, 7));
        return 0;
    }

    private static bool AreEqual<T>(T a, T b)
        where T : IEquatable<T> => a.Equals(b);
}
