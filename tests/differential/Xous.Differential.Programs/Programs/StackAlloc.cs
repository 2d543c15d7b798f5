using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>stackalloc (localloc): zero-initialized, indexable through pointers, fresh per call.</summary>
public static unsafe class StackAlloc
{
    public static int Main()
    {
        Transcript.WriteLine(SumOfSquares(10));
        Transcript.WriteLine(SumOfSquares(100));
        Transcript.WriteLine(ZeroCount(64));
        Transcript.WriteLine(Reverse(123456789));
        long* wide = stackalloc long[4];
        wide[0] = long.MaxValue;
        wide[3] = -1;
        Transcript.WriteLine(wide[0] + wide[1] + wide[2] + wide[3]);
        return 0;
    }

    private static int SumOfSquares(int n)
    {
        int* squares = stackalloc int[n];
        for (int i = 0; i < n; i++)
        {
            squares[i] = i * i;
        }

        int total = 0;
        for (int i = 0; i < n; i++)
        {
            total += squares[i];
        }

        return total;
    }

    private static int ZeroCount(int n)
    {
        byte* buffer = stackalloc byte[n];
        int zeros = 0;
        for (int i = 0; i < n; i++)
        {
            if (buffer[i] == 0)
            {
                zeros++;
            }
        }

        return zeros;
    }

    private static long Reverse(int value)
    {
        char* digits = stackalloc char[16];
        int count = 0;
        while (value > 0)
        {
            digits[count++] = (char)('0' + value % 10);
            value /= 10;
        }

        long result = 0;
        for (int i = 0; i < count; i++)
        {
            result = result * 10 + (digits[i] - '0');
        }

        return result;
    }
}
