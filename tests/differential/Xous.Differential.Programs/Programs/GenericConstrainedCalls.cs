using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Constrained calls on value types: ToString/GetHashCode/Equals overridden or not, interface methods that mutate, no boxing of the original.</summary>
public static class GenericConstrainedCalls
{
    private interface IBump
    {
        int Bump();
    }

    private struct Overrides : IBump
    {
        public int N;

        public int Bump() => ++N;

        public override readonly string ToString() => "Overrides(" + N + ")";

        public override readonly int GetHashCode() => N * 7;

        public override readonly bool Equals(object? obj) => obj is Overrides o && o.N == N;
    }

    private struct Plain : IBump
    {
        public int N;

        public int Bump()
        {
            N += 10;
            return N;
        }
    }

    private sealed class Ref : IBump
    {
        public int N;

        public int Bump() => N += 100;

        public override string ToString() => "Ref(" + N + ")";
    }

    public static int Main()
    {
        var o = new Overrides { N = 1 };
        Transcript.WriteLine(Describe(o));
        Transcript.WriteLine(BumpTwice(ref o));
        Transcript.WriteLine(o.N);
        Transcript.WriteLine(Hash(o));
        Transcript.WriteLine(Same(o, new Overrides { N = 3 }));

        var p = new Plain { N = 1 };
        Transcript.WriteLine(Describe(p));
        Transcript.WriteLine(BumpTwice(ref p));
        Transcript.WriteLine(p.N);
        Transcript.WriteLine(Same(p, new Plain { N = 21 }));
        Transcript.WriteLine(Same(p, new Plain { N = 22 }));

        var r = new Ref { N = 1 };
        Transcript.WriteLine(Describe(r));
        Transcript.WriteLine(BumpTwice(ref r));
        Transcript.WriteLine(r.N);

        Transcript.WriteLine(Describe(42));
        Transcript.WriteLine(Hash(42));
        Transcript.WriteLine(Describe('c'));
        Transcript.WriteLine(Describe(DayOfWeekish.Wed));
        Transcript.WriteLine(Same(DayOfWeekish.Wed, DayOfWeekish.Wed));
        return 0;
    }

    private enum DayOfWeekish
    {
        Mon,
        Tue,
        Wed,
    }

    private static string Describe<T>(T value) => value!.ToString() ?? "null";

    private static int Hash<T>(T value)
        where T : struct => value.GetHashCode();

    private static bool Same<T>(T a, T b) => a!.Equals(b);

    private static int BumpTwice<T>(ref T value)
        where T : IBump
    {
        value.Bump();
        return value.Bump();
    }
}
