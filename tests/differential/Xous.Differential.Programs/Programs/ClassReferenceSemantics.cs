using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>References passed by value and by ref, aliasing, null references, reference equality, swapping through ref.</summary>
public static class ClassReferenceSemantics
{
    private sealed class Cell
    {
        public int Value;

        public Cell(int value)
        {
            Value = value;
        }
    }

    public static int Main()
    {
        var a = new Cell(1);
        var b = new Cell(2);
        Mutate(a);
        Transcript.WriteLine(a.Value);
        Reassign(a);
        Transcript.WriteLine(a.Value);
        ReassignByRef(ref a);
        Transcript.WriteLine(a.Value);
        Swap(ref a, ref b);
        Transcript.WriteLine(a.Value + " " + b.Value);
        Cell? c = null;
        Transcript.WriteLine(c == null);
        Fill(out c);
        Transcript.WriteLine(c.Value);
        Cell d = c;
        d.Value = 77;
        Transcript.WriteLine(c.Value);
        Transcript.WriteLine(ReferenceEquals(c, d));
        Transcript.WriteLine(ReferenceEquals(new Cell(1), new Cell(1)));
        Cell?[] cells = new Cell?[3];
        cells[1] = d;
        int nulls = 0;
        foreach (Cell? x in cells)
        {
            if (x is null)
            {
                nulls++;
            }
        }

        Transcript.WriteLine(nulls);
        Transcript.WriteLine(cells[1]?.Value ?? -1);
        Transcript.WriteLine(cells[0]?.Value ?? -1);
        return 0;
    }

    private static void Mutate(Cell c) => c.Value += 10;

    private static void Reassign(Cell c)
    {
        c = new Cell(-1);
        c.Value++;
    }

    private static void ReassignByRef(ref Cell c) => c = new Cell(c.Value * 3);

    private static void Swap(ref Cell x, ref Cell y) => (x, y) = (y, x);

    private static void Fill(out Cell c) => c = new Cell(99);
}
