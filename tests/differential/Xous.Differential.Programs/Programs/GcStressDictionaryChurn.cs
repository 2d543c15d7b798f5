using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// GC stress through collections: a Dictionary of 2,000 live payload objects with constant removal and insertion
/// (1,500,000 payloads of 64+ bytes allocated), plus a List that grows and is cleared; the final contents are checked.
/// </summary>
public static class GcStressDictionaryChurn
{
    private sealed class Payload
    {
        public readonly int Key;
        public readonly long Stamp;
        public readonly long[] Data;

        public Payload(int key, long stamp)
        {
            Key = key;
            Stamp = stamp;
            Data = new long[6];
            for (int i = 0; i < Data.Length; i++)
            {
                Data[i] = stamp + (i * key);
            }
        }

        public bool Check() => Data[5] == Stamp + (5 * Key) && Data[0] == Stamp;
    }

    public static int Main()
    {
        var map = new Dictionary<int, Payload>();
        var scratch = new List<Payload>();
        uint rng = 424242;
        int removals = 0;
        for (long stamp = 0; stamp < 1_500_000; stamp++)
        {
            rng = (rng * 1664525) + 1013904223;
            int key = (int)(rng >> 8) % 4000;
            if (map.Count >= 2000 && map.Remove(key))
            {
                removals++;
            }

            if (map.Count < 2000)
            {
                map[key] = new Payload(key, stamp);
            }

            scratch.Add(new Payload(-key, stamp));
            if (scratch.Count == 1000)
            {
                scratch.Clear();
            }
        }

        int ok = 0;
        long checksum = 0;
        foreach (KeyValuePair<int, Payload> kv in map)
        {
            if (kv.Value.Check() && kv.Value.Key == kv.Key)
            {
                ok++;
            }

            checksum = (checksum * 31) + kv.Key + kv.Value.Stamp;
        }

        Transcript.WriteLine("entries " + map.Count + ", intact " + ok + ", removals " + removals + ", checksum " + checksum);
        Transcript.WriteLine("scratch " + scratch.Count);
        return 0;
    }
}
