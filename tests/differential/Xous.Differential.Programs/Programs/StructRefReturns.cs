using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ref returns and ref locals: returning refs into arrays and fields, ref reassignment, ref readonly, ref conditional expressions.</summary>
public static class StructRefReturns
{
    private struct Vec
    {
        public int X;
        public int Y;
    }

    private sealed class Store
    {
        private readonly int[] _items = new int[5];
        private int _spare;

        public ref int At(int i) => ref i < _items.Length ? ref _items[i] : ref _spare;

        public ref readonly int ReadOnlyAt(int i) => ref _items[i];

        public int Spare => _spare;

        public int Sum()
        {
            int s = 0;
            foreach (int v in _items)
            {
                s += v;
            }

            return s;
        }
    }

    public static int Main()
    {
        var store = new Store();
        store.At(1) = 10;
        ref int slot = ref store.At(2);
        slot = 20;
        slot += 5;
        store.At(99) = -1;
        Transcript.WriteLine(store.Sum() + " " + store.Spare + " " + store.ReadOnlyAt(2));
        int[] numbers = { 5, 3, 9, 1 };
        ref int biggest = ref Largest(numbers);
        biggest = 0;
        Transcript.WriteLine(numbers[0] + " " + numbers[1] + " " + numbers[2] + " " + numbers[3]);
        Vec[] vecs = new Vec[3];
        ref Vec v = ref vecs[0];
        v.X = 1;
        v = ref vecs[2];
        v.Y = 7;
        Transcript.WriteLine(vecs[0].X + " " + vecs[2].Y + " " + vecs[1].X);
        int a = 1;
        int b = 2;
        ref int pick = ref (a > b ? ref a : ref b);
        pick = 100;
        Transcript.WriteLine(a + " " + b);
        ref readonly int ro = ref store.ReadOnlyAt(1);
        store.At(1) = 11;
        Transcript.WriteLine(ro);
        Increment(ref store.At(4), 3);
        Transcript.WriteLine(store.Sum());
        return 0;
    }

    private static ref int Largest(int[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return ref values[best];
    }

    private static void Increment(ref int target, int times)
    {
        for (int i = 0; i < times; i++)
        {
            target += 10;
        }
    }
}
