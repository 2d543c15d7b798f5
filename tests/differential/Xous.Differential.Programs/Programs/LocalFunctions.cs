using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static local functions and ones capturing locals by ref (a struct closure passed by reference).</summary>
public static class LocalFunctions
{
    public static int Main()
    {
        int counter = 0;
        long total = 0;
        for (int i = 0; i < 10; i++)
        {
            Accumulate(i);
        }

        Transcript.WriteLine(counter);
        Transcript.WriteLine(total);
        Transcript.WriteLine(Square(12));
        return 0;

        void Accumulate(int value)
        {
            counter++;
            total += value * (long)value;
        }

        static int Square(int x) => x * x;
    }
}
