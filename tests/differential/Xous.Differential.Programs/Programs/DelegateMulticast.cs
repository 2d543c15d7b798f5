using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Multicast delegates: += and -= order, removing the last occurrence, invocation list length, return value of the last target, equality.</summary>
public static class DelegateMulticast
{
    private static string s_log = "";

    public static int Main()
    {
        Action a = A;
        Action b = B;
        Action c = C;
        Action? chain = a;
        chain += b;
        chain += c;
        chain += b;
        Run(chain);
        Transcript.WriteLine(chain!.GetInvocationList().Length);
        chain -= b;
        Run(chain);
        chain -= a;
        Run(chain);
        chain -= (Action)A;
        Run(chain);
        Action? combined = (Action?)Delegate.Combine(c, a);
        Run(combined);
        Action? bc = b + c;
        Action? abcb = a + b + c + b;
        Run(abcb - bc);
        Run(abcb - (c + a));
        Action? empty = a - a;
        Transcript.WriteLine(empty == null);
        Transcript.WriteLine((a + b) == (a + b));
        Transcript.WriteLine((a + b) == (b + a));
        Transcript.WriteLine(a == (Action)A);
        Func<int> f = () => 1;
        f += () => 2;
        f += () => 3;
        Transcript.WriteLine(f());
        Func<int>? g = f - f;
        Transcript.WriteLine(g == null);
        Action? removeAll = (Action?)Delegate.RemoveAll(a + b + a + c + a, a);
        Run(removeAll);
        Transcript.WriteLine(a.HasSingleTarget + " " + (a + b).HasSingleTarget);
        return 0;
    }

    private static void Run(Action? action)
    {
        s_log = "";
        action?.Invoke();
        Transcript.WriteLine("[" + s_log + "]");
    }

    private static void A() => s_log += "A";

    private static void B() => s_log += "B";

    private static void C() => s_log += "C";
}
