using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic recursion with bounded depth: a type-level counter Succ&lt;Succ&lt;Zero&gt;&gt; and a generic method recursing over wrapped types.</summary>
public static class GenericRecursion
{
    private interface INat
    {
        int Value { get; }
    }

    private struct Zero : INat
    {
        public readonly int Value => 0;
    }

    private struct Succ<TN> : INat
        where TN : struct, INat
    {
        public readonly int Value => default(TN).Value + 1;
    }

    private sealed class Box<T>
    {
        public Box(T inner)
        {
            Inner = inner;
        }

        public T Inner { get; }

        public override string ToString() => "[" + Inner + "]";
    }

    public static int Main()
    {
        Transcript.WriteLine(default(Zero).Value);
        Transcript.WriteLine(default(Succ<Zero>).Value);
        Transcript.WriteLine(default(Succ<Succ<Succ<Succ<Succ<Zero>>>>>).Value);
        Transcript.WriteLine(Count<Succ<Succ<Succ<Zero>>>>());
        Transcript.WriteLine(Wrap(7, 0).ToString());
        var b = new Box<Box<Box<int>>>(new Box<Box<int>>(new Box<int>(3)));
        Transcript.WriteLine(b.ToString());
        Transcript.WriteLine(b.Inner.Inner.Inner);
        Transcript.WriteLine(Depth(b.Inner.Inner, 1));
        return 0;
    }

    private static int Count<TN>()
        where TN : struct, INat => default(TN).Value * 100;

    private static object Wrap<T>(T value, int depth) =>
        depth >= 4 ? value! : Wrap(new Box<T>(value), depth + 1);

    private static int Depth<T>(Box<T> box, int d) => box.Inner is Box<int> ? d + 1 : d;
}
