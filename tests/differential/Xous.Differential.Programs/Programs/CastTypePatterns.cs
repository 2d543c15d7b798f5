using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>is/as and type patterns over a class hierarchy: declaration patterns, negated patterns, 'as' yielding null.</summary>
public static class CastTypePatterns
{
    private abstract class Shape
    {
    }

    private sealed class Circle : Shape
    {
        public int R;
    }

    private class Rect : Shape
    {
        public int W;
        public int H;
    }

    private sealed class Square : Rect
    {
    }

    public static int Main()
    {
        object?[] items = { new Circle { R = 2 }, new Rect { W = 2, H = 3 }, new Square { W = 4, H = 4 }, "text", 7, null };
        foreach (object? o in items)
        {
            Transcript.WriteLine(Describe(o));
        }

        foreach (object? o in items)
        {
            Rect? r = o as Rect;
            Shape? s = o as Shape;
            string? t = o as string;
            Transcript.WriteLine((r != null) + " " + (s != null) + " " + (t != null) + " " + (o is not null) + " " + (o is not Shape));
        }

        return 0;
    }

    private static string Describe(object? o)
    {
        if (o is Circle c)
        {
            return "circle area~" + (3 * c.R * c.R);
        }

        if (o is Square sq)
        {
            return "square " + (sq.W * sq.W);
        }

        if (o is Rect r && r.W != r.H)
        {
            return "rect " + (r.W * r.H);
        }

        if (o is string { Length: > 2 } s)
        {
            return "string of " + s.Length;
        }

        if (o is int n and > 5)
        {
            return "int > 5: " + n;
        }

        return o is null ? "null" : "something else";
    }
}
