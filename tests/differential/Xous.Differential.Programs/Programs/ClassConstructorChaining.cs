using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Constructor chaining with this(...) and base(...): field initializers run first (derived before base), then the
/// base constructor body, then the derived body.
/// </summary>
public static class ClassConstructorChaining
{
    private class Base
    {
        private readonly int _baseInit = Log("Base field initializer", 1);
        protected int Value;

        public Base()
            : this(10)
        {
            Transcript.WriteLine("Base() body");
        }

        public Base(int value)
        {
            Transcript.WriteLine("Base(int) body, init=" + _baseInit);
            Value = value;
        }
    }

    private sealed class Derived : Base
    {
        private readonly int _derivedInit = Log("Derived field initializer", 2);
        private readonly string _name;

        public Derived()
            : this("anonymous")
        {
            Transcript.WriteLine("Derived() body");
        }

        public Derived(string name)
            : base()
        {
            Transcript.WriteLine("Derived(string) body");
            _name = name;
        }

        public Derived(string name, int value)
            : base(value * 2)
        {
            Transcript.WriteLine("Derived(string, int) body");
            _name = name;
        }

        public string Describe() => _name + ":" + Value + ":" + _derivedInit;
    }

    public static int Main()
    {
        Transcript.WriteLine("-- new Derived()");
        Transcript.WriteLine(new Derived().Describe());
        Transcript.WriteLine("-- new Derived(\"x\")");
        Transcript.WriteLine(new Derived("x").Describe());
        Transcript.WriteLine("-- new Derived(\"y\", 21)");
        Transcript.WriteLine(new Derived("y", 21).Describe());
        return 0;
    }

    private static int Log(string what, int value)
    {
        Transcript.WriteLine(what);
        return value;
    }
}
