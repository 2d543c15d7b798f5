using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ToString of primitives, enums (including flags and undefined values), bool, char, nullable and tuples.</summary>
public static class StringValueToString
{
    [System.Flags]
    private enum Perm : ushort
    {
        None = 0,
        Read = 1,
        Write = 2,
        Exec = 4,
        All = Read | Write | Exec,
    }

    private enum Level : sbyte
    {
        Low = -1,
        Mid = 0,
        High = 1,
    }

    public static int Main()
    {
        Transcript.WriteLine(true.ToString() + false.ToString());
        Transcript.WriteLine('c'.ToString());
        Transcript.WriteLine(((sbyte)-1).ToString() + " " + ((short)-300).ToString() + " " + ((ushort)60000).ToString());
        Transcript.WriteLine(Perm.Read.ToString());
        Transcript.WriteLine((Perm.Read | Perm.Exec).ToString());
        Transcript.WriteLine(Perm.All.ToString());
        Transcript.WriteLine(Perm.None.ToString());
        Transcript.WriteLine(((Perm)8).ToString());
        Transcript.WriteLine(((Perm)9).ToString());
        Transcript.WriteLine(Level.Low.ToString() + " " + Level.High.ToString("D") + " " + Level.Low.ToString("X"));
        Transcript.WriteLine(((Level)5).ToString() + " " + Perm.All.ToString("X") + " " + Perm.Write.ToString("F"));
        int? some = 5;
        int? none = null;
        Transcript.WriteLine("[" + some.ToString() + "][" + none.ToString() + "]");
        (int, string) pair = (1, "one");
        Transcript.WriteLine(pair.ToString());
        (long, bool, char) triple = (-1L, true, 'z');
        Transcript.WriteLine(triple.ToString());
        var quad = (1, (2, 3), "four", (string?)null);
        Transcript.WriteLine(quad.ToString());
        System.ValueTuple<int> single = new(7);
        Transcript.WriteLine(single.ToString());
        return 0;
    }
}
