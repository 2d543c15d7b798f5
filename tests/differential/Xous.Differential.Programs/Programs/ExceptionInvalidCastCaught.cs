using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>InvalidCastException from casts in generic code, from foreach with an explicit element type, and from unboxing enums and structs.</summary>
public static class ExceptionInvalidCastCaught
{
    private struct Meters
    {
        public int Value;
    }

    private struct Feet
    {
        public int Value;
    }

    private enum Small : byte
    {
        One = 1,
    }

    public static int Main()
    {
        var things = new List<object> { "a", "b", 3, "d" };
        int seen = 0;
        try
        {
            foreach (string s in things)
            {
                seen++;
                Transcript.WriteLine("string " + s);
            }
        }
        catch (InvalidCastException)
        {
            Transcript.WriteLine("InvalidCastException after " + seen);
        }

        Transcript.WriteLine(Cast<string>("ok"));
        Transcript.WriteLine(Cast<string>(5));
        Transcript.WriteLine(Cast<int>(5));
        Transcript.WriteLine(Cast<Meters>(new Meters { Value = 3 }));
        Transcript.WriteLine(Cast<Meters>(new Feet { Value = 3 }));
        Transcript.WriteLine(Cast<Small>(Small.One));
        Transcript.WriteLine(Cast<byte>(Small.One));
        Transcript.WriteLine(Cast<Small>((byte)1));
        Transcript.WriteLine(Cast<IComparable<int>>(5));
        Transcript.WriteLine(Cast<IComparable<long>>(5));
        return 0;
    }

    private static string Cast<T>(object o)
    {
        try
        {
            T value = (T)o;
            return "cast ok: " + value;
        }
        catch (InvalidCastException)
        {
            return "InvalidCastException";
        }
    }
}
