using System;
using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Ends with an unhandled NotSupportedException thrown in Main itself after earlier exceptions were handled; a filter
/// that returns false (without side effects) does not catch it.
/// </summary>
public static class UnhandledAfterFilter
{
    public static int Main()
    {
        for (int i = 0; i < 3; i++)
        {
            try
            {
                Check(i);
            }
            catch (NotSupportedException e) when (e.Message.StartsWith('h'))
            {
                Transcript.WriteLine("handled: " + e.Message);
            }
        }

        try
        {
            throw new NotSupportedException("final: operation " + Code() + " unsupported");
        }
        catch (NotSupportedException e) when (e.Message.Length < 5)
        {
            Transcript.WriteLine("not reached: " + e.Message);
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Check(int i)
    {
        if (i != 1)
        {
            throw new NotSupportedException("handled case " + i);
        }

        Transcript.WriteLine("case " + i + " fine");
    }

    private static int Code() => 0x2A;
}
