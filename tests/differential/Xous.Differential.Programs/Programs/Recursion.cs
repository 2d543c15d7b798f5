using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Direct and mutual recursion: factorial, Fibonacci, Ackermann, even/odd, gcd.</summary>
public static class Recursion
{
    public static int Main()
    {
        Transcript.WriteLine(Factorial(20));
        Transcript.WriteLine(Factorial(25));
        Transcript.WriteLine(Fibonacci(24));
        Transcript.WriteLine(Ackermann(2, 3));
        Transcript.WriteLine(Ackermann(3, 3));
        Transcript.WriteLine(IsEven(1001));
        Transcript.WriteLine(Gcd(1071, 462));
        Transcript.WriteLine(Gcd(2147483646, 1073741823));
        return Fibonacci(10);
    }

    private static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    private static int Fibonacci(int n) => n < 2 ? n : Fibonacci(n - 1) + Fibonacci(n - 2);

    private static int Ackermann(int m, int n) =>
        m == 0 ? n + 1 : n == 0 ? Ackermann(m - 1, 1) : Ackermann(m - 1, Ackermann(m, n - 1));

    private static bool IsEven(int n) => n == 0 || IsOdd(n - 1);

    private static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
