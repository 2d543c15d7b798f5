using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Boxed enums: ToString through object, Equals, HasFlag, CompareTo, unboxing to the underlying type and to another enum.</summary>
public static class BoxingEnums
{
    private enum Color : short
    {
        Red = 1,
        Green = 2,
        Blue = 3,
    }

    private enum Shade : short
    {
        Light = 1,
        Dark = 2,
    }

    [Flags]
    private enum Opt
    {
        None = 0,
        A = 1,
        B = 2,
        C = 4,
    }

    public static int Main()
    {
        object o = Color.Green;
        Transcript.WriteLine(o.ToString());
        Transcript.WriteLine(o.Equals(Color.Green) + " " + o.Equals(Shade.Dark) + " " + o.Equals((short)2));
        Transcript.WriteLine(((Color)o).ToString());
        Transcript.WriteLine(o is Color);
        Transcript.WriteLine(o is Shade);
        Transcript.WriteLine(o is short);
        Enum e = Color.Blue;
        Transcript.WriteLine(e.ToString());
        Transcript.WriteLine(e.CompareTo(Color.Red) > 0);
        Opt flags = Opt.A | Opt.C;
        Transcript.WriteLine(flags.HasFlag(Opt.C) + " " + flags.HasFlag(Opt.B) + " " + flags.HasFlag(Opt.None));
        Transcript.WriteLine(flags.ToString());
        object of = flags;
        Transcript.WriteLine(of.ToString());
        Transcript.WriteLine(o.GetHashCode() + " " + ((object)Opt.C).GetHashCode());
        try
        {
            Transcript.WriteLine((int)o);
        }
        catch (InvalidCastException)
        {
            Transcript.WriteLine("InvalidCastException unboxing Color as int");
        }

        try
        {
            e.CompareTo(Shade.Dark);
        }
        catch (ArgumentException)
        {
            Transcript.WriteLine("ArgumentException comparing different enums");
        }

        object[] mixed = { Color.Red, Shade.Light, Opt.B, 5 };
        foreach (object m in mixed)
        {
            Transcript.WriteLine(m switch
            {
                Color c => "color " + c,
                Shade s => "shade " + s,
                Enum other => "enum " + other,
                _ => "not an enum",
            });
        }

        return 0;
    }
}
