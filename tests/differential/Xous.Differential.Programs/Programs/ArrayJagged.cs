using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Jagged arrays: Pascal's triangle with rows of different lengths, row swapping, and three-level jagged arrays.</summary>
public static class ArrayJagged
{
    public static int Main()
    {
        var pascal = new long[12][];
        for (int i = 0; i < pascal.Length; i++)
        {
            pascal[i] = new long[i + 1];
            pascal[i][0] = 1;
            pascal[i][i] = 1;
            for (int j = 1; j < i; j++)
            {
                pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
            }
        }

        foreach (long[] row in pascal)
        {
            string line = "";
            foreach (long v in row)
            {
                line += v + " ";
            }

            Transcript.WriteLine(line);
        }

        (pascal[0], pascal[11]) = (pascal[11], pascal[0]);
        Transcript.WriteLine(pascal[0].Length + " " + pascal[11].Length + " " + pascal[0][6]);
        int[][][] cube = new int[3][][];
        int total = 0;
        for (int a = 0; a < 3; a++)
        {
            cube[a] = new int[a + 1][];
            for (int b = 0; b <= a; b++)
            {
                cube[a][b] = new int[b + 2];
                for (int c = 0; c < cube[a][b].Length; c++)
                {
                    cube[a][b][c] = (a * 100) + (b * 10) + c;
                    total += cube[a][b][c];
                }
            }
        }

        Transcript.WriteLine(total);
        Transcript.WriteLine(cube[2][2][3]);
        int[][] literal = { new[] { 1 }, new[] { 2, 3 }, new int[0], new[] { 4, 5, 6 } };
        int sum = 0;
        foreach (int[] row in literal)
        {
            sum = (sum * 10) + row.Length;
        }

        Transcript.WriteLine(sum);
        return 0;
    }
}
