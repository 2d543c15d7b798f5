using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Comparer&lt;T&gt;.Default and EqualityComparer&lt;T&gt;.Default over ints, enums, strings, nullable and custom types; Comparer.Create.</summary>
public static class CollectionComparers
{
    private enum Level : byte
    {
        Low = 1,
        High = 200,
    }

    private sealed class Legacy : IComparable
    {
        public Legacy(int rank)
        {
            Rank = rank;
        }

        public int Rank { get; }

        public int CompareTo(object? obj) => obj is Legacy l ? Rank.CompareTo(l.Rank) : 1;
    }

    public static int Main()
    {
        Transcript.WriteLine(Sign(Comparer<int>.Default.Compare(1, 2)) + " " + Sign(Comparer<int>.Default.Compare(2, 2)));
        Transcript.WriteLine(Sign(Comparer<Level>.Default.Compare(Level.High, Level.Low)));
        Transcript.WriteLine(Sign(Comparer<int?>.Default.Compare(null, 0)) + " " + Sign(Comparer<int?>.Default.Compare(5, null)) + " " + Sign(Comparer<int?>.Default.Compare(null, null)));
        Transcript.WriteLine(Sign(Comparer<ulong>.Default.Compare(ulong.MaxValue, 0)));
        Transcript.WriteLine(Sign(Comparer<Legacy>.Default.Compare(new Legacy(3), new Legacy(1))));
        Transcript.WriteLine(EqualityComparer<int>.Default.Equals(4, 4) + " " + EqualityComparer<Level>.Default.Equals(Level.Low, (Level)1));
        Transcript.WriteLine(EqualityComparer<string>.Default.Equals("a", new string('a', 1)) + " " + EqualityComparer<object>.Default.Equals(1, 1L));
        Transcript.WriteLine(EqualityComparer<int?>.Default.Equals(null, null) + " " + EqualityComparer<int?>.Default.Equals(1, null));
        Transcript.WriteLine(EqualityComparer<Level>.Default.GetHashCode(Level.High) + " " + EqualityComparer<long>.Default.GetHashCode(1L << 32));
        Comparer<string> byLength = Comparer<string>.Create((a, b) => a.Length.CompareTo(b.Length));
        var words = new List<string> { "ccc", "a", "bb", "dddd", "" };
        words.Sort(byLength);
        Transcript.WriteLine(string.Join("|", words.ToArray()));
        var levels = new List<Level> { Level.High, Level.Low, (Level)100 };
        levels.Sort();
        Transcript.WriteLine(levels[0] + " " + levels[1] + " " + levels[2]);
        var legacy = new List<Legacy> { new(5), new(2), new(9) };
        legacy.Sort();
        Transcript.WriteLine(legacy[0].Rank + " " + legacy[2].Rank);
        return 0;
    }

    private static int Sign(int v) => v < 0 ? -1 : v > 0 ? 1 : 0;
}
