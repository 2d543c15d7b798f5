using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Exception filters (when): selecting a handler by a property of the exception, falling through to later clauses and outer handlers.</summary>
public static class ExceptionFilters
{
    private sealed class HttpError : Exception
    {
        public HttpError(int status)
            : base("HTTP " + status)
        {
            Status = status;
        }

        public int Status { get; }
    }

    public static int Main()
    {
        int[] statuses = { 404, 500, 503, 302, 200 };
        foreach (int s in statuses)
        {
            Transcript.WriteLine(s + " -> " + Handle(s));
        }

        Transcript.WriteLine(Outer(1));
        Transcript.WriteLine(Outer(2));
        Transcript.WriteLine(FilterOnMessage("retry later"));
        Transcript.WriteLine(FilterOnMessage("fatal"));
        return 0;
    }

    private static string Handle(int status)
    {
        try
        {
            if (status == 200)
            {
                return "ok";
            }

            throw new HttpError(status);
        }
        catch (HttpError e) when (e.Status == 404)
        {
            return "not found";
        }
        catch (HttpError e) when (e.Status >= 500 && IsRetryable(e.Status))
        {
            return "server error, retry";
        }
        catch (HttpError e) when (e.Status >= 500)
        {
            return "server error " + e.Status;
        }
        catch (Exception e)
        {
            return "other: " + e.Message;
        }
    }

    private static bool IsRetryable(int status) => status == 503;

    private static string Outer(int code)
    {
        try
        {
            return Inner(code);
        }
        catch (HttpError e) when (e.Status == 2)
        {
            return "outer handled " + e.Status;
        }
    }

    private static string Inner(int code)
    {
        try
        {
            throw new HttpError(code);
        }
        catch (HttpError e) when (e.Status == 1)
        {
            return "inner handled " + e.Status;
        }
    }

    private static string FilterOnMessage(string message)
    {
        try
        {
            try
            {
                throw new InvalidOperationException(message);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("retry"))
            {
                return "will retry";
            }
        }
        catch (InvalidOperationException e)
        {
            return "gave up: " + e.Message;
        }
    }
}
