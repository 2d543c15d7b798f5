using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Catching a generic type parameter (catch (T)), generic exception classes per instantiation, and helpers that throw via generic factories.</summary>
public static class ExceptionGenericCatch
{
    private sealed class Failure<TPayload> : Exception
    {
        public Failure(TPayload payload)
            : base("failure carrying " + payload)
        {
            Payload = payload;
        }

        public TPayload Payload { get; }
    }

    public static int Main()
    {
        Transcript.WriteLine(CatchAs<ArgumentException>(() => throw new ArgumentException("arg")));
        Transcript.WriteLine(CatchAs<ArgumentException>(() => throw new ArgumentNullException("p")));
        Transcript.WriteLine(CatchAs<ArgumentException>(() => throw new FormatException("fmt")));
        Transcript.WriteLine(CatchAs<Failure<int>>(() => throw new Failure<int>(42)));
        Transcript.WriteLine(CatchAs<Failure<int>>(() => throw new Failure<long>(42)));
        Transcript.WriteLine(CatchAs<Failure<string>>(() => { }));
        try
        {
            throw new Failure<string>("text");
        }
        catch (Failure<int>)
        {
            Transcript.WriteLine("wrong instantiation");
        }
        catch (Failure<string> e)
        {
            Transcript.WriteLine("payload " + e.Payload);
        }

        return 0;
    }

    private static string CatchAs<T>(Action a)
        where T : Exception
    {
        try
        {
            try
            {
                a();
                return "no exception";
            }
            catch (T e)
            {
                return "caught as T: " + e.Message;
            }
        }
        catch (Exception e)
        {
            return "escaped T: " + e.Message;
        }
    }
}
