using System;
using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Ends with an unhandled ArgumentOutOfRangeException with a parameter name, thrown by a method of the program; its
/// message includes "(Parameter 'count')".
/// </summary>
public static class UnhandledArgumentException
{
    public static int Main()
    {
        int[] counts = { 3, 1, 0, -2, 5 };
        foreach (int c in counts)
        {
            Transcript.WriteLine("[" + Repeat('#', c) + "]");
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Repeat(char c, int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Count must not be negative.");
        }

        return new string(c, count);
    }
}
