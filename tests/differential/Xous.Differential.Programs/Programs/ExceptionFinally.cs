using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>finally runs on normal exit, on exceptions, on return, break and continue; the return value is fixed before finally runs.</summary>
public static class ExceptionFinally
{
    private static int s_field;

    public static int Main()
    {
        Transcript.WriteLine(Normal());
        Transcript.WriteLine(ReturnFromTry());
        Transcript.WriteLine(s_field);
        try
        {
            Throwing();
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("caught " + e.Message);
        }

        for (int i = 0; i < 4; i++)
        {
            try
            {
                if (i == 1)
                {
                    continue;
                }

                if (i == 3)
                {
                    break;
                }

                Transcript.WriteLine("body " + i);
            }
            finally
            {
                Transcript.WriteLine("finally " + i);
            }
        }

        Transcript.WriteLine(Nested());
        return 0;
    }

    private static string Normal()
    {
        string log = "try";
        try
        {
            log += ",body";
        }
        finally
        {
            log += ",finally";
        }

        return log;
    }

    private static int ReturnFromTry()
    {
        int x = 10;
        try
        {
            s_field = 1;
            return x;
        }
        finally
        {
            x = 20;
            s_field = x;
            Transcript.WriteLine("finally after return, x=" + x);
        }
    }

    private static void Throwing()
    {
        try
        {
            Transcript.WriteLine("about to throw");
            throw new InvalidOperationException("from try");
        }
        finally
        {
            Transcript.WriteLine("finally while unwinding");
        }
    }

    private static string Nested()
    {
        string log = "";
        try
        {
            try
            {
                try
                {
                    log += "a";
                    throw new Exception("x");
                }
                finally
                {
                    log += "b";
                }
            }
            finally
            {
                log += "c";
            }
        }
        catch (Exception)
        {
            log += "d";
        }
        finally
        {
            log += "e";
        }

        return log;
    }
}
