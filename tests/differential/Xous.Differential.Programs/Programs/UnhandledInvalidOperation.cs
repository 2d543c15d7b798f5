using System;
using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Ends with an unhandled InvalidOperationException thrown by a method of the program after some output: the transcript
/// ends with .NET's "Unhandled exception." line and the throwing method.
/// </summary>
public static class UnhandledInvalidOperation
{
    private static int s_state;

    public static int Main()
    {
        for (int i = 0; i < 5; i++)
        {
            Advance();
            Transcript.WriteLine("state " + s_state);
        }

        Transcript.WriteLine("not reached");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Advance()
    {
        s_state = s_state * 3 + 1;
        if (s_state > 20)
        {
            throw new InvalidOperationException("state " + s_state + " is out of range");
        }
    }
}
