using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Array.Copy (including overlapping ranges in one array), Array.Fill, Array.Clear and argument exceptions.</summary>
public static class ArrayCopyFillClear
{
    public static int Main()
    {
        int[] src = { 1, 2, 3, 4, 5, 6, 7, 8 };
        var dst = new int[10];
        Array.Copy(src, dst, 8);
        Print(dst);
        Array.Copy(src, 2, dst, 5, 4);
        Print(dst);
        Array.Copy(src, 0, src, 2, 6);
        Print(src);
        Array.Copy(src, 3, src, 1, 5);
        Print(src);
        Array.Fill(dst, -7);
        Print(dst);
        Array.Fill(dst, 42, 3, 4);
        Print(dst);
        Array.Clear(dst, 1, 3);
        Print(dst);
        Array.Clear(dst);
        Print(dst);
        string?[] names = { "a", "b", "c", "d" };
        var names2 = new string?[4];
        Array.Copy(names, 1, names2, 0, 3);
        Array.Clear(names, 0, 2);
        Transcript.WriteLine((names[0] ?? "null") + " " + names[2] + " " + names2[0] + names2[1] + names2[2] + (names2[3] ?? "null"));
        long[] longs = new long[3];
        Array.Fill(longs, long.MinValue);
        Transcript.WriteLine(longs[0] + longs[2]);
        try
        {
            Array.Copy(src, 5, dst, 0, 4);
        }
        catch (ArgumentException e)
        {
            Transcript.WriteLine("ArgumentException: " + e.Message);
        }

        try
        {
            Array.Copy(src, -1, dst, 0, 1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException: " + e.ParamName);
        }

        try
        {
            Array.Fill(dst, 1, 8, 5);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException: " + e.ParamName);
        }

        return 0;
    }

    private static void Print(int[] a)
    {
        string s = "";
        foreach (int v in a)
        {
            s += v + " ";
        }

        Transcript.WriteLine(s);
    }
}
