using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Filters are evaluated in clause order and only for matching types; a false filter lets the exception reach later clauses and outer frames.</summary>
public static class ExceptionFilterOrdering
{
    private sealed class CodedException : Exception
    {
        public CodedException(int code)
            : base("code " + code)
        {
            Code = code;
        }

        public int Code { get; }
    }

    public static int Main()
    {
        for (int code = 0; code < 6; code++)
        {
            Transcript.WriteLine(code + ": " + Outer(code));
        }

        return 0;
    }

    private static string Outer(int code)
    {
        try
        {
            return Middle(code);
        }
        catch (CodedException e) when (e.Code % 2 == 1)
        {
            return "outer odd " + e.Code;
        }
        catch (Exception e)
        {
            return "outer fallback " + e.Message;
        }
    }

    private static string Middle(int code)
    {
        try
        {
            return Inner(code);
        }
        catch (CodedException e) when (e.Code == 4)
        {
            return "middle four";
        }
    }

    private static string Inner(int code)
    {
        try
        {
            if (code == 5)
            {
                throw new InvalidOperationException("not coded");
            }

            throw new CodedException(code);
        }
        catch (CodedException e) when (e.Code == 0)
        {
            return "inner zero";
        }
        catch (CodedException e) when (e.Code < 3 && e.Code != 1)
        {
            return "inner small " + e.Code;
        }
        catch (InvalidOperationException e) when (e.Message.Length > 100)
        {
            return "never";
        }
    }
}
