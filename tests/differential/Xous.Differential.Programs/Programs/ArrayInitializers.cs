using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Array creation: initializer lists with computed and constant elements, collection expressions, implicitly typed arrays.</summary>
public static class ArrayInitializers
{
    public static int Main()
    {
        int x = 7;
        int[] computed = { x, x * 2, x * 3, -x };
        Print(computed);
        var implicitArray = new[] { 1L, 2L, 1L << 40 };
        Transcript.WriteLine(implicitArray[2] + implicitArray[0]);
        int[] collection = [3, 1, 4, 1, 5, 9, 2, 6];
        Print(collection);
        int[] spread = [.. computed, 100, .. collection];
        Print(spread);
        int[] emptyExpr = [];
        Transcript.WriteLine(emptyExpr.Length);
        string[] words = ["collection", "expression", "of", "strings"];
        Transcript.WriteLine(string.Join(" ", words));
        byte[] bytes = { 0xFF, 0x80, 0x7F, 0 };
        Print(new int[] { bytes[0], bytes[1], bytes[2], bytes[3] });
        char[] chars = { 'o', 'k' };
        Transcript.WriteLine(new string(chars));
        bool[] flags = new bool[] { true, false, true };
        Transcript.WriteLine(flags[0] && !flags[1] && flags[2]);
        object[] objs = { 1, "one", null! };
        Transcript.WriteLine(objs.Length);
        return 0;
    }

    private static void Print(int[] a)
    {
        string s = "";
        foreach (int v in a)
        {
            s += v + ",";
        }

        Transcript.WriteLine(s);
    }
}
