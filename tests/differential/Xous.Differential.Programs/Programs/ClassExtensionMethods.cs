using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Extension methods on classes, structs (by value and by ref), interfaces, strings and arrays.</summary>
public static class ClassExtensionMethods
{
    public interface INamed
    {
        string Name { get; }
    }

    public static int Main()
    {
        var c = new Counter();
        c.Bump().Bump().Bump();
        Transcript.WriteLine(c.Value);
        var p = new Pair { A = 3, B = 4 };
        Transcript.WriteLine(p.Product());
        p.DoubleInPlace();
        Transcript.WriteLine(p.A + p.B);
        INamed n = c;
        Transcript.WriteLine(n.Shout());
        Transcript.WriteLine("abc".Repeat(3));
        Transcript.WriteLine(new[] { 1, 2, 3, 4 }.SumAll());
        Counter? none = null;
        Transcript.WriteLine(none.IsMissing());
        Transcript.WriteLine(c.IsMissing());
        return 0;
    }

    public sealed class Counter : INamed
    {
        public int Value { get; set; }

        public string Name => "counter" + Value;
    }

    public struct Pair
    {
        public int A;
        public int B;
    }
}

/// <summary>The extension methods <see cref="ClassExtensionMethods"/> calls (extensions must be top-level).</summary>
public static class ClassExtensionMethodsExtensions
{
    public static ClassExtensionMethods.Counter Bump(this ClassExtensionMethods.Counter c)
    {
        c.Value++;
        return c;
    }

    public static int Product(this ClassExtensionMethods.Pair p) => p.A * p.B;

    public static void DoubleInPlace(this ref ClassExtensionMethods.Pair p)
    {
        p.A *= 2;
        p.B *= 2;
    }

    public static string Shout(this ClassExtensionMethods.INamed n) => n.Name + "!";

    public static string Repeat(this string s, int times)
    {
        string r = "";
        for (int i = 0; i < times; i++)
        {
            r += s;
        }

        return r;
    }

    public static int SumAll(this int[] values)
    {
        int s = 0;
        foreach (int v in values)
        {
            s += v;
        }

        return s;
    }

    public static bool IsMissing(this ClassExtensionMethods.Counter? c) => c is null;
}
