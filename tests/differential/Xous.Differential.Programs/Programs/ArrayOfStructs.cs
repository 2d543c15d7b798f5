using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Arrays of structs: in-place mutation through the element, copies taken out, structs holding references, ref locals into elements.</summary>
public static class ArrayOfStructs
{
    private struct Particle
    {
        public int X;
        public int Y;
        public short Vx;
        public short Vy;
        public string? Tag;

        public void Step()
        {
            X += Vx;
            Y += Vy;
        }
    }

    public static int Main()
    {
        var ps = new Particle[5];
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i].Vx = (short)(i - 2);
            ps[i].Vy = (short)(i * i);
            ps[i].Tag = i % 2 == 0 ? "even" + i : null;
        }

        for (int t = 0; t < 10; t++)
        {
            for (int i = 0; i < ps.Length; i++)
            {
                ps[i].Step();
            }
        }

        Particle copy = ps[4];
        copy.Step();
        ref Particle r = ref ps[3];
        r.Step();
        r.Tag = "ref-set";
        foreach (Particle p in ps)
        {
            Transcript.WriteLine(p.X + "," + p.Y + " v=" + p.Vx + "," + p.Vy + " " + (p.Tag ?? "-"));
        }

        Transcript.WriteLine(copy.X + "," + copy.Y);
        var grid = new Particle[2][];
        grid[0] = ps;
        grid[1] = new Particle[1];
        grid[1][0].Tag = "alone";
        grid[0][0].X = 1000;
        Transcript.WriteLine(ps[0].X);
        Transcript.WriteLine(grid[1][0].Tag);
        return 0;
    }
}
