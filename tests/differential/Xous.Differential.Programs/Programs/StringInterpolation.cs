using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Interpolated strings with integer formats (X8, x, D6, N0, B), alignment (left and right), char/bool/string/null holes.</summary>
public static class StringInterpolation
{
    private enum Mode
    {
        Idle,
        Busy = 5,
    }

    public static int Main()
    {
        int x = 48879;
        Transcript.WriteLine($"hex {x:X8} {x:x} {x:X}");
        Transcript.WriteLine($"neg hex {-1:X8} {(short)-2:X} {(byte)200:x2}");
        Transcript.WriteLine($"dec {x:D8} {-x:D8} {7:D1}");
        Transcript.WriteLine($"grp {1234567:N0} {-1234567:N0} {12:N0} {1234567890123L:N0}");
        Transcript.WriteLine($"fix {42:N2} {42:F3} {-5:F0}");
        Transcript.WriteLine($"bin {10:B} {10:B8} {(byte)255:B}");
        Transcript.WriteLine($"|{x,8}|{x,-8}|{-7,4}|{"ab",5}|{"ab",-5}|");
        Transcript.WriteLine($"|{x,10:X}|{x,-10:N0}|");
        char c = 'Q';
        bool b = true;
        string? none = null;
        Transcript.WriteLine($"char {c} bool {b} null [{none}] str {"s"}");
        Transcript.WriteLine($"enum {Mode.Busy} {Mode.Idle:D} {Mode.Busy:X} {(Mode)3}");
        Transcript.WriteLine($"ulong {ulong.MaxValue:X} {ulong.MaxValue:N0}");
        Transcript.WriteLine($"long {long.MinValue} {long.MinValue:X}");
        Transcript.WriteLine($"nested {$"inner {x % 100}"} done");
        Transcript.WriteLine($"{{braces}} {x}");
        int width = 0;
        for (int i = 1; i <= 5; i++)
        {
            width += i;
            Transcript.WriteLine($"row {i,2}: {width,4} {width * width:N0}");
        }

        string raw = $"""raw "quoted" {x:X4}""";
        Transcript.WriteLine(raw);
        return 0;
    }
}
