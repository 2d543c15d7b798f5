using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unsafe.SizeOf of primitives, CopyBlockUnaligned and InitBlockUnaligned over byte arrays, InitBlock on ints, SkipInit.</summary>
public static class UnsafeSizeOfAndBlocks
{
    public static int Main()
    {
        Transcript.WriteLine(Unsafe.SizeOf<byte>() + " " + Unsafe.SizeOf<sbyte>() + " " + Unsafe.SizeOf<bool>() + " " + Unsafe.SizeOf<short>() + " " + Unsafe.SizeOf<char>() + " " + Unsafe.SizeOf<int>() + " " + Unsafe.SizeOf<uint>() + " " + Unsafe.SizeOf<long>() + " " + Unsafe.SizeOf<ulong>());
        byte[] src = new byte[20];
        for (int i = 0; i < src.Length; i++)
        {
            src[i] = (byte)(i + 100);
        }

        byte[] dst = new byte[20];
        Unsafe.CopyBlockUnaligned(ref dst[3], ref src[5], 9);
        Print(dst);
        Unsafe.InitBlockUnaligned(ref dst[1], 0xAB, 4);
        Print(dst);
        int[] ints = new int[4];
        Unsafe.InitBlock(ref Unsafe.As<int, byte>(ref ints[0]), 0x01, 16);
        Transcript.WriteLine(ints[0].ToString("X8") + " " + ints[3].ToString("X8"));
        Unsafe.CopyBlock(ref Unsafe.As<int, byte>(ref ints[1]), ref src[0], 4);
        Transcript.WriteLine(ints[1].ToString("X8"));
        Unsafe.SkipInit(out int skipped);
        skipped = 12;
        Transcript.WriteLine(skipped);
        return 0;
    }

    private static void Print(byte[] b)
    {
        string s = "";
        foreach (byte x in b)
        {
            s += x + " ";
        }

        Transcript.WriteLine(s);
    }
}
