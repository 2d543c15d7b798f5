using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A formatted report: integers in aligned columns with N0, X8, D5, B8 and custom formats, through ToString(format) and $"{...}".</summary>
public static class FormatNumberTable
{
    public static int Main()
    {
        long[] values = { 0, 7, -7, 255, 1024, -65536, 1_000_000, int.MaxValue, int.MinValue, 9_876_543_210 };
        Transcript.WriteLine($"{"value",16}|{"hex",18}|{"D5",12}|{"N0",26}|");
        foreach (long v in values)
        {
            Transcript.WriteLine($"{v,16}|{v,18:X8}|{v,12:D5}|{v,26:N0}|");
        }

        for (int i = 0; i < 8; i++)
        {
            byte b = (byte)(1 << i | i);
            Transcript.WriteLine(b.ToString("B8") + " " + b.ToString("X2") + " " + b.ToString("D3") + " " + ((sbyte)b).ToString("+0;-0;0"));
        }

        int[] money = { 0, 5, 99, 100, 123456, -250 };
        foreach (int cents in money)
        {
            Transcript.WriteLine((cents / 100).ToString("#,##0") + "." + System.Math.Abs(cents % 100).ToString("00") + " | " + cents.ToString("#,##0.00;(#,##0.00);zero") + " | " + cents.ToString("0000;-0000"));
        }

        Transcript.WriteLine($"{12,-6:X}|{12,6:x4}|{-12,6:D3}|{uint.MaxValue,14:N0}|");
        Transcript.WriteLine($"{(short)-1:X} {(ushort)65535:N0} {(sbyte)-128:D4} {ulong.MaxValue:X}");
        return 0;
    }
}
