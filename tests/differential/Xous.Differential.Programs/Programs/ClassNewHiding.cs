using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Member hiding with 'new' versus 'override': the static type picks hidden members, the run-time type picks overrides.</summary>
public static class ClassNewHiding
{
    private class A
    {
        public int Field = 1;

        public string Plain() => "A.Plain";

        public virtual string Virt() => "A.Virt";

        public static string Stat() => "A.Stat";
    }

    private class B : A
    {
        public new int Field = 2;

        public new string Plain() => "B.Plain";

        public override string Virt() => "B.Virt";

        public static new string Stat() => "B.Stat";
    }

    private class C : B
    {
        public new virtual string Virt() => "C.Virt(new slot)";
    }

    public static int Main()
    {
        var c = new C();
        B asB = c;
        A asA = c;
        Transcript.WriteLine(asA.Plain());
        Transcript.WriteLine(asB.Plain());
        Transcript.WriteLine(c.Plain());
        Transcript.WriteLine(asA.Virt());
        Transcript.WriteLine(asB.Virt());
        Transcript.WriteLine(c.Virt());
        Transcript.WriteLine(asA.Field);
        Transcript.WriteLine(asB.Field);
        asA.Field = 10;
        asB.Field = 20;
        Transcript.WriteLine(asA.Field + asB.Field);
        Transcript.WriteLine(A.Stat());
        Transcript.WriteLine(B.Stat());
        return 0;
    }
}
