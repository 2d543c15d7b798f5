using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Message texts of the corlib's exceptions (arguments, collections, parsing) and ToString of never-thrown exceptions with inner exceptions.</summary>
public static class ExceptionMessagesAndToString
{
    public static int Main()
    {
        var list = new List<int> { 1, 2, 3 };
        Print(() => list[5]);
        Print(() => list[-1]);
        Print(() => list.GetRange(2, 5).Count);
        Print(() => new List<int>(-1).Count);
        Print(() => new Stack<int>().Pop());
        Print(() => new Queue<int>().Dequeue());
        Print(() => Math.Clamp(5, 10, 1));
        Print(() => int.Parse("12a"));
        Print(() => "abc".Substring(4).Length);
        Print(() => "abc".PadLeft(-1).Length);
        var inner = new FormatException("inner problem");
        var outer = new InvalidOperationException("outer problem", inner);
        Transcript.WriteLine(outer.ToString());
        Transcript.WriteLine(new ArgumentException("message", "param").ToString());
        Transcript.WriteLine(new ArgumentNullException("param").ToString());
        Transcript.WriteLine(new Exception("three", new Exception("two", new Exception("one"))).ToString());
        Transcript.WriteLine(new ObjectDisposedException("thing").Message);
        Transcript.WriteLine(new KeyNotFoundException().Message);
        return 0;
    }

    private static void Print(Func<int> f)
    {
        try
        {
            Transcript.WriteLine("value " + f());
        }
        catch (ArgumentOutOfRangeException e)
        {
            Transcript.WriteLine("ArgumentOutOfRangeException: " + e.Message);
        }
        catch (ArgumentException e)
        {
            Transcript.WriteLine("ArgumentException: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("InvalidOperationException: " + e.Message);
        }
        catch (FormatException e)
        {
            Transcript.WriteLine("FormatException: " + e.Message);
        }
    }
}
