using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A small interpreter that signals errors with exceptions: stack underflow, unknown opcodes and division by zero unwind to one handler.</summary>
public static class ExceptionStateMachine
{
    private sealed class VmError : Exception
    {
        public VmError(string message, int pc)
            : base(message + " at pc " + pc)
        {
            Pc = pc;
        }

        public int Pc { get; }
    }

    public static int Main()
    {
        string[] programs = { "12+3*", "93-0/", "1+", "45x", "99*9*9*", "7" };
        foreach (string p in programs)
        {
            try
            {
                Transcript.WriteLine(p + " => " + Run(p));
            }
            catch (VmError e)
            {
                Transcript.WriteLine(p + " => error: " + e.Message + " (" + e.Pc + ")");
            }
        }

        return 0;
    }

    private static int Run(string program)
    {
        var stack = new int[8];
        int sp = 0;
        for (int pc = 0; pc < program.Length; pc++)
        {
            char c = program[pc];
            try
            {
                if (char.IsAsciiDigit(c))
                {
                    stack[sp++] = c - '0';
                    continue;
                }

                if (sp < 2)
                {
                    throw new VmError("stack underflow", pc);
                }

                int b = stack[--sp];
                int a = stack[--sp];
                stack[sp++] = c switch
                {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    '/' => a / b,
                    _ => throw new VmError("unknown opcode '" + c + "'", pc),
                };
            }
            catch (DivideByZeroException)
            {
                throw new VmError("division by zero", pc);
            }
        }

        return stack[sp - 1];
    }
}
