using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static abstract interface members (methods, properties, operators) called through generic type parameters.</summary>
public static class InterfaceStaticAbstract
{
    private interface IMonoid<T>
        where T : IMonoid<T>
    {
        static abstract T Zero { get; }

        static abstract T operator +(T a, T b);

        static abstract string Name();
    }

    private interface IParse<T>
    {
        static abstract T FromInt(int value);

        static virtual string Describe() => "default describe";
    }

    private readonly struct Mod7 : IMonoid<Mod7>, IParse<Mod7>
    {
        public readonly int Value;

        public Mod7(int v)
        {
            Value = ((v % 7) + 7) % 7;
        }

        public static Mod7 Zero => new(0);

        public static Mod7 operator +(Mod7 a, Mod7 b) => new(a.Value + b.Value);

        public static string Name() => "Mod7";

        public static Mod7 FromInt(int value) => new(value);

        public override string ToString() => Value + " (mod 7)";
    }

    private sealed class Text : IMonoid<Text>, IParse<Text>
    {
        public Text(string s)
        {
            S = s;
        }

        public string S { get; }

        public static Text Zero => new("");

        public static Text operator +(Text a, Text b) => new(a.S + b.S);

        public static string Name() => "Text";

        public static Text FromInt(int value) => new(value.ToString());

        public static string Describe() => "Text describes itself";

        public override string ToString() => "\"" + S + "\"";
    }

    public static int Main()
    {
        Transcript.WriteLine(SumOf<Mod7>(new[] { 3, 4, 5, 6, 100 }));
        Transcript.WriteLine(SumOf<Text>(new[] { 3, 4, 5, 6, 100 }));
        Transcript.WriteLine(Describe<Mod7>());
        Transcript.WriteLine(Describe<Text>());
        return 0;
    }

    private static string SumOf<T>(int[] values)
        where T : IMonoid<T>, IParse<T>
    {
        T acc = T.Zero;
        foreach (int v in values)
        {
            acc += T.FromInt(v);
        }

        return T.Name() + ": " + acc!.ToString();
    }

    private static string Describe<T>()
        where T : IParse<T> => T.Describe();
}
