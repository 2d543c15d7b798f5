using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Interface calls over an array of many unrelated implementations, including a struct boxed into the array.</summary>
public static class InterfaceDispatchArray
{
    private interface IOp
    {
        int Apply(int x);

        string Symbol { get; }
    }

    private sealed class Add : IOp
    {
        private readonly int _n;

        public Add(int n)
        {
            _n = n;
        }

        public int Apply(int x) => x + _n;

        public string Symbol => "+" + _n;
    }

    private sealed class Mul : IOp
    {
        private readonly int _n;

        public Mul(int n)
        {
            _n = n;
        }

        public int Apply(int x) => x * _n;

        public string Symbol => "*" + _n;
    }

    private sealed class Neg : IOp
    {
        public int Apply(int x) => -x;

        public string Symbol => "neg";
    }

    private struct Xor : IOp
    {
        public int Mask;

        public readonly int Apply(int x) => x ^ Mask;

        public readonly string Symbol => "^" + Mask;
    }

    public static int Main()
    {
        IOp[] program = { new Add(3), new Mul(7), new Neg(), new Xor { Mask = 0xFF }, new Add(-100), new Mul(-2) };
        for (int start = -2; start <= 2; start++)
        {
            int x = start;
            string trace = x.ToString();
            foreach (IOp op in program)
            {
                x = op.Apply(x);
                trace += " " + op.Symbol + "=" + x;
            }

            Transcript.WriteLine(trace);
        }

        return 0;
    }
}
