using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>static readonly arrays with constant initializers (RuntimeHelpers.InitializeArray) of int, long, ushort, char and enum elements.</summary>
public static class RvaStaticArrays
{
    private static readonly int[] s_primes =
    {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107,
        109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229,
    };

    private static readonly long[] s_powers =
    {
        1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L, 10000000000L,
        100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L, -1L, long.MinValue,
    };

    private static readonly ushort[] s_crcPoly = { 0x1021, 0x8005, 0xA001, 0xFFFF, 0x0000, 0x8408, 0x3D65, 0xC867 };

    private static readonly char[] s_base64 =
    {
        'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V',
        'W', 'X', 'Y', 'Z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
        's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '/',
    };

    private static readonly Day[] s_weekend = { Day.Sat, Day.Sun, Day.Sat, Day.Fri, Day.Sun };

    private enum Day : short
    {
        Fri = 5,
        Sat = 6,
        Sun = 7,
    }

    public static int Main()
    {
        long sum = 0;
        foreach (int p in s_primes)
        {
            sum += p;
        }

        Transcript.WriteLine(s_primes.Length + " " + sum + " " + s_primes[49]);
        Transcript.WriteLine(s_powers[15] + s_powers[16] + " " + s_powers[17] + " " + s_powers.Length);
        uint acc = 0;
        foreach (ushort poly in s_crcPoly)
        {
            acc = (acc << 3) ^ poly;
        }

        Transcript.WriteLine(acc.ToString("X"));
        Transcript.WriteLine(Base64(new byte[] { 0x4D, 0x61, 0x6E, 0x78, 0x6F, 0x75, 0x73 }));
        Transcript.WriteLine(s_weekend[1] + " " + (int)s_weekend[3] + " " + s_weekend.Length);
        s_primes[0] = -2;
        Transcript.WriteLine(s_primes[0] + s_primes[1]);
        return 0;
    }

    private static string Base64(byte[] data)
    {
        string s = "";
        for (int i = 0; i < data.Length; i += 3)
        {
            int n = data[i] << 16;
            int have = 1;
            if (i + 1 < data.Length)
            {
                n |= data[i + 1] << 8;
                have++;
            }

            if (i + 2 < data.Length)
            {
                n |= data[i + 2];
                have++;
            }

            for (int k = 0; k < 4; k++)
            {
                s += k <= have ? s_base64[(n >> (18 - (6 * k))) & 63] : '=';
            }
        }

        return s;
    }
}
