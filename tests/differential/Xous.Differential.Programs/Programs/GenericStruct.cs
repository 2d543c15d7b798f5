using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic structs: Pair&lt;A, B&gt; with mixed field sizes, a generic Optional&lt;T&gt;, nesting generic structs in each other.</summary>
public static class GenericStruct
{
    private struct Pair<TA, TB>
    {
        public TA First;
        public TB Second;

        public Pair(TA first, TB second)
        {
            First = first;
            Second = second;
        }

        public readonly Pair<TB, TA> Swap() => new(Second, First);

        public override readonly string ToString() => "<" + First + "|" + Second + ">";
    }

    private readonly struct Optional<T>
    {
        private readonly T _value;

        public Optional(T value)
        {
            _value = value;
            HasValue = true;
        }

        public bool HasValue { get; }

        public T Or(T fallback) => HasValue ? _value : fallback;
    }

    public static int Main()
    {
        var p = new Pair<byte, long>(200, -5_000_000_000);
        Transcript.WriteLine(p.ToString());
        Transcript.WriteLine(p.Swap().ToString());
        var q = new Pair<Pair<int, char>, string>(new Pair<int, char>(7, 'z'), "outer");
        Transcript.WriteLine(q.ToString());
        q.First.First += 5;
        Transcript.WriteLine(q.First.First);
        var copy = q;
        copy.First.Second = 'y';
        Transcript.WriteLine(q.ToString() + " " + copy.ToString());

        Optional<int> none = default;
        var some = new Optional<int>(12);
        Transcript.WriteLine(none.Or(-1) + " " + some.Or(-1));
        var noText = default(Optional<string>);
        Transcript.WriteLine(noText.Or("fallback"));
        Transcript.WriteLine(new Optional<string>("present").Or("fallback"));
        var nested = new Optional<Pair<short, ushort>>(new Pair<short, ushort>(-1, 65535));
        Transcript.WriteLine(nested.Or(default).ToString());
        Pair<ulong, bool>[] array = new Pair<ulong, bool>[3];
        array[1] = new Pair<ulong, bool>(ulong.MaxValue, true);
        foreach (Pair<ulong, bool> e in array)
        {
            Transcript.WriteLine(e.ToString());
        }

        return 0;
    }
}
