using System;
using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Ends with an unhandled custom exception (a nested class with an overridden Message) thrown from a recursive method
/// of the program at depth 6; the handler for another type on the way does not catch it.
/// </summary>
public static class UnhandledCustomException
{
    public static int Main()
    {
        try
        {
            Allocate(1);
        }
        catch (FormatException)
        {
            Transcript.WriteLine("wrong handler");
        }

        Transcript.WriteLine("not reached");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Allocate(int depth)
    {
        Transcript.WriteLine("allocating at depth " + depth);
        if (depth == 6)
        {
            throw new QuotaExceededException(depth * 1024);
        }

        Allocate(depth + 1);
    }

    private sealed class QuotaExceededException : Exception
    {
        private readonly int _bytes;

        public QuotaExceededException(int bytes)
        {
            _bytes = bytes;
        }

        public override string Message => "quota exceeded by " + _bytes + " bytes";
    }
}
