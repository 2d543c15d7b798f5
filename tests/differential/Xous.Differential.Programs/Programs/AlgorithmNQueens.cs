using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>N-queens by backtracking with bit masks (uint operations, recursion) for N = 1..10, printing counts and the first board for N = 8.</summary>
public static class AlgorithmNQueens
{
    private static int[] s_first = new int[0];
    private static bool s_found;

    public static int Main()
    {
        for (int n = 1; n <= 10; n++)
        {
            s_found = false;
            s_first = new int[n];
            var cols = new int[n];
            long count = Solve(n, 0, 0, 0, 0, cols);
            Transcript.WriteLine("N=" + n + ": " + count);
            if (n == 8)
            {
                for (int r = 0; r < n; r++)
                {
                    Transcript.WriteLine(new string('.', s_first[r]) + "Q" + new string('.', n - s_first[r] - 1));
                }
            }
        }

        return 0;
    }

    private static long Solve(int n, int row, uint columns, uint diag1, uint diag2, int[] cols)
    {
        if (row == n)
        {
            if (!s_found)
            {
                s_found = true;
                System.Array.Copy(cols, s_first, cols.Length);
            }

            return 1;
        }

        long count = 0;
        uint full = (1u << n) - 1;
        uint free = ~(columns | diag1 | diag2) & full;
        while (free != 0)
        {
            uint bit = free & (0u - free);
            free ^= bit;
            cols[row] = System.Numerics.BitOperations.TrailingZeroCount(bit);
            count += Solve(n, row + 1, columns | bit, (diag1 | bit) << 1, (diag2 | bit) >> 1, cols);
        }

        return count;
    }
}
