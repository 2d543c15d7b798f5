using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ref, out and in parameters, ref locals and ref returns (ldarga/ldloca, ldind/stind, ldobj/stobj).</summary>
public static class RefParameters
{
    private struct Pair
    {
        public long First;
        public short Second;
    }

    private static Pair s_pair;

    public static int Main()
    {
        int a = 1;
        int b = 2;
        Swap(ref a, ref b);
        Transcript.WriteLine(a * 10 + b);
        Split(0x12345678, out ushort high, out ushort low);
        Transcript.WriteLine(high);
        Transcript.WriteLine(low);
        var pair = new Pair { First = 40, Second = 2 };
        Transcript.WriteLine(Total(in pair));
        Bump(ref pair);
        Transcript.WriteLine(Total(in pair));
        ref long first = ref pair.First;
        first = -first;
        Transcript.WriteLine(pair.First);
        ref Pair shared = ref Shared();
        shared.Second = 7;
        Bump(ref Shared());
        Transcript.WriteLine(s_pair.First);
        Transcript.WriteLine(s_pair.Second);
        byte small = 250;
        for (int i = 0; i < 10; i++)
        {
            Increment(ref small);
        }

        Transcript.WriteLine(small);
        return 0;
    }

    private static void Swap(ref int x, ref int y) => (x, y) = (y, x);

    private static void Split(uint value, out ushort high, out ushort low)
    {
        high = (ushort)(value >> 16);
        low = (ushort)value;
    }

    private static long Total(in Pair p) => p.First + p.Second;

    private static void Bump(ref Pair p)
    {
        p.First++;
        p.Second += 100;
    }

    private static ref Pair Shared() => ref s_pair;

    private static void Increment(ref byte value) => value++;
}
