using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Enums are their underlying type: arithmetic, flags, switch, casts, small and 64-bit underlying types.</summary>
public static class Enums
{
    private enum Color : byte
    {
        Red = 1,
        Green = 2,
        Blue = 250,
    }

    [System.Flags]
    private enum Access : uint
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 0x80000000,
    }

    private enum Big : long
    {
        Small = -1,
        Huge = 1L << 50,
    }

    public static int Main()
    {
        Color c = Color.Blue;
        c += 10;
        Transcript.WriteLine((int)c);
        Access a = Access.Read | Access.Execute;
        Transcript.WriteLine((uint)a);
        Transcript.WriteLine((a & Access.Write) != 0);
        Transcript.WriteLine((a & Access.Execute) == Access.Execute);
        Transcript.WriteLine((long)Big.Huge + (long)Big.Small);
        for (Color k = Color.Red; k <= Color.Green; k++)
        {
            Transcript.WriteLine(Name(k));
        }

        Transcript.WriteLine(Name(Color.Blue));
        Transcript.WriteLine(Name((Color)77));
        return 0;
    }

    private static string Name(Color c) => c switch
    {
        Color.Red => "red",
        Color.Green => "green",
        Color.Blue => "blue",
        _ => "unknown",
    };
}
