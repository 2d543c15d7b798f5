using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static constructors of structs: run by a static method call or by an explicit constructor call, not by default(T) or new T[n].</summary>
public static class StaticCtorStructs
{
    private struct Unit
    {
        public static readonly string Symbol;
        public int Amount;

        static Unit()
        {
            Transcript.WriteLine("Unit..cctor");
            Symbol = "u";
        }

        public Unit(int amount)
        {
            Amount = amount;
        }

        public static Unit Parse(string s) => new(s.Length);
    }

    private struct Lazy
    {
        public int Value;

        static Lazy()
        {
            Transcript.WriteLine("Lazy..cctor");
        }

        public Lazy(int v)
        {
            Value = v;
        }
    }

    public static int Main()
    {
        Transcript.WriteLine("default");
        Unit d = default;
        Transcript.WriteLine(d.Amount);
        Transcript.WriteLine("array");
        var arr = new Unit[3];
        arr[1].Amount = 4;
        Transcript.WriteLine(arr[1].Amount);
        Transcript.WriteLine("static method");
        Unit p = Unit.Parse("abc");
        Transcript.WriteLine(p.Amount + Unit.Symbol);
        Transcript.WriteLine("constructor");
        var l = new Lazy(5);
        Transcript.WriteLine(l.Value);
        return 0;
    }
}
