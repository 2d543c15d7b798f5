using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>checked addition that overflows throws OverflowException.</summary>
public static class CheckedAddOverflow
{
    public static int Main()
    {
        int total = int.MaxValue - 3;
        for (int i = 0; i < 10; i++)
        {
            total = checked(total + 1);
            Transcript.WriteLine(total);
        }

        return 0;
    }
}
