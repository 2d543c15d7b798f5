using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress with large arrays: 2,000 arrays of 64 KiB (128 MiB in total) allocated, filled and dropped in turn,
/// with two of them alive at any time; their contents are checked before they are dropped.
/// </summary>
public static class GcStressLargeArrays
{
    public static int Main()
    {
        byte[] previous = Make(0);
        long checksum = 0;
        int bad = 0;
        for (int round = 1; round <= 2000; round++)
        {
            byte[] current = round % 2 == 0 ? Make(round) : MakeFromInts(round);
            if (!Verify(previous, round - 1))
            {
                bad++;
            }

            checksum += previous[round % previous.Length] + previous[^1];
            previous = current;
            if (round % 500 == 0)
            {
                Transcript.WriteLine("round " + round + " checksum " + checksum);
            }
        }

        Transcript.WriteLine("bad arrays: " + bad + ", last ok: " + Verify(previous, 2000));
        return 0;
    }

    private static byte[] Make(int seed)
    {
        var a = new byte[65536];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (byte)(i + seed);
        }

        return a;
    }

    private static byte[] MakeFromInts(int seed)
    {
        var ints = new int[16384];
        for (int i = 0; i < ints.Length; i++)
        {
            int b = i * 4;
            ints[i] = (byte)(b + seed) | ((byte)(b + 1 + seed) << 8) | ((byte)(b + 2 + seed) << 16) | ((byte)(b + 3 + seed) << 24);
        }

        var bytes = new byte[65536];
        for (int i = 0; i < ints.Length; i++)
        {
            bytes[i * 4] = (byte)ints[i];
            bytes[(i * 4) + 1] = (byte)(ints[i] >> 8);
            bytes[(i * 4) + 2] = (byte)(ints[i] >> 16);
            bytes[(i * 4) + 3] = (byte)(ints[i] >> 24);
        }

        return bytes;
    }

    private static bool Verify(byte[] a, int seed)
    {
        if (a.Length != 65536)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i += 97)
        {
            if (a[i] != (byte)(i + seed))
            {
                return false;
            }
        }

        return a[^1] == (byte)(65535 + seed);
    }
}
