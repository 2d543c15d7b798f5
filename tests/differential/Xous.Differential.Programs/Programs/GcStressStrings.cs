using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress with many small strings: 1,500,000 rounds of int.ToString, concatenation, Substring and Replace (well over
/// 100 MiB of garbage), while a Dictionary of 1,000 string keys and values stays alive and is checked.
/// </summary>
public static class GcStressStrings
{
    public static int Main()
    {
        var table = new Dictionary<string, string>();
        for (int i = 0; i < 1000; i++)
        {
            table["key" + i] = "value-" + (i * 7);
        }

        uint rng = 777;
        long lengths = 0;
        for (int round = 0; round < 1_500_000; round++)
        {
            rng = (rng * 1103515245) + 12345;
            int n = (int)(rng >> 16);
            string s = "item:" + n.ToString() + ":" + (round & 1023).ToString("X3");
            string t = s.Substring(5).Replace(':', '-');
            lengths += t.Length;
            if ((rng & 0x3FF) == 0)
            {
                string key = "key" + (n % 1000);
                table[key] = "value-" + ((n % 1000) * 7) + "-" + t.Length;
            }
        }

        Transcript.WriteLine("characters produced: " + lengths);
        int intact = 0;
        long checksum = 0;
        for (int i = 0; i < 1000; i++)
        {
            string v = table["key" + i];
            string expected = "value-" + (i * 7);
            if (v == expected || (v.StartsWith('v') && v.Substring(0, expected.Length) == expected && v[expected.Length] == '-'))
            {
                intact++;
            }

            for (int k = 0; k < v.Length; k++)
            {
                checksum = (checksum * 31) + v[k];
            }
        }

        Transcript.WriteLine("entries intact: " + intact + " of " + table.Count + ", checksum " + checksum);
        return 0;
    }
}
