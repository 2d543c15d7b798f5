using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A six-level hierarchy where overrides sit at levels 1, 3 and 6; each call resolves to the nearest override.</summary>
public static class ClassDeepHierarchy
{
    private class L1
    {
        public virtual int A() => 1;

        public virtual int B() => 10;

        public virtual int C() => 100;

        public int Sum() => A() + B() + C();
    }

    private class L2 : L1
    {
    }

    private class L3 : L2
    {
        public override int A() => 3;

        public override int B() => base.B() + 30;
    }

    private class L4 : L3
    {
    }

    private class L5 : L4
    {
        public override int C() => 500;
    }

    private sealed class L6 : L5
    {
        public override int A() => base.A() * 6;

        public override int C() => base.C() + 600;
    }

    public static int Main()
    {
        L1[] all = { new L1(), new L2(), new L3(), new L4(), new L5(), new L6() };
        for (int i = 0; i < all.Length; i++)
        {
            L1 x = all[i];
            Transcript.WriteLine((i + 1) + ": " + x.A() + " " + x.B() + " " + x.C() + " = " + x.Sum());
        }

        return 0;
    }
}
