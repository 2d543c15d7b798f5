using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Calls on interface-constrained type parameters for classes, structs and boxed structs; generic interfaces with several instantiations on one type.</summary>
public static class GenericInterfaceDispatch
{
    private interface IConvert<TOut>
    {
        TOut Convert();
    }

    private interface IShape
    {
        int Area();

        string Name => "shape";
    }

    private struct Square : IShape, IConvert<int>, IConvert<string>
    {
        public int Side;

        public readonly int Area() => Side * Side;

        readonly int IConvert<int>.Convert() => Side;

        readonly string IConvert<string>.Convert() => "square " + Side;
    }

    private sealed class Circle : IShape, IConvert<int>
    {
        public int Radius;

        public int Area() => 3 * Radius * Radius;

        public string Name => "circle";

        int IConvert<int>.Convert() => Radius;
    }

    public static int Main()
    {
        var sq = new Square { Side = 4 };
        var ci = new Circle { Radius = 2 };
        Transcript.WriteLine(Describe(sq) + " | " + Describe(ci) + " | " + Describe<IShape>(sq));
        Transcript.WriteLine(To<Square, int>(sq) + " " + To<Square, string>(sq) + " " + To<Circle, int>(ci));
        IShape[] shapes = { sq, ci, new Square { Side = 1 } };
        Transcript.WriteLine(TotalArea(shapes) + " " + TotalArea(new[] { sq, new Square { Side = 10 } }));
        object boxed = sq;
        Transcript.WriteLine(((IConvert<string>)boxed).Convert() + " " + (boxed is IConvert<int>) + " " + (boxed is IConvert<long>));
        Func<IShape, int> area = s => s.Area();
        Transcript.WriteLine(area(sq) + area(ci));
        return 0;
    }

    private static string Describe<T>(T shape)
        where T : IShape => shape.Name + ":" + shape.Area();

    private static TOut To<T, TOut>(T value)
        where T : IConvert<TOut> => value.Convert();

    private static int TotalArea<T>(T[] shapes)
        where T : IShape
    {
        int total = 0;
        foreach (T s in shapes)
        {
            total += s.Area();
        }

        return total;
    }
}
