using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Wrapping int addition, subtraction, multiplication and negation at the edges.</summary>
public static class Int32Arithmetic
{
    private static readonly int s_max = int.MaxValue;
    private static readonly int s_min = int.MinValue;

    public static int Main()
    {
        int max = s_max;
        int min = s_min;
        Transcript.WriteLine(max + 1);
        Transcript.WriteLine(min - 1);
        Transcript.WriteLine(max * 2);
        Transcript.WriteLine(min * -1);
        Transcript.WriteLine(-min);
        Transcript.WriteLine(max * max);
        Transcript.WriteLine(123456789 * Seven());
        Transcript.WriteLine(-(max) - 2);
        int sum = 0;
        for (int i = 0; i < 100000; i++)
        {
            sum += i * i;
        }

        Transcript.WriteLine(sum);
        return 0;
    }

    private static int Seven() => 7;
}
