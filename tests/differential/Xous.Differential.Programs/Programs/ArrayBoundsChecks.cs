using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Out-of-range element loads and stores throw IndexOutOfRangeException (negative, Length, huge indexes); null arrays throw NullReferenceException.</summary>
public static class ArrayBoundsChecks
{
    public static int Main()
    {
        int[] a = { 10, 20, 30 };
        int[] probes = { 0, 2, 3, -1, int.MaxValue, int.MinValue };
        foreach (int i in probes)
        {
            try
            {
                Transcript.WriteLine("load " + i + " = " + a[i]);
            }
            catch (IndexOutOfRangeException e)
            {
                Transcript.WriteLine("load " + i + ": " + e.Message);
            }
        }

        foreach (int i in probes)
        {
            try
            {
                a[i] = 99;
                Transcript.WriteLine("store " + i + " ok");
            }
            catch (IndexOutOfRangeException)
            {
                Transcript.WriteLine("store " + i + " out of range");
            }
        }

        var longs = new long[2];
        var strings = new string[1];
        var bytes = new byte[0];
        Transcript.WriteLine(Try(() => longs[2] = 1));
        Transcript.WriteLine(Try(() => (strings[1] = "x").Length));
        Transcript.WriteLine(Try(() => bytes[0]++));
        uint big = 0x8000_0000;
        Transcript.WriteLine(Try(() => a[big] = 1));
        long index = 3;
        Transcript.WriteLine(Try(() => a[index] = 1));
        int[]? none = null;
        Transcript.WriteLine(Try(() => none![0] = 1));
        Transcript.WriteLine(Try(() => none!.Length));
        Transcript.WriteLine(a[0] + a[1] + a[2]);
        return 0;
    }

    private static string Try(Func<long> f)
    {
        try
        {
            return "value " + f();
        }
        catch (IndexOutOfRangeException)
        {
            return "IndexOutOfRangeException";
        }
        catch (NullReferenceException)
        {
            return "NullReferenceException";
        }
        catch (OverflowException)
        {
            return "OverflowException";
        }
    }
}
