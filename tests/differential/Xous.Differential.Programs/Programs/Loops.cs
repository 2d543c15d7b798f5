using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>for, while, do, nested loops with break/continue, goto, and a loop-carried conditional value.</summary>
public static class Loops
{
    public static int Main()
    {
        int primes = 0;
        for (int n = 2; n < 2000; n++)
        {
            bool prime = true;
            for (int d = 2; d * d <= n; d++)
            {
                if (n % d == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (!prime)
            {
                continue;
            }

            primes++;
        }

        Transcript.WriteLine(primes);
        long collatz = 27;
        int steps = 0;
        while (collatz != 1)
        {
            collatz = (collatz & 1) == 0 ? collatz / 2 : 3 * collatz + 1;
            steps++;
        }

        Transcript.WriteLine(steps);
        int i = 0;
        do
        {
            i += 3;
        }
        while (i < 100);
        Transcript.WriteLine(i);
        int j = 0;
    again:
        j++;
        if (j < 5)
        {
            goto again;
        }

        Transcript.WriteLine(j);
        return 0;
    }
}
