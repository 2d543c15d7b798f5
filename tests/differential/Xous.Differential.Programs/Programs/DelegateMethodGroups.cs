using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Delegates from static, instance, virtual and interface method groups, and from struct instance methods (boxed copy).</summary>
public static class DelegateMethodGroups
{
    private delegate int BinaryOp(int a, int b);

    private interface IScaler
    {
        int Scale(int x);
    }

    private class Calculator : IScaler
    {
        private readonly int _factor;

        public Calculator(int factor)
        {
            _factor = factor;
        }

        public int Multiply(int a, int b) => a * b * _factor;

        public virtual string Name() => "calculator";

        public int Scale(int x) => x * _factor;
    }

    private sealed class FancyCalculator : Calculator
    {
        public FancyCalculator()
            : base(100)
        {
        }

        public override string Name() => "fancy";
    }

    private struct Counter
    {
        public int Count;

        public int Next() => ++Count;
    }

    public static int Main()
    {
        BinaryOp add = Add;
        BinaryOp sub = Subtract;
        var calc = new Calculator(2);
        BinaryOp mul = calc.Multiply;
        Transcript.WriteLine(add(3, 4) + " " + sub(3, 4) + " " + mul(3, 4));
        Calculator fancy = new FancyCalculator();
        Func<string> name = fancy.Name;
        Func<string> plainName = calc.Name;
        Transcript.WriteLine(name() + " " + plainName());
        IScaler scaler = fancy;
        Func<int, int> scale = scaler.Scale;
        Transcript.WriteLine(scale(7));
        Transcript.WriteLine(name.Target == fancy);
        Transcript.WriteLine(add.Target == null);
        var counter = new Counter();
        Func<int> next = counter.Next;
        Transcript.WriteLine(next() + " " + next() + " " + next() + " counter=" + counter.Count);
        BinaryOp[] table = { add, sub, mul, Math.Max, Math.Min };
        foreach (BinaryOp op in table)
        {
            Transcript.Write(op(10, -3) + " ");
        }

        Transcript.WriteLine();
        Transcript.WriteLine(Apply(Add, 1, 2) + Apply(calc.Multiply, 1, 2));
        Func<int, string> toString = Describe;
        Transcript.WriteLine(toString(5));
        Action<string> write = Transcript.WriteLine;
        write("via Action<string>");
        return 0;
    }

    private static int Add(int a, int b) => a + b;

    private static int Subtract(int a, int b) => a - b;

    private static int Apply(BinaryOp op, int a, int b) => op(a, b);

    private static string Describe(int v) => "value " + v;
}
