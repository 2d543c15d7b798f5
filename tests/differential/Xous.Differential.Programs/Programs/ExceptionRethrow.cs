using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>throw; rethrows the same exception object (identity and message kept), throw e; also keeps the object, and wrapping sets InnerException.</summary>
public static class ExceptionRethrow
{
    private static Exception? s_first;

    public static int Main()
    {
        try
        {
            RethrowBare();
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("outer got " + e.Message + ", same object: " + ReferenceEquals(e, s_first));
        }

        try
        {
            RethrowVariable();
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("outer got " + e.Message + ", same object: " + ReferenceEquals(e, s_first));
        }

        try
        {
            Wrap();
        }
        catch (ApplicationError e)
        {
            Transcript.WriteLine(e.Message);
            Transcript.WriteLine(e.InnerException?.Message ?? "no inner");
            Transcript.WriteLine(e.GetBaseException().Message);
        }

        int attempts = 0;
        while (true)
        {
            try
            {
                attempts++;
                RethrowAfter(attempts);
                break;
            }
            catch (TimeoutLike e)
            {
                Transcript.WriteLine("attempt " + attempts + " failed: " + e.Message);
            }
        }

        Transcript.WriteLine("succeeded after " + attempts);
        return 0;
    }

    private static void RethrowBare()
    {
        try
        {
            s_first = new InvalidOperationException("bare");
            throw s_first;
        }
        catch (InvalidOperationException)
        {
            Transcript.WriteLine("logging, then throw;");
            throw;
        }
    }

    private static void RethrowVariable()
    {
        try
        {
            s_first = new InvalidOperationException("variable");
            throw s_first;
        }
        catch (InvalidOperationException e)
        {
#pragma warning disable CA2200 // the point: 'throw e;' throws the same object again
            throw e;
#pragma warning restore CA2200
        }
    }

    private static void Wrap()
    {
        try
        {
            try
            {
                throw new FormatException("root cause");
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException("middle", e);
            }
        }
        catch (InvalidOperationException e)
        {
            throw new ApplicationError("top", e);
        }
    }

    private static void RethrowAfter(int attempt)
    {
        try
        {
            if (attempt < 3)
            {
                throw new TimeoutLike("try " + attempt);
            }
        }
        catch (TimeoutLike)
        {
            throw;
        }
    }

    private sealed class ApplicationError : Exception
    {
        public ApplicationError(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    private sealed class TimeoutLike : Exception
    {
        public TimeoutLike(string message)
            : base(message)
        {
        }
    }
}
