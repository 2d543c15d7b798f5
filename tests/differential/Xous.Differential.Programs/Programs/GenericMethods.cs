using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic methods: type inference, explicit type arguments, generic swap by ref, and generic methods inside generic classes.</summary>
public static class GenericMethods
{
    private sealed class Wrapper<T>
    {
        public Wrapper(T value)
        {
            Value = value;
        }

        public T Value { get; }

        public Wrapper<TOut> Map<TOut>(System.Func<T, TOut> f) => new(f(Value));

        public (T, TOther) Zip<TOther>(Wrapper<TOther> other) => (Value, other.Value);
    }

    public static int Main()
    {
        int a = 1;
        int b = 2;
        Swap(ref a, ref b);
        Transcript.WriteLine(a + " " + b);
        string s = "left";
        string t = "right";
        Swap(ref s, ref t);
        Transcript.WriteLine(s + " " + t);
        Transcript.WriteLine(Repeat("ab", 3));
        Transcript.WriteLine(Repeat<long>(5, 4));
        Transcript.WriteLine(First(new[] { 'q', 'r' }).ToString());
        Transcript.WriteLine(Count(new[] { 1, 2, 3, 2, 2 }, 2));
        Transcript.WriteLine(Count(new[] { "a", "b", "a" }, "a"));
        var w = new Wrapper<int>(21);
        Wrapper<string> mapped = w.Map(x => "v" + (x * 2));
        Transcript.WriteLine(mapped.Value);
        Transcript.WriteLine(w.Map(x => (long)x << 35).Value);
        Transcript.WriteLine(w.Zip(mapped).ToString());
        return 0;
    }

    private static void Swap<T>(ref T x, ref T y)
    {
        T tmp = x;
        x = y;
        y = tmp;
    }

    private static string Repeat<T>(T item, int times)
    {
        string r = "";
        for (int i = 0; i < times; i++)
        {
            r += item + (i + 1 < times ? "," : "");
        }

        return r;
    }

    private static T First<T>(T[] items) => items[0];

    private static int Count<T>(T[] items, T probe)
        where T : System.IEquatable<T>
    {
        int n = 0;
        foreach (T item in items)
        {
            if (item.Equals(probe))
            {
                n++;
            }
        }

        return n;
    }
}
