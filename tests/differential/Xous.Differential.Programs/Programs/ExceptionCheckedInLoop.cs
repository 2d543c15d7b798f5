using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Overflow detection in a loop: checked factorials and powers stop at the first overflow for each integer width; state before the throw is kept.</summary>
public static class ExceptionCheckedInLoop
{
    public static int Main()
    {
        Transcript.WriteLine("int factorial limit: " + FactorialLimitInt());
        Transcript.WriteLine("long factorial limit: " + FactorialLimitLong());
        Transcript.WriteLine("uint power of 3 limit: " + PowerLimitUInt(3));
        Transcript.WriteLine("ulong power of 7 limit: " + PowerLimitULong(7));
        Transcript.WriteLine("short sum limit: " + ShortSumLimit());
        return 0;
    }

    private static string FactorialLimitInt()
    {
        int f = 1;
        int n = 1;
        try
        {
            while (true)
            {
                f = checked(f * (n + 1));
                n++;
            }
        }
        catch (OverflowException)
        {
            return n + "! = " + f;
        }
    }

    private static string FactorialLimitLong()
    {
        long f = 1;
        int n = 1;
        try
        {
            while (true)
            {
                f = checked(f * (n + 1));
                n++;
            }
        }
        catch (OverflowException)
        {
            return n + "! = " + f;
        }
    }

    private static string PowerLimitUInt(uint b)
    {
        uint p = 1;
        int e = 0;
        try
        {
            while (true)
            {
                p = checked(p * b);
                e++;
            }
        }
        catch (OverflowException)
        {
            return b + "^" + e + " = " + p;
        }
    }

    private static string PowerLimitULong(ulong b)
    {
        ulong p = 1;
        int e = 0;
        try
        {
            while (true)
            {
                p = checked(p * b);
                e++;
            }
        }
        catch (OverflowException)
        {
            return b + "^" + e + " = " + p;
        }
    }

    private static string ShortSumLimit()
    {
        short s = 0;
        int i = 0;
        try
        {
            while (true)
            {
                i++;
                s = checked((short)(s + i));
            }
        }
        catch (OverflowException)
        {
            return "stopped adding " + i + " at " + s;
        }
    }
}
