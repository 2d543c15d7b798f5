using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Exceptions thrown 10 to 50 frames deep are caught at the top; finally blocks in every frame run in innermost-first order.</summary>
public static class ExceptionDeepRecursion
{
    private static int s_finallies;
    private static string s_order = "";

    public static int Main()
    {
        int[] depths = { 10, 25, 50 };
        foreach (int depth in depths)
        {
            s_finallies = 0;
            s_order = "";
            try
            {
                Descend(depth, depth);
            }
            catch (DepthException e)
            {
                Transcript.WriteLine("depth " + depth + ": caught at top, thrown at level " + e.Level + ", finallies=" + s_finallies);
                Transcript.WriteLine(s_order.Substring(0, Math.Min(s_order.Length, 60)));
            }
        }

        Transcript.WriteLine(CatchMidway(40, 20));
        Transcript.WriteLine(SumWithUnwind(30));
        return 0;
    }

    private static int Descend(int level, int total)
    {
        try
        {
            if (level == 0)
            {
                throw new DepthException(total);
            }

            return Descend(level - 1, total) + 1;
        }
        finally
        {
            s_finallies++;
            s_order += level + ",";
        }
    }

    private static string CatchMidway(int level, int catchAt)
    {
        if (level == catchAt)
        {
            try
            {
                return CatchMidway(level - 1, catchAt);
            }
            catch (DepthException e)
            {
                return "caught at level " + level + " from level " + e.Level;
            }
        }

        if (level == 0)
        {
            throw new DepthException(0);
        }

        return CatchMidway(level - 1, catchAt);
    }

    private static long SumWithUnwind(int n)
    {
        long partial = 0;
        try
        {
            Accumulate(n, ref partial);
        }
        catch (DepthException e)
        {
            return partial * 1000 + e.Level;
        }

        return -1;
    }

    private static void Accumulate(int n, ref long partial)
    {
        partial += n;
        if (n == 0)
        {
            throw new DepthException(-7);
        }

        Accumulate(n - 1, ref partial);
    }

    private sealed class DepthException : Exception
    {
        public DepthException(int level)
            : base("level " + level)
        {
            Level = level;
        }

        public int Level { get; }
    }
}
