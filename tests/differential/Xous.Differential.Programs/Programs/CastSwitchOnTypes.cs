using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Switch statements and expressions over the run-time type of objects, interfaces and boxed values, with when-guards and order.</summary>
public static class CastSwitchOnTypes
{
    private interface IHasArea
    {
        int Area { get; }
    }

    private sealed class Tile : IHasArea
    {
        public int Area => 4;
    }

    private sealed class Field : IHasArea, IDisposable
    {
        public int Area => 10000;

        public void Dispose()
        {
        }
    }

    public static int Main()
    {
        object?[] values = { 5, -5, 5L, "five", 'f', new Tile(), new Field(), new int[] { 5 }, null, 5u, (short)5, true };
        foreach (object? v in values)
        {
            Transcript.WriteLine(Statement(v) + " | " + Expression(v));
        }

        return 0;
    }

    private static string Statement(object? v)
    {
        switch (v)
        {
            case int i when i < 0:
                return "negative int";
            case int i:
                return "int " + i;
            case long l:
                return "long " + l;
            case string s:
                return "string " + s.Length;
            case IDisposable:
                return "disposable";
            case IHasArea a:
                return "area " + a.Area;
            case int[] arr:
                return "int[] of " + arr.Length;
            case null:
                return "null";
            default:
                return "default";
        }
    }

    private static string Expression(object? v) => v switch
    {
        int or long or short => "signed integer",
        uint => "unsigned",
        char c => "char " + (int)c,
        IHasArea { Area: > 100 } => "big area",
        IHasArea => "small area",
        Array a => "array " + a.Length,
        bool b => b ? "yes" : "no",
        null => "nothing",
        _ => "other",
    };
}
