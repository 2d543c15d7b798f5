using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Order of finally blocks when returning from nested try blocks inside loops and switch statements; goto out of try.</summary>
public static class ExceptionFinallyOrderWithReturns
{
    private static string s_log = "";

    public static int Main()
    {
        for (int i = 0; i < 4; i++)
        {
            s_log = "";
            int r = Search(i);
            Transcript.WriteLine(i + ": returned " + r + " log " + s_log);
        }

        s_log = "";
        GotoOut();
        Transcript.WriteLine("goto: " + s_log);
        return 0;
    }

    private static int Search(int target)
    {
        try
        {
            for (int a = 0; a < 3; a++)
            {
                try
                {
                    switch (a)
                    {
                        case 0:
                            try
                            {
                                if (target == 0)
                                {
                                    return 100;
                                }
                            }
                            finally
                            {
                                s_log += "s0 ";
                            }

                            break;
                        default:
                            if (a == target)
                            {
                                return a * 10;
                            }

                            break;
                    }
                }
                finally
                {
                    s_log += "loop" + a + " ";
                }
            }

            return -1;
        }
        finally
        {
            s_log += "outer";
        }
    }

    private static void GotoOut()
    {
        int i = 0;
    again:
        try
        {
            s_log += "try" + i + " ";
            if (i++ < 2)
            {
                goto again;
            }
        }
        finally
        {
            s_log += "fin ";
        }

        s_log += "end";
    }
}
