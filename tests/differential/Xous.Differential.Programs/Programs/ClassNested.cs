using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Nested classes reading their outer class's private static and instance state; nested generic types.</summary>
public static class ClassNested
{
    private sealed class Outer
    {
        private static int s_created;
        private readonly int _id;

        public Outer()
        {
            _id = ++s_created;
        }

        public Inner MakeInner(int extra) => new Inner(this, extra);

        public sealed class Inner
        {
            private readonly Outer _owner;
            private readonly int _extra;

            public Inner(Outer owner, int extra)
            {
                _owner = owner;
                _extra = extra;
            }

            public int Value => (_owner._id * 100) + _extra + s_created;

            public Deeper MakeDeeper() => new Deeper(this);

            public sealed class Deeper
            {
                private readonly Inner _parent;

                public Deeper(Inner parent)
                {
                    _parent = parent;
                }

                public int Value => _parent.Value * 2;
            }
        }

        public sealed class Box<T>
        {
            public T? Item;

            public int OuterCount => s_created;
        }
    }

    public static int Main()
    {
        var a = new Outer();
        var b = new Outer();
        Outer.Inner ai = a.MakeInner(5);
        Outer.Inner bi = b.MakeInner(7);
        Transcript.WriteLine(ai.Value);
        Transcript.WriteLine(bi.Value);
        _ = new Outer();
        Transcript.WriteLine(ai.Value);
        Transcript.WriteLine(bi.MakeDeeper().Value);
        var box = new Outer.Box<string> { Item = "boxed" };
        Transcript.WriteLine(box.Item);
        Transcript.WriteLine(box.OuterCount);
        Transcript.WriteLine(new Outer.Box<int>().Item);
        return 0;
    }
}
