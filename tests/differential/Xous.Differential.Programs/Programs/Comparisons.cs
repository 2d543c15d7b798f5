using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Signed and unsigned comparisons, as values (ceq/cgt/clt) and as branches.</summary>
public static class Comparisons
{
    public static int Main()
    {
        Compare(-1, 1);
        Compare(int.MinValue, int.MaxValue);
        Compare(5, 5);
        Compare64(-1, 1);
        Compare64(long.MinValue, 0);
        return 0;
    }

    private static void Compare(int a, int b)
    {
        bool lt = a < b;
        bool ltUnsigned = (uint)a < (uint)b;
        bool eq = a == b;
        bool ge = a >= b;
        bool geUnsigned = (uint)a >= (uint)b;
        Transcript.Write(lt);
        Transcript.Write(" ");
        Transcript.Write(ltUnsigned);
        Transcript.Write(" ");
        Transcript.Write(eq);
        Transcript.Write(" ");
        Transcript.Write(ge);
        Transcript.Write(" ");
        Transcript.Write(geUnsigned);
        Transcript.Write(" ");
        if (a > b)
        {
            Transcript.Write("gt");
        }
        else if (a != b)
        {
            Transcript.Write("lt");
        }
        else
        {
            Transcript.Write("eq");
        }

        Transcript.WriteLine((uint)a > (uint)b ? " ugt" : " ule");
    }

    private static void Compare64(long a, long b)
    {
        Transcript.Write(a < b);
        Transcript.Write(" ");
        Transcript.Write((ulong)a < (ulong)b);
        Transcript.Write(" ");
        Transcript.WriteLine(a <= b && (ulong)a >= (ulong)b);
    }
}
