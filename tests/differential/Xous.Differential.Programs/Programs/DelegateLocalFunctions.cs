using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Local functions: capturing locals, static local functions, recursion, local generic functions and converting them to delegates.</summary>
public static class DelegateLocalFunctions
{
    public static int Main()
    {
        int calls = 0;
        int scale = 3;

        int Scaled(int x)
        {
            calls++;
            return x * scale;
        }

        static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

        T Pick<T>(bool first, T a, T b)
        {
            calls++;
            return first ? a : b;
        }

        Transcript.WriteLine(Scaled(5));
        scale = 10;
        Transcript.WriteLine(Scaled(5));
        Transcript.WriteLine(Factorial(20));
        Transcript.WriteLine(Pick(true, "left", "right") + Pick(false, 1, 2));
        Func<int, int> asDelegate = Scaled;
        Transcript.WriteLine(asDelegate(7));
        Transcript.WriteLine(calls);

        int depth = 0;
        int Ackermann(int m, int n)
        {
            depth++;
            if (m == 0)
            {
                return n + 1;
            }

            return n == 0 ? Ackermann(m - 1, 1) : Ackermann(m - 1, Ackermann(m, n - 1));
        }

        Transcript.WriteLine(Ackermann(2, 3) + " after " + depth + " calls");
        bool IsEven(int n) => n == 0 || IsOdd(n - 1);
        bool IsOdd(int n) => n != 0 && IsEven(n - 1);
        Transcript.WriteLine(IsEven(10) + " " + IsOdd(7) + " " + IsEven(7));
        return 0;
    }
}
