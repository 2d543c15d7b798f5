using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Value tuples: named elements, returning several values, deconstruction (also of custom types), swap, tuple equality, nesting.</summary>
public static class StructTuples
{
    private sealed class Person
    {
        public Person(string name, int age)
        {
            Name = name;
            Age = age;
        }

        public string Name { get; }

        public int Age { get; }

        public void Deconstruct(out string name, out int age)
        {
            name = Name;
            age = Age;
        }
    }

    public static int Main()
    {
        (int min, int max, long sum) = Stats(new[] { 4, -2, 9, 7, 0 });
        Transcript.WriteLine(min + " " + max + " " + sum);
        var named = (Quotient: 17 / 5, Remainder: 17 % 5);
        Transcript.WriteLine(named.Quotient + " r " + named.Remainder + " " + named.Item1);
        int a = 1;
        int b = 2;
        (a, b) = (b, a);
        Transcript.WriteLine(a + " " + b);
        var (name, age) = new Person("Ada", 36);
        Transcript.WriteLine(name + " " + age);
        (string _, int onlyAge) = new Person("Bob", 7);
        Transcript.WriteLine(onlyAge);
        Transcript.WriteLine(((1, "x") == (1, "x")) + " " + ((1, 2) != (1, 3)) + " " + ((1, (2, 3)) == (1, (2, 3))));
        var nested = (1, (2L, ('c', "deep")));
        Transcript.WriteLine(nested.Item2.Item2.Item2 + " " + nested.Item2.Item1);
        (int x, int y)[] points = { (1, 2), (3, 4), (-5, 6) };
        int acc = 0;
        foreach ((int x, int y) in points)
        {
            acc += x * y;
        }

        Transcript.WriteLine(acc);
        (int q, int r) = Math.DivRem(-17, 5);
        Transcript.WriteLine(q + " " + r);
        var t = (1, 2, 3, 4);
        t.Item3 = 30;
        Transcript.WriteLine(t.Item1 + t.Item2 + t.Item3 + t.Item4);
        Transcript.WriteLine(t.Equals((1, 2, 30, 4)) + " " + t.Equals((1, 2, 3, 4)));
        object boxed = (7, "seven");
        Transcript.WriteLine(boxed is ValueTuple<int, string> vt && vt.Item2 == "seven");
        return 0;
    }

    private static (int Min, int Max, long Sum) Stats(int[] values)
    {
        int min = int.MaxValue;
        int max = int.MinValue;
        long sum = 0;
        foreach (int v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        return (min, max, sum);
    }
}
