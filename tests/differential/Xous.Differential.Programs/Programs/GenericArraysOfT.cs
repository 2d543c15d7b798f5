using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Arrays of a type parameter: new T[n] for value and reference T, generic swap/rotate/reverse, T[] to object and back.</summary>
public static class GenericArraysOfT
{
    private struct Triple
    {
        public long A;
        public long B;
        public int C;

        public override readonly string ToString() => A + "/" + B + "/" + C;
    }

    public static int Main()
    {
        int[] ints = Make(5, i => i * i);
        string[] strings = Make(4, i => "s" + i);
        Triple[] triples = Make(3, i => new Triple { A = i, B = (long)i << 40, C = -i });
        byte[] bytes = Make(6, i => (byte)(250 + i));
        Transcript.WriteLine(Join(ints) + " | " + Join(strings) + " | " + Join(triples) + " | " + Join(bytes));
        Rotate(ints, 2);
        Rotate(strings, 1);
        Rotate(triples, 2);
        Rotate(bytes, 5);
        Transcript.WriteLine(Join(ints) + " | " + Join(strings) + " | " + Join(triples) + " | " + Join(bytes));
        object boxedArray = triples;
        var back = (Triple[])boxedArray;
        back[0].C = 999;
        Transcript.WriteLine(triples[0].C + " " + Count<Triple>(boxedArray) + " " + Count<int>(boxedArray));
        Transcript.WriteLine(Join(Concat(ints, new[] { -1, -2 })) + " | " + Join(Concat(strings, Array.Empty<string>())));
        Transcript.WriteLine(Join(Repeat('x', 4)) + " " + Repeat<string?>(null, 2).Length + " " + Repeat(true, 3)[2]);
        return 0;
    }

    private static T[] Make<T>(int n, Func<int, T> f)
    {
        var a = new T[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = f(i);
        }

        return a;
    }

    private static void Rotate<T>(T[] a, int k)
    {
        for (int step = 0; step < k; step++)
        {
            T first = a[0];
            for (int i = 1; i < a.Length; i++)
            {
                a[i - 1] = a[i];
            }

            a[^1] = first;
        }
    }

    private static T[] Concat<T>(T[] x, T[] y)
    {
        var r = new T[x.Length + y.Length];
        Array.Copy(x, r, x.Length);
        Array.Copy(y, 0, r, x.Length, y.Length);
        return r;
    }

    private static T[] Repeat<T>(T value, int n)
    {
        var r = new T[n];
        Array.Fill(r, value);
        return r;
    }

    private static int Count<T>(object o) => o is T[] a ? a.Length : -1;

    private static string Join<T>(T[] a)
    {
        string s = "";
        foreach (T x in a)
        {
            s += (s.Length == 0 ? "" : ",") + x;
        }

        return s;
    }
}
