using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Non-capturing and static lambdas (cached delegate instances), lambdas with statement bodies, discards and default-like behaviour.</summary>
public static class DelegateStaticLambdas
{
    public static int Main()
    {
        Func<int, int> first = null!;
        Func<int, int> again = null!;
        for (int i = 0; i < 2; i++)
        {
            Func<int, int> f = static x => x * 3;
            if (i == 0)
            {
                first = f;
            }
            else
            {
                again = f;
            }
        }

        Transcript.WriteLine(first(7) + " " + again(7));
        Transcript.WriteLine(first == again);
        Func<int, int, int> ignoreSecond = (a, _) => a;
        Transcript.WriteLine(ignoreSecond(1, 2));
        Func<int, string> classify = static n =>
        {
            if (n < 0)
            {
                return "negative";
            }

            switch (n % 3)
            {
                case 0:
                    return "fizz";
                default:
                    return n.ToString();
            }
        };
        for (int n = -1; n <= 6; n++)
        {
            Transcript.Write(classify(n) + " ");
        }

        Transcript.WriteLine();
        var typed = (int x, int y) => (x * 10) + y;
        Transcript.WriteLine(typed(4, 2));
        Func<Func<int>> makeMaker = static () => static () => 99;
        Transcript.WriteLine(makeMaker()());
        Action noop = static () => { };
        noop();
        Transcript.WriteLine("done");
        return 0;
    }
}
