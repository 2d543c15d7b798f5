using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// The messages of InvalidCastException from castclass name the source and target types as .NET writes them (nested
/// types by their simple name, generic instantiations with full argument names). Unboxing is left out: .NET's message
/// for a failed unbox swaps the two types between unoptimised and optimised code.
/// </summary>
public static class CastInvalidCastMessages
{
    private class Base
    {
    }

    private sealed class Derived : Base
    {
    }

    private sealed class Other
    {
    }

    private sealed class Box<T>
    {
    }

    public static int Main()
    {
        object[] sources = { new Other(), "text", 42, new Box<int>(), new int[0] };
        foreach (object o in sources)
        {
            Print(() => (Derived)o);
        }

        Print(() => (string)(object)new Box<string>());
        Print(() => (Box<long>)(object)new Box<int>());
        return 0;
    }

    private static void Print(Func<object> f)
    {
        try
        {
            f();
            Transcript.WriteLine("no exception");
        }
        catch (InvalidCastException e)
        {
            Transcript.WriteLine(e.Message);
        }
    }
}
