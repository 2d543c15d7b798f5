using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress: 2,000,000 short-lived 64-byte objects (about 128 MiB in total, over 100 times the device heap) while a
/// live set of 3,000 objects in a linked ring is randomly replaced; checksums of the live set at checkpoints.
/// </summary>
public static class GcStressShortLivedObjects
{
    private sealed class Blob
    {
        public long A;
        public long B;
        public long C;
        public long D;
        public long E;
        public long F;
        public long G;
        public long H;
        public Blob? Next;

        public Blob(long seed)
        {
            A = seed;
            B = seed * 3;
            C = seed ^ 0x5555;
            D = seed + 7;
            E = -seed;
            F = seed << 3;
            G = seed >> 1;
            H = A + B + C + D + E + F + G;
        }

        public bool Check() => H == A + B + C + D + E + F + G && B == A * 3 && E == -A;
    }

    public static int Main()
    {
        const int Live = 3000;
        var live = new Blob[Live];
        for (int i = 0; i < Live; i++)
        {
            live[i] = new Blob(i);
        }

        for (int i = 0; i < Live; i++)
        {
            live[i].Next = live[(i + 1) % Live];
        }

        uint rng = 2463534242;
        long garbageChecksum = 0;
        for (int round = 0; round < 2_000_000; round++)
        {
            rng ^= rng << 13;
            rng ^= rng >> 17;
            rng ^= rng << 5;
            var temp = new Blob(rng & 0xFFFFF);
            garbageChecksum += temp.H & 0xFF;
            if ((rng & 63) == 0)
            {
                int slot = (int)(rng % Live);
                temp.Next = live[slot].Next;
                live[(slot + Live - 1) % Live].Next = temp;
                live[slot] = temp;
            }

            if (round % 500_000 == 499_999)
            {
                Transcript.WriteLine("round " + (round + 1) + ": ring " + RingChecksum(live[0], Live) + " garbage " + garbageChecksum);
            }
        }

        bool ok = true;
        foreach (Blob b in live)
        {
            ok &= b.Check();
        }

        Transcript.WriteLine("live set intact: " + ok);
        return 0;
    }

    private static long RingChecksum(Blob start, int length)
    {
        long sum = 0;
        Blob cursor = start;
        for (int i = 0; i < length; i++)
        {
            sum = (sum * 31) + cursor.A;
            cursor = cursor.Next!;
        }

        return sum;
    }
}
