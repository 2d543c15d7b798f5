using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>base.Method() and base.Property through a three-level override chain; each level adds to the result.</summary>
public static class ClassBaseCalls
{
    private class Level1
    {
        public virtual string Describe() => "L1";

        public virtual int Weight => 1;

        public virtual int Compute(int x) => x + 1;
    }

    private class Level2 : Level1
    {
        public override string Describe() => base.Describe() + ">L2";

        public override int Weight => base.Weight * 10 + 2;

        public override int Compute(int x) => base.Compute(x) * 2;
    }

    private class Level3 : Level2
    {
        public override string Describe() => "[" + base.Describe() + ">L3]";

        public override int Weight => base.Weight * 10 + 3;

        public override int Compute(int x) => base.Compute(x) - 3;

        public int NonVirtualBase() => base.Compute(100);
    }

    public static int Main()
    {
        Level1[] items = { new Level1(), new Level2(), new Level3() };
        foreach (Level1 item in items)
        {
            Transcript.WriteLine(item.Describe());
            Transcript.WriteLine(item.Weight);
            Transcript.WriteLine(item.Compute(5));
        }

        var l3 = new Level3();
        Transcript.WriteLine(l3.NonVirtualBase());
        return 0;
    }
}
