using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress: 200,000 arrays of pseudo-random lengths (0 to 1,023 ints, about 400 MiB in total) of several element
/// types, with a ring of 64 arrays kept alive and verified; exercises free-list fragmentation in a small heap.
/// </summary>
public static class GcStressVaryingArrays
{
    public static int Main()
    {
        var keep = new int[64][];
        var keepSeeds = new int[64];
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = Fill(i, i);
            keepSeeds[i] = i;
        }

        uint rng = 12345;
        long total = 0;
        for (int round = 0; round < 200_000; round++)
        {
            rng = (rng * 1664525) + 1013904223;
            int length = (int)(rng >> 22);
            switch (round % 4)
            {
                case 0:
                    total += Fill(length, round).Length;
                    break;
                case 1:
                    var bytes = new byte[length * 4];
                    if (bytes.Length > 0)
                    {
                        bytes[^1] = 1;
                    }

                    total += bytes.Length / 4;
                    break;
                case 2:
                    var longs = new long[length / 2];
                    total += longs.Length * 2;
                    break;
                default:
                    var refs = new object?[length];
                    if (length > 0)
                    {
                        refs[0] = refs;
                    }

                    total += refs.Length;
                    break;
            }

            if ((rng & 0xF) == 0)
            {
                int slot = (int)((rng >> 4) % 64);
                keep[slot] = Fill(length, round);
                keepSeeds[slot] = round;
            }
        }

        Transcript.WriteLine("elements allocated: " + total);
        bool ok = true;
        long checksum = 0;
        for (int i = 0; i < keep.Length; i++)
        {
            int[] a = keep[i];
            for (int j = 0; j < a.Length; j++)
            {
                ok &= a[j] == keepSeeds[i] + j;
                checksum += a[j];
            }
        }

        Transcript.WriteLine("kept arrays intact: " + ok + ", checksum " + checksum);
        return 0;
    }

    private static int[] Fill(int length, int seed)
    {
        var a = new int[length];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = seed + i;
        }

        return a;
    }
}
