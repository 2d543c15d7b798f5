using System;
using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>[InlineArray] structs: indexing, foreach, conversion to Span, copies are independent, inline arrays as fields of classes and structs.</summary>
public static class StructInlineArray
{
    [InlineArray(8)]
    private struct Eight
    {
        private int _element;
    }

    [InlineArray(4)]
    private struct FourNames
    {
        private string? _element;
    }

    private sealed class Registers
    {
        public Eight Regs;
    }

    public static int Main()
    {
        Eight e = default;
        for (int i = 0; i < 8; i++)
        {
            e[i] = (i + 1) * (i + 1);
        }

        int sum = 0;
        foreach (int v in e)
        {
            sum += v;
        }

        Transcript.WriteLine(sum);
        Eight copy = e;
        copy[0] = -100;
        Transcript.WriteLine(e[0] + " " + copy[0]);
        Span<int> span = e;
        span.Reverse();
        Transcript.WriteLine(e[0] + " " + e[7]);
        span[1..3].Fill(0);
        Transcript.WriteLine(e[1] + e[2] + " " + e[3]);
        FourNames names = default;
        names[0] = "a";
        names[3] = "d";
        string joined = "";
        foreach (string? n in names)
        {
            joined += (n ?? "_") + ",";
        }

        Transcript.WriteLine(joined);
        var r = new Registers();
        r.Regs[5] = 55;
        Bump(ref r.Regs);
        Transcript.WriteLine(r.Regs[5] + " " + r.Regs[0]);
        try
        {
            int index = 8;
            Transcript.WriteLine(e[index]);
        }
        catch (IndexOutOfRangeException)
        {
            Transcript.WriteLine("IndexOutOfRangeException");
        }

        return 0;
    }

    private static void Bump(ref Eight regs)
    {
        foreach (ref int x in (Span<int>)regs)
        {
            x++;
        }
    }
}
