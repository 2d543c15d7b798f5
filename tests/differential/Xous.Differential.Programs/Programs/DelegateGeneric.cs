using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic delegates and higher-order generic functions: Map/Filter/Fold written by hand, composition, and custom generic delegate types.</summary>
public static class DelegateGeneric
{
    private delegate TOut Transformer<in TIn, out TOut>(TIn input);

    public static int Main()
    {
        int[] numbers = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        long[] squares = Map(numbers, x => (long)x * x * x * x * x * x * x * x * x * x);
        Transcript.WriteLine(squares[9]);
        int[] odd = Filter(numbers, x => (x & 1) == 1);
        Transcript.WriteLine(odd.Length + " " + odd[4]);
        Transcript.WriteLine(Fold(numbers, 0, (acc, x) => acc + x));
        Transcript.WriteLine(Fold(numbers, "", (acc, x) => acc + x));
        string[] words = Map(numbers, x => new string((char)('a' + x - 1), x));
        Transcript.WriteLine(words[3]);
        Func<int, int> inc = x => x + 1;
        Func<int, int> dbl = x => x * 2;
        Transcript.WriteLine(Compose(inc, dbl)(5) + " " + Compose(dbl, inc)(5));
        Transformer<object, string> describe = o => "<" + o + ">";
        Transformer<string, object> widened = describe;
        Transcript.WriteLine(widened("contravariant").ToString() ?? "");
        Func<string> lazy = Memo(() =>
        {
            Transcript.WriteLine("computing once");
            return "value";
        });
        Transcript.WriteLine(lazy() + lazy() + lazy());
        return 0;
    }

    private static TOut[] Map<TIn, TOut>(TIn[] items, Func<TIn, TOut> f)
    {
        var result = new TOut[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            result[i] = f(items[i]);
        }

        return result;
    }

    private static T[] Filter<T>(T[] items, Predicate<T> keep)
    {
        int n = 0;
        var tmp = new T[items.Length];
        foreach (T item in items)
        {
            if (keep(item))
            {
                tmp[n++] = item;
            }
        }

        Array.Resize(ref tmp, n);
        return tmp;
    }

    private static TAcc Fold<T, TAcc>(T[] items, TAcc seed, Func<TAcc, T, TAcc> f)
    {
        TAcc acc = seed;
        foreach (T item in items)
        {
            acc = f(acc, item);
        }

        return acc;
    }

    private static Func<TA, TC> Compose<TA, TB, TC>(Func<TA, TB> first, Func<TB, TC> second) => x => second(first(x));

    private static Func<T> Memo<T>(Func<T> f)
    {
        bool done = false;
        T value = default!;
        return () =>
        {
            if (!done)
            {
                value = f();
                done = true;
            }

            return value;
        };
    }
}
