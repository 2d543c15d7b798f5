using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Closures capture variables by reference: shared captured locals, captured parameters, nested closures and captured 'this'.</summary>
public static class DelegateClosures
{
    private sealed class Account
    {
        private int _balance;

        public Func<int, int> MakeDepositor(int bonus)
        {
            return amount =>
            {
                _balance += amount + bonus;
                return _balance;
            };
        }
    }

    public static int Main()
    {
        int counter = 0;
        Action inc = () => counter++;
        Func<int> read = () => counter;
        inc();
        inc();
        Transcript.WriteLine(read());
        counter = 100;
        inc();
        Transcript.WriteLine(read() + " " + counter);

        Func<int, Func<int, int>> adder = x => y => x + y;
        Func<int, int> add5 = adder(5);
        Func<int, int> add10 = adder(10);
        Transcript.WriteLine(add5(1) + " " + add10(1));

        var (get, set) = MakeCell(7);
        Transcript.WriteLine(get());
        set(8);
        Transcript.WriteLine(get());

        var acct = new Account();
        Func<int, int> deposit = acct.MakeDepositor(1);
        Func<int, int> deposit2 = acct.MakeDepositor(1000);
        Transcript.WriteLine(deposit(10) + " " + deposit2(10) + " " + deposit(0));

        Func<int> fib = MakeFibonacci();
        for (int i = 0; i < 10; i++)
        {
            Transcript.Write(fib() + " ");
        }

        Transcript.WriteLine();
        string text = "captured";
        Func<string> f = () => text + "!";
        text = "changed";
        Transcript.WriteLine(f());
        long big = 1L << 40;
        Func<long, long> mix = v => v + big + counter;
        Transcript.WriteLine(mix(1));
        return 0;
    }

    private static (Func<int> Get, Action<int> Set) MakeCell(int initial)
    {
        int value = initial;
        return (() => value, v => value = v * 10);
    }

    private static Func<int> MakeFibonacci()
    {
        int a = 0;
        int b = 1;
        return () =>
        {
            int r = a;
            (a, b) = (b, a + b);
            return r;
        };
    }
}
