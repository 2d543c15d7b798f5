using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Signed division truncates toward zero; the remainder has the dividend's sign.</summary>
public static class Int32Division
{
    public static int Main()
    {
        Show(7, 2);
        Show(-7, 2);
        Show(7, -2);
        Show(-7, -2);
        Show(int.MinValue, 1);
        Show(int.MinValue, 2);
        Show(int.MinValue, int.MaxValue);
        Show(int.MaxValue, int.MinValue);
        Show(0, -5);
        Show(1000000007, 97);
        return 0;
    }

    private static void Show(int a, int b)
    {
        Transcript.Write(a);
        Transcript.Write(" / ");
        Transcript.Write(b);
        Transcript.Write(" = ");
        Transcript.Write(a / b);
        Transcript.Write(" rem ");
        Transcript.WriteLine(a % b);
    }
}
