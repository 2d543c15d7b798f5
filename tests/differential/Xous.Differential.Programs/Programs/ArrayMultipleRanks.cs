using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Flattened 2-D storage in a 1-D array (the device has only single-dimensional arrays): matrix multiply and transpose.</summary>
public static class ArrayMultipleRanks
{
    private sealed class Matrix
    {
        private readonly long[] _cells;

        public Matrix(int rows, int cols)
        {
            Rows = rows;
            Cols = cols;
            _cells = new long[rows * cols];
        }

        public int Rows { get; }

        public int Cols { get; }

        public long this[int r, int c]
        {
            get => _cells[(r * Cols) + c];
            set => _cells[(r * Cols) + c] = value;
        }

        public Matrix Multiply(Matrix other)
        {
            var result = new Matrix(Rows, other.Cols);
            for (int i = 0; i < Rows; i++)
            {
                for (int j = 0; j < other.Cols; j++)
                {
                    long s = 0;
                    for (int k = 0; k < Cols; k++)
                    {
                        s += this[i, k] * other[k, j];
                    }

                    result[i, j] = s;
                }
            }

            return result;
        }

        public Matrix Transpose()
        {
            var t = new Matrix(Cols, Rows);
            for (int i = 0; i < Rows; i++)
            {
                for (int j = 0; j < Cols; j++)
                {
                    t[j, i] = this[i, j];
                }
            }

            return t;
        }

        public void Print()
        {
            for (int i = 0; i < Rows; i++)
            {
                string line = "";
                for (int j = 0; j < Cols; j++)
                {
                    line += this[i, j] + " ";
                }

                Transcript.WriteLine(line);
            }
        }
    }

    public static int Main()
    {
        var a = new Matrix(3, 4);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                a[i, j] = (i * 4) + j - 5;
            }
        }

        a.Print();
        Matrix at = a.Transpose();
        at.Print();
        a.Multiply(at).Print();
        var fib = new Matrix(2, 2);
        fib[0, 0] = 1;
        fib[0, 1] = 1;
        fib[1, 0] = 1;
        Matrix p = fib;
        for (int i = 0; i < 80; i++)
        {
            p = p.Multiply(fib);
        }

        p.Print();
        return 0;
    }
}
