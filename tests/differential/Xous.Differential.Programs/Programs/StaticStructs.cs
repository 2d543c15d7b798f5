using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static fields of struct type: modified in place through ldsflda and copied out by value.</summary>
public static class StaticStructs
{
    private struct Counter
    {
        public int Hits;
        public long Total;

        public void Add(int value)
        {
            Hits++;
            Total += value;
        }
    }

    private static Counter s_counter;
    private static int s_calls;

    public static int Main()
    {
        for (int i = 1; i <= 100; i++)
        {
            s_counter.Add(i * 1000);
            s_calls++;
        }

        Counter snapshot = s_counter;
        s_counter.Add(1);
        Transcript.WriteLine(snapshot.Hits);
        Transcript.WriteLine(snapshot.Total);
        Transcript.WriteLine(s_counter.Hits);
        Transcript.WriteLine(s_counter.Total);
        Transcript.WriteLine(s_calls);
        return 0;
    }
}
