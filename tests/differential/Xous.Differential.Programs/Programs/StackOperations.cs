using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Stack&lt;T&gt;: LIFO order, Peek/TryPop, enumeration from top, ToArray order, and a bracket matcher and RPN evaluator built on it.</summary>
public static class StackOperations
{
    public static int Main()
    {
        var s = new Stack<string>();
        s.Push("a");
        s.Push("b");
        s.Push("c");
        Transcript.WriteLine(s.Peek() + " " + s.Count);
        string order = "";
        foreach (string x in s)
        {
            order += x;
        }

        Transcript.WriteLine(order + " " + string.Join("", s.ToArray()));
        Transcript.WriteLine(s.Pop() + s.Pop());
        Transcript.WriteLine(s.TryPop(out string? last) + " " + last + " " + s.TryPop(out last) + " " + (last == null));
        try
        {
            s.Peek();
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine(e.Message);
        }

        string[] inputs = { "([]{()})", "([)]", "((", "", "}" };
        foreach (string input in inputs)
        {
            Transcript.WriteLine("[" + input + "] balanced: " + Balanced(input));
        }

        Transcript.WriteLine(Rpn("3 4 + 2 *"));
        Transcript.WriteLine(Rpn("5 1 2 + 4 * + 3 -"));
        Transcript.WriteLine(Rpn("2 3 4 * 5 6 * + -"));
        return 0;
    }

    private static bool Balanced(string s)
    {
        var stack = new Stack<char>();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '(' or '[' or '{')
            {
                stack.Push(c);
            }
            else
            {
                if (!stack.TryPop(out char open))
                {
                    return false;
                }

                if ((open, c) is not (('(', ')') or ('[', ']') or ('{', '}')))
                {
                    return false;
                }
            }
        }

        return stack.Count == 0;
    }

    private static long Rpn(string expr)
    {
        var stack = new Stack<long>();
        int start = 0;
        while (start < expr.Length)
        {
            int space = expr.IndexOf(' ', start);
            int end = space < 0 ? expr.Length : space;
            string token = expr.Substring(start, end - start);
            if (long.TryParse(token, out long n))
            {
                stack.Push(n);
            }
            else
            {
                long b = stack.Pop();
                long a = stack.Pop();
                stack.Push(token switch
                {
                    "+" => a + b,
                    "-" => a - b,
                    "*" => a * b,
                    _ => a / b,
                });
            }

            start = end + 1;
        }

        return stack.Pop();
    }
}
