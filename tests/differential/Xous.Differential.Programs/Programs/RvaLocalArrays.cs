using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Local arrays with constant initializers are fresh copies each time: mutating one call's array does not affect the next call.</summary>
public static class RvaLocalArrays
{
    public static int Main()
    {
        for (int round = 0; round < 3; round++)
        {
            int[] table = MakeTable();
            Transcript.WriteLine(table[0] + " " + table[31] + " " + table.Length);
            table[0] = 1000 + round;
            table[31] = -round;
        }

        short[] shorts = { -1, -2, -3, short.MinValue, short.MaxValue, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        int s = 0;
        foreach (short v in shorts)
        {
            s += v;
        }

        Transcript.WriteLine(s);
        ulong[] wide = { ulong.MaxValue, 0x8000000000000000, 1, 2, 3, 0xFEDCBA9876543210 };
        ulong x = 0;
        foreach (ulong w in wide)
        {
            x ^= w;
        }

        Transcript.WriteLine(x.ToString("X16"));
        bool[] bools = { true, true, false, true, false, false, false, true, true, true, false, true };
        int count = 0;
        foreach (bool b in bools)
        {
            count += b ? 1 : 0;
        }

        Transcript.WriteLine(count);
        byte[] first = Bytes();
        byte[] second = Bytes();
        first[5] = 0;
        Transcript.WriteLine(second[5] + " " + ReferenceEquals(first, second));
        return 0;
    }

    private static int[] MakeTable()
    {
        return new int[]
        {
            7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112,
            119, 126, 133, 140, 147, 154, 161, 168, 175, 182, 189, 196, 203, 210, 217, 224,
        };
    }

    private static byte[] Bytes() => new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 255, 254, 253, 252, 251, 250 };
}
