using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Explicit implementations: two interfaces with the same member name, each reached only through its own interface.</summary>
public static class InterfaceExplicit
{
    private interface IMetric
    {
        int Length();
    }

    private interface IImperial
    {
        int Length();
    }

    private interface ILabelled
    {
        string Label { get; }
    }

    private sealed class Board : IMetric, IImperial, ILabelled
    {
        private readonly int _millimetres;

        public Board(int millimetres)
        {
            _millimetres = millimetres;
        }

        string ILabelled.Label => "board of " + _millimetres + " mm";

        public int Length() => -1;

        int IMetric.Length() => _millimetres;

        int IImperial.Length() => _millimetres * 10 / 254;
    }

    public static int Main()
    {
        var b = new Board(2540);
        IMetric m = b;
        IImperial i = b;
        ILabelled l = b;
        Transcript.WriteLine(b.Length());
        Transcript.WriteLine(m.Length());
        Transcript.WriteLine(i.Length());
        Transcript.WriteLine(l.Label);
        object o = b;
        Transcript.WriteLine(((IImperial)o).Length());
        Transcript.WriteLine(Sum(new IMetric[] { new Board(1), new Board(20), b }));
        return 0;
    }

    private static int Sum(IMetric[] items)
    {
        int s = 0;
        foreach (IMetric x in items)
        {
            s += x.Length();
        }

        return s;
    }
}
