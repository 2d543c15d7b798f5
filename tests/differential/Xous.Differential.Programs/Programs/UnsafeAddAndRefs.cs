using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unsafe.Add/Subtract over array elements, ByteOffset between elements, AreSame, address comparisons, NullRef/IsNullRef and AsRef.</summary>
public static class UnsafeAddAndRefs
{
    public static int Main()
    {
        int[] a = { 10, 20, 30, 40, 50 };
        ref int first = ref a[0];
        Transcript.WriteLine(Unsafe.Add(ref first, 3));
        Unsafe.Add(ref first, 4) = 500;
        Transcript.WriteLine(a[4]);
        ref int last = ref a[4];
        Transcript.WriteLine(Unsafe.Subtract(ref last, 2));
        Transcript.WriteLine(Unsafe.ByteOffset(ref first, ref last).ToString());
        Transcript.WriteLine(Unsafe.AreSame(ref Unsafe.Add(ref first, 4), ref last) + " " + Unsafe.AreSame(ref first, ref last));
        Transcript.WriteLine(Unsafe.IsAddressLessThan(ref first, ref last) + " " + Unsafe.IsAddressGreaterThan(ref first, ref last));
        long[] longs = { 1, 2, 3 };
        ref long l0 = ref longs[0];
        Transcript.WriteLine(Unsafe.ByteOffset(ref l0, ref longs[2]).ToString());
        ref long lx = ref Unsafe.AddByteOffset(ref l0, (nint)8);
        lx = -2;
        Transcript.WriteLine(longs[1]);
        ref int nothing = ref Unsafe.NullRef<int>();
        Transcript.WriteLine(Unsafe.IsNullRef(ref nothing) + " " + Unsafe.IsNullRef(ref first));
        int sum = 0;
        ref int cursor = ref first;
        for (int i = 0; i < a.Length; i++)
        {
            sum += cursor;
            cursor = ref Unsafe.Add(ref cursor, 1);
        }

        Transcript.WriteLine(sum);
        int local = 5;
        ref readonly int ro = ref local;
        Unsafe.AsRef(in ro) = 6;
        Transcript.WriteLine(local);
        char[] chars = { 'a', 'b', 'c' };
        ref char c2 = ref Unsafe.Add(ref chars[0], 2);
        c2 = 'Z';
        Transcript.WriteLine(new string(chars));
        return 0;
    }
}
