using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ToString overrides used by concatenation and interpolation; the default ToString prints the full type name.</summary>
public static class ClassToString
{
    private sealed class Point
    {
        public int X;
        public int Y;

        public override string ToString() => "(" + X + ", " + Y + ")";
    }

    private class Plain
    {
    }

    private sealed class DerivedPlain : Plain
    {
    }

    private class Named
    {
        public override string ToString() => "Named";
    }

    private sealed class MoreNamed : Named
    {
        public override string ToString() => base.ToString() + "+More";
    }

    private sealed class Holder<T>
    {
        public T? Value { get; set; }
    }

    private struct Pair
    {
        public int A;
    }

    public static int Main()
    {
        var p = new Point { X = 3, Y = -4 };
        Transcript.WriteLine(p.ToString());
        Transcript.WriteLine("p = " + p);
        Transcript.WriteLine($"interpolated {p} and {p,12}|{p,-12}|");
        object o = p;
        Transcript.WriteLine(o.ToString());
        Transcript.WriteLine(new Plain().ToString());
        Transcript.WriteLine(new DerivedPlain().ToString());
        Named n = new MoreNamed();
        Transcript.WriteLine(n.ToString());
        Transcript.WriteLine(new Holder<int>().ToString());
        Transcript.WriteLine(new Holder<string>().ToString());
        Transcript.WriteLine(new Holder<Holder<long>>().ToString());
        Transcript.WriteLine(new Pair { A = 1 }.ToString());
        Transcript.WriteLine(new object().ToString());
        Transcript.WriteLine(new int[0].ToString());
        Transcript.WriteLine(new Point[0].ToString());
        Point? missing = null;
        Transcript.WriteLine($"[{missing}]");
        Transcript.WriteLine(string.Concat("concat:", p, n));
        return 0;
    }
}
