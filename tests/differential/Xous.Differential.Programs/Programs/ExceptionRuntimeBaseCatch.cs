using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Runtime exceptions caught through base types: SystemException, ArithmeticException (for DivideByZero and Overflow) and Exception.</summary>
public static class ExceptionRuntimeBaseCatch
{
    public static int Main()
    {
        int zero = 0;
        object text = "text";
        int[] small = new int[1];
        Action[] actions =
        {
            () => Consume(1 / zero),
            () => Consume(checked(int.MaxValue + (zero + 1))),
            () => Consume(small[zero + 1]),
            () => Consume(((string?)null)!.Length),
            () => Consume((int)text),
            () => throw new ApplicationLike(),
        };
        for (int i = 0; i < actions.Length; i++)
        {
            Transcript.WriteLine(i + ": " + Classify(actions[i]));
        }

        return 0;
    }

    private static string Classify(Action a)
    {
        try
        {
            a();
            return "none";
        }
        catch (ArithmeticException e)
        {
            return "ArithmeticException clause (" + (e is DivideByZeroException ? "divide" : e is OverflowException ? "overflow" : "?") + ")";
        }
        catch (SystemException e)
        {
            string kind = e switch
            {
                IndexOutOfRangeException => "index",
                NullReferenceException => "null",
                InvalidCastException => "cast",
                _ => "other",
            };
            return "SystemException clause (" + kind + ")";
        }
        catch (Exception e)
        {
            return "Exception clause: " + e.Message;
        }
    }

    private static void Consume(int value) => Transcript.WriteLine("unexpected " + value);

    private sealed class ApplicationLike : Exception
    {
        public ApplicationLike()
            : base("not a system exception")
        {
        }
    }
}
