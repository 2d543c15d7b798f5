using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Implicit interface implementation: calls through the interface and through the class reach the same method.</summary>
public static class InterfaceImplicit
{
    private interface IGreeter
    {
        string Greet(string name);

        int Calls { get; }
    }

    private sealed class English : IGreeter
    {
        public int Calls { get; private set; }

        public string Greet(string name)
        {
            Calls++;
            return "Hello, " + name;
        }
    }

    private sealed class French : IGreeter
    {
        public int Calls { get; private set; }

        public string Greet(string name)
        {
            Calls += 2;
            return "Bonjour, " + name;
        }
    }

    private class Base : IGreeter
    {
        public virtual int Calls => 42;

        public virtual string Greet(string name) => "base " + name;
    }

    private sealed class Derived : Base
    {
        public override string Greet(string name) => "derived " + name;
    }

    public static int Main()
    {
        IGreeter[] greeters = { new English(), new French(), new Base(), new Derived(), new English() };
        foreach (IGreeter g in greeters)
        {
            Transcript.WriteLine(g.Greet("Ada"));
            Transcript.WriteLine(g.Greet("Bob"));
            Transcript.WriteLine(g.Calls);
        }

        var e = (English)greeters[0];
        Transcript.WriteLine(e.Greet("direct"));
        Transcript.WriteLine(e.Calls);
        return 0;
    }
}
