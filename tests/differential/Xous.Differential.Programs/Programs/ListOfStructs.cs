using System.Collections.Generic;
using System.Runtime.InteropServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>List of structs: the indexer returns copies (modify via reassignment), CollectionsMarshal.AsSpan gives in-place access.</summary>
public static class ListOfStructs
{
    private struct Sample
    {
        public int Id;
        public long Total;
        public byte Flags;

        public override readonly string ToString() => Id + ":" + Total + ":" + Flags;
    }

    public static int Main()
    {
        var samples = new List<Sample>();
        for (int i = 0; i < 6; i++)
        {
            samples.Add(new Sample { Id = i, Total = (long)i << 35, Flags = (byte)(1 << i) });
        }

        Sample s = samples[2];
        s.Total = -1;
        Transcript.WriteLine(samples[2].ToString());
        samples[2] = s;
        Transcript.WriteLine(samples[2].ToString());
        foreach (ref Sample r in CollectionsMarshal.AsSpan(samples))
        {
            r.Flags |= 0x80;
            r.Total += r.Id;
        }

        foreach (Sample x in samples)
        {
            Transcript.WriteLine(x.ToString());
        }

        samples.Sort((a, b) => b.Total.CompareTo(a.Total));
        Transcript.WriteLine(samples[0].ToString() + " | " + samples[5].ToString());
        Transcript.WriteLine(samples.Contains(new Sample { Id = 0, Total = 0, Flags = 0x81 }));
        Transcript.WriteLine(samples.IndexOf(new Sample { Id = 3, Total = (3L << 35) + 3, Flags = 0x88 }));
        CollectionsMarshal.SetCount(samples, 8);
        Transcript.WriteLine(samples.Count + " " + samples[7].ToString());
        return 0;
    }
}
