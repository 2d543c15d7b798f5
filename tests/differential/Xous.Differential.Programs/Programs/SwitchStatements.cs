using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Dense switches compile to the IL switch (a jump table), sparse ones to compare chains.</summary>
public static class SwitchStatements
{
    public static int Main()
    {
        for (int i = -2; i < 12; i++)
        {
            Transcript.Write(Dense(i));
            Transcript.Write(" ");
            Transcript.Write(Sparse(i * 100));
            Transcript.Write(" ");
            Transcript.WriteLine(Expression((uint)i));
        }

        return 0;
    }

    private static string Dense(int value)
    {
        switch (value)
        {
            case 0:
                return "zero";
            case 1:
                return "one";
            case 2:
            case 3:
                return "two-or-three";
            case 5:
                return "five";
            case 6:
                goto case 1;
            case 7:
                return "seven";
            default:
                return "other";
        }
    }

    private static int Sparse(int value) => value switch
    {
        -100 => 1,
        300 => 2,
        700 => 3,
        100000 => 4,
        _ => 0,
    };

    private static char Expression(uint value) => value switch
    {
        0 => 'a',
        1 => 'b',
        2 => 'c',
        3 => 'd',
        4 => 'e',
        >= 5 and < 8 => 'f',
        _ => 'z',
    };
}
