using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Virtual dispatch through base references: overrides at different depths, inherited implementations, virtual properties.</summary>
public static class ClassVirtualDispatch
{
    private class Shape
    {
        public virtual int Area() => 0;

        public virtual string Kind => "shape";

        public int Twice() => Area() * 2;
    }

    private class Rect : Shape
    {
        private readonly int _w;
        private readonly int _h;

        public Rect(int w, int h)
        {
            _w = w;
            _h = h;
        }

        public override int Area() => _w * _h;

        public override string Kind => "rect";
    }

    private sealed class Square : Rect
    {
        public Square(int side)
            : base(side, side)
        {
        }

        public override string Kind => "square";
    }

    private sealed class Triangle : Shape
    {
        private readonly int _b;
        private readonly int _h;

        public Triangle(int b, int h)
        {
            _b = b;
            _h = h;
        }

        public override int Area() => _b * _h / 2;
    }

    public static int Main()
    {
        Shape[] shapes = { new Shape(), new Rect(3, 4), new Square(5), new Triangle(6, 7), new Rect(0, 9) };
        int total = 0;
        for (int i = 0; i < shapes.Length; i++)
        {
            Shape s = shapes[i];
            Transcript.WriteLine(i + ": " + s.Kind + " area=" + s.Area() + " twice=" + s.Twice());
            total += s.Area();
        }

        Transcript.WriteLine(total);
        for (int round = 0; round < 3; round++)
        {
            Shape tmp = shapes[0];
            for (int i = 0; i < shapes.Length - 1; i++)
            {
                shapes[i] = shapes[i + 1];
            }

            shapes[^1] = tmp;
            Transcript.WriteLine(shapes[0].Kind + " " + shapes[0].Area());
        }

        return 0;
    }
}
