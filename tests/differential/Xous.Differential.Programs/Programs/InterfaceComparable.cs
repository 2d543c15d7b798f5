using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>IComparable&lt;T&gt;: List.Sort(), Comparer&lt;T&gt;.Default, BinarySearch and a generic max over a constraint.</summary>
public static class InterfaceComparable
{
    private sealed class Version : IComparable<Version>
    {
        public Version(int major, int minor, int patch)
        {
            Major = major;
            Minor = minor;
            Patch = patch;
        }

        public int Major { get; }

        public int Minor { get; }

        public int Patch { get; }

        public int CompareTo(Version? other)
        {
            if (other is null)
            {
                return 1;
            }

            int c = Major.CompareTo(other.Major);
            if (c == 0)
            {
                c = Minor.CompareTo(other.Minor);
            }

            return c != 0 ? c : Patch.CompareTo(other.Patch);
        }

        public override string ToString() => Major + "." + Minor + "." + Patch;
    }

    public static int Main()
    {
        var versions = new List<Version>
        {
            new(1, 10, 0), new(1, 2, 3), new(0, 9, 9), new(2, 0, 0), new(1, 2, 10), new(1, 2, 3),
        };
        versions.Sort();
        foreach (Version v in versions)
        {
            Transcript.WriteLine(v.ToString());
        }

        Transcript.WriteLine(versions.BinarySearch(new Version(1, 10, 0)));
        Transcript.WriteLine(versions.BinarySearch(new Version(1, 5, 0)));
        Transcript.WriteLine(Comparer<Version>.Default.Compare(new Version(3, 0, 0), new Version(2, 9, 9)));
        Transcript.WriteLine(Comparer<Version?>.Default.Compare(null, new Version(0, 0, 0)));
        Transcript.WriteLine(Max(new[] { 3, 9, -2, 7 }));
        Transcript.WriteLine(Max(new[] { 'p', 'a', 'z', 'm' }).ToString());
        Transcript.WriteLine(Max(versions.ToArray()).ToString());
        Transcript.WriteLine(Sign(5.CompareTo(3)) + " " + Sign(3.CompareTo(5)) + " " + Sign(4.CompareTo(4)));
        Transcript.WriteLine(Sign('a'.CompareTo('b')));
        Transcript.WriteLine(Sign(long.MinValue.CompareTo(0L)));
        Transcript.WriteLine(Sign(uint.MaxValue.CompareTo(0u)));
        return 0;
    }

    private static T Max<T>(T[] items)
        where T : IComparable<T>
    {
        T best = items[0];
        for (int i = 1; i < items.Length; i++)
        {
            if (items[i].CompareTo(best) > 0)
            {
                best = items[i];
            }
        }

        return best;
    }

    private static int Sign(int v) => v < 0 ? -1 : (v > 0 ? 1 : 0);
}
