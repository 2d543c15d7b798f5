using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A class implementing several interfaces: casts between them, 'is'/'as' tests, and interfaces inherited from the base class.</summary>
public static class InterfaceMultiple
{
    private interface IA
    {
        string A();
    }

    private interface IB
    {
        string B();
    }

    private interface IC
    {
        string C();
    }

    private interface ID
    {
        string D();
    }

    private class Base : IA, IB
    {
        public string A() => "Base.A";

        public virtual string B() => "Base.B";
    }

    private sealed class Full : Base, IC, ID
    {
        public override string B() => "Full.B";

        public string C() => "Full.C";

        public string D() => "Full.D";
    }

    public static int Main()
    {
        object[] things = { new Base(), new Full(), "string", 42 };
        foreach (object o in things)
        {
            string line = "";
            line += o is IA a ? a.A() : "-";
            line += " ";
            line += o is IB b ? b.B() : "-";
            line += " ";
            line += (o as IC)?.C() ?? "-";
            line += " ";
            line += (o as ID)?.D() ?? "-";
            Transcript.WriteLine(line);
        }

        IA viaA = new Full();
        var viaD = (ID)viaA;
        var viaB = (IB)viaD;
        Transcript.WriteLine(viaD.D() + " " + viaB.B());
        return 0;
    }
}
