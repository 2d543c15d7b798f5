using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Casts involving generics: is List&lt;T&gt;, as IEnumerable&lt;T&gt;, T to object and back, and type tests in generic methods.</summary>
public static class CastIsAsGeneric
{
    private sealed class Box<T>
    {
        public Box(T value)
        {
            Value = value;
        }

        public T Value { get; }
    }

    public static int Main()
    {
        object[] things = { new List<int> { 1, 2 }, new List<string> { "a" }, new int[] { 3, 4, 5 }, new Box<int>(7), new Box<string>("s"), new Dictionary<int, int>() };
        foreach (object o in things)
        {
            string line = "";
            line += o is List<int> ? "List<int> " : "";
            line += o is IEnumerable<int> e ? "IEnumerable<int>(" + Count(e) + ") " : "";
            line += o is IEnumerable<string> ? "IEnumerable<string> " : "";
            line += o is IList<int> ? "IList<int> " : "";
            line += o is Box<int> bi ? "Box<int>=" + bi.Value + " " : "";
            line += o is Box<string> bs ? "Box<string>=" + bs.Value + " " : "";
            line += o is IReadOnlyCollection<KeyValuePair<int, int>> ? "dictionary " : "";
            Transcript.WriteLine(line);
        }

        Transcript.WriteLine(Is<string>("x") + " " + Is<string>(5) + " " + Is<int>(5) + " " + Is<long>(5) + " " + Is<object>(5));
        Transcript.WriteLine(As<string>("y") ?? "null");
        Transcript.WriteLine(As<string>(1) ?? "null");
        return 0;
    }

    private static int Count(IEnumerable<int> e)
    {
        int n = 0;
        foreach (int x in e)
        {
            n += x;
        }

        return n;
    }

    private static bool Is<T>(object o) => o is T;

    private static T? As<T>(object o)
        where T : class => o as T;
}
