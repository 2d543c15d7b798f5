using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>An exception thrown in finally replaces the one in flight; one thrown in catch replaces the caught one; outer finally blocks still run.</summary>
public static class ExceptionThrowInFinally
{
    public static int Main()
    {
        try
        {
            ReplaceInFinally();
        }
        catch (Exception e)
        {
            Transcript.WriteLine("caught: " + e.Message);
        }

        try
        {
            ReplaceInCatch();
        }
        catch (Exception e)
        {
            Transcript.WriteLine("caught: " + e.Message);
        }

        try
        {
            FinallyThrowsOnNormalPath();
        }
        catch (Exception e)
        {
            Transcript.WriteLine("caught: " + e.Message);
        }

        Transcript.WriteLine(Swallow());
        return 0;
    }

    private static void ReplaceInFinally()
    {
        try
        {
            try
            {
                throw new InvalidOperationException("original");
            }
            finally
            {
                Transcript.WriteLine("inner finally throws");
                throw new ArgumentException("replacement from finally");
            }
        }
        finally
        {
            Transcript.WriteLine("outer finally runs");
        }
    }

    private static void ReplaceInCatch()
    {
        try
        {
            throw new InvalidOperationException("first");
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("catch of " + e.Message + " throws");
            throw new NotSupportedException("second");
        }
        finally
        {
            Transcript.WriteLine("finally after catch threw");
        }
    }

    private static void FinallyThrowsOnNormalPath()
    {
        try
        {
            Transcript.WriteLine("try completes normally");
        }
        finally
        {
            throw new FormatException("thrown by finally");
        }
    }

    private static string Swallow()
    {
        string log = "";
        for (int i = 0; i < 3; i++)
        {
            try
            {
                try
                {
                    throw new Exception("e" + i);
                }
                finally
                {
                    log += "f" + i;
                }
            }
            catch (Exception e)
            {
                log += "(" + e.Message + ")";
            }
        }

        return log;
    }
}
