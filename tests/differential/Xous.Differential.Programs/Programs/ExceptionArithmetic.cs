using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>DivideByZeroException and OverflowException caught from int/long division, remainder, checked arithmetic and checked conversions.</summary>
public static class ExceptionArithmetic
{
    public static int Main()
    {
        int zero = 0;
        long lzero = 0;
        int min = int.MinValue;
        int minusOne = -1;
        long lmin = long.MinValue;
        Try("int / 0", () => 10 / zero);
        Try("int % 0", () => 10 % zero);
        Try("long / 0", () => 10L / lzero);
        Try("uint / 0", () => 10u / (uint)zero);
        Try("ulong % 0", () => (long)(10UL % (ulong)lzero));
        Try("MinValue / -1", () => min / minusOne);
        Try("MinValue % -1", () => min % minusOne);
        Try("long MinValue / -1", () => lmin / minusOne);
        Try("checked add", () => checked(int.MaxValue + (zero + 1)));
        Try("checked sub", () => checked(min - (zero + 1)));
        Try("checked mul", () => checked(65536 * (65536 + zero)));
        Try("checked long mul", () => checked(lmin * minusOne));
        Try("checked neg", () => checked(-min));
        Try("checked uint sub", () => checked(0u - (uint)(zero + 1)));
        Try("checked (byte)300", () => checked((byte)(300 + zero)));
        Try("checked (int)long", () => checked((int)(lmin + zero)));
        Try("checked (uint)-1", () => checked((uint)minusOne));
        Try("checked (ulong)-1L", () => (long)checked((ulong)(long)minusOne));
        Try("unchecked add", () => unchecked(int.MaxValue + (zero + 1)));
        Try("Math.Abs(MinValue)", () => Math.Abs(min));
        Try("Math.Abs(long.MinValue)", () => Math.Abs(lmin));
        Try("fine", () => 7 / (zero + 2));
        return 0;
    }

    private static void Try(string what, Func<long> f)
    {
        try
        {
            Transcript.WriteLine(what + " = " + f());
        }
        catch (DivideByZeroException e)
        {
            Transcript.WriteLine(what + ": DivideByZeroException: " + e.Message);
        }
        catch (OverflowException e)
        {
            Transcript.WriteLine(what + ": OverflowException: " + e.Message);
        }
        catch (ArithmeticException e)
        {
            Transcript.WriteLine(what + ": ArithmeticException: " + e.Message);
        }
    }
}
