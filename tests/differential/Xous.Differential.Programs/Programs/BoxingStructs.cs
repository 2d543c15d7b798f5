using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Boxed structs: the box is a snapshot, mutation through an interface changes only the box, ValueType.Equals compares fields.</summary>
public static class BoxingStructs
{
    private interface IMove
    {
        void Move(int dx);

        int X { get; }
    }

    private struct Point : IMove
    {
        public int X { get; set; }

        public int Y;
        public string? Label;

        public void Move(int dx) => X += dx;
    }

    private struct Big
    {
        public long A;
        public long B;
        public long C;
        public int D;
    }

    public static int Main()
    {
        var p = new Point { X = 1, Y = 2, Label = "p" };
        object box = p;
        p.X = 100;
        Transcript.WriteLine(((Point)box).X + " " + p.X);
        ((IMove)box).Move(5);
        Transcript.WriteLine(((Point)box).X);
        IMove im = p;
        im.Move(1);
        Transcript.WriteLine(im.X + " " + p.X);
        object same = new Point { X = 6, Y = 2, Label = "p" };
        Transcript.WriteLine(box.Equals(same));
        Transcript.WriteLine(box.Equals(new Point { X = 6, Y = 2, Label = "q" }));
        Transcript.WriteLine(box.Equals(new Point { X = 6, Y = 2, Label = new string('p', 1) }));
        Transcript.WriteLine(box.Equals(null));
        Transcript.WriteLine(box!.Equals(new Big()));
        object big = new Big { A = 1, B = 2, C = 3, D = 4 };
        var unboxed = (Big)big;
        unboxed.D = 40;
        Transcript.WriteLine(((Big)big).D + " " + unboxed.D);
        Transcript.WriteLine(big.Equals(new Big { A = 1, B = 2, C = 3, D = 4 }));
        Transcript.WriteLine(big.Equals(unboxed));
        object[] arr = new object[3];
        for (int i = 0; i < arr.Length; i++)
        {
            arr[i] = new Point { X = i };
        }

        int sum = 0;
        foreach (object o in arr)
        {
            if (o is Point q)
            {
                sum += q.X;
            }
        }

        Transcript.WriteLine(sum);
        Transcript.WriteLine(big.ToString());
        return 0;
    }
}
