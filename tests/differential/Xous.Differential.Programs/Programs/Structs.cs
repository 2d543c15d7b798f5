using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Structs by value (copies are independent) and by reference, nested structs, methods and constructors.</summary>
public static class Structs
{
    private struct Point
    {
        public int X;
        public int Y;

        public Point(int x, int y)
        {
            X = x;
            Y = y;
        }

        public readonly int ManhattanLength => Abs(X) + Abs(Y);

        public void Scale(int factor)
        {
            X *= factor;
            Y *= factor;
        }

        private static int Abs(int v) => v < 0 ? -v : v;
    }

    private struct Segment
    {
        public Point From;
        public Point To;
        public long Tag;
        public byte Flags;
    }

    private struct Empty
    {
    }

    public static int Main()
    {
        var p = new Point(3, -4);
        Point copy = p;
        copy.Scale(10);
        Print(p);
        Print(copy);
        Transcript.WriteLine(p.ManhattanLength);

        Segment s = default;
        s.From = p;
        s.To = Mirror(copy);
        s.Tag = long.MinValue + 1;
        s.Flags = 200;
        s.To.Scale(-1);
        Print(s.From);
        Print(s.To);
        Transcript.WriteLine(s.Tag);
        Transcript.WriteLine(s.Flags);
        Segment t = s;
        t.From.X = 99;
        Transcript.WriteLine(s.From.X);
        Transcript.WriteLine(Sum(t));
        Empty e = default;
        Touch(e);
        return 0;
    }

    private static Point Mirror(Point p) => new(p.Y, p.X);

    private static long Sum(Segment s) => s.From.X + s.From.Y + s.To.X + s.To.Y + s.Flags;

    private static void Touch(Empty e) => Transcript.WriteLine("empty struct passed");

    private static void Print(Point p)
    {
        Transcript.Write("(");
        Transcript.Write(p.X);
        Transcript.Write(", ");
        Transcript.Write(p.Y);
        Transcript.WriteLine(")");
    }
}
