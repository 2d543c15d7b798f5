using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic code instantiated over structs of many sizes (1 to 40 bytes): passing, returning, storing in generic fields and arrays.</summary>
public static class GenericLargeStructArguments
{
    private struct S1
    {
        public byte A;

        public override readonly string ToString() => "S1(" + A + ")";
    }

    private struct S12
    {
        public int A;
        public short B;
        public int C;

        public override readonly string ToString() => "S12(" + A + "," + B + "," + C + ")";
    }

    private struct S40
    {
        public long A;
        public long B;
        public long C;
        public long D;
        public byte E;
        public string? F;

        public override readonly string ToString() => "S40(" + A + "," + B + "," + C + "," + D + "," + E + "," + F + ")";
    }

    private sealed class Slot<T>
    {
        private T _value;

        public Slot(T value)
        {
            _value = value;
        }

        public T Exchange(T value)
        {
            T old = _value;
            _value = value;
            return old;
        }

        public T Value => _value;
    }

    public static int Main()
    {
        Run(new S1 { A = 7 }, new S1 { A = 8 });
        Run(new S12 { A = -1, B = 2, C = int.MaxValue }, new S12 { A = 5 });
        Run(new S40 { A = 1, B = 1L << 50, C = -3, D = long.MinValue, E = 255, F = "forty" }, new S40 { F = "other" });
        Run(3L, -4L);
        Run((1, "tuple"), (2, "pair"));
        return 0;
    }

    private static void Run<T>(T a, T b)
    {
        var slot = new Slot<T>(a);
        T old = slot.Exchange(b);
        (T x, T y) = Swap(old, slot.Value);
        T[] pair = { x, y, Pick(true, x, y), Pick(false, x, y) };
        string s = "";
        foreach (T item in pair)
        {
            s += item + " ";
        }

        Transcript.WriteLine(s);
    }

    private static (T, T) Swap<T>(T a, T b) => (b, a);

    private static T Pick<T>(bool first, T a, T b) => first ? a : b;
}
