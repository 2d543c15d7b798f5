using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>ToString with standard integer formats on every integer type: X4, X, x8, D8, N0, N2, B16, G, and custom formats.</summary>
public static class StringIntegerFormats
{
    public static int Main()
    {
        int[] ints = { 0, 1, -1, 255, 4096, -65536, int.MaxValue, int.MinValue };
        foreach (int v in ints)
        {
            Transcript.WriteLine(v.ToString("X4") + " " + v.ToString("x") + " " + v.ToString("D8") + " " + v.ToString("N0") + " " + v.ToString("G"));
        }

        Transcript.WriteLine(((byte)171).ToString("X") + " " + ((sbyte)-85).ToString("X") + " " + ((short)-2).ToString("X") + " " + ((ushort)65534).ToString("X"));
        Transcript.WriteLine(uint.MaxValue.ToString("X") + " " + uint.MaxValue.ToString("N0") + " " + 3000000000u.ToString("D12"));
        Transcript.WriteLine(long.MinValue.ToString("X") + " " + long.MaxValue.ToString("N0"));
        Transcript.WriteLine(ulong.MaxValue.ToString("x16") + " " + ulong.MaxValue.ToString("D25"));
        Transcript.WriteLine(12345.ToString("N2") + " " + (-12345).ToString("F1") + " " + 5.ToString("B16") + " " + (-1).ToString("B"));
        Transcript.WriteLine(42.ToString("E3") + " " + 123456.ToString("G3") + " " + 7.ToString("P0"));
        Transcript.WriteLine(1234567.ToString("#,##0") + " " + 42.ToString("0000") + " " + (-42).ToString("0;(0)") + " " + 0.ToString("0;-0;zero"));
        Transcript.WriteLine(255.ToString("'0x'X") + " " + 5.ToString("##") + " " + 1234.ToString("#,#.00"));
        Transcript.WriteLine(0.ToString("N0") + " " + 0.ToString("X8") + " " + 0.ToString("#"));
        try
        {
            Transcript.WriteLine(5.ToString("Z"));
        }
        catch (System.FormatException e)
        {
            Transcript.WriteLine("FormatException: " + e.Message);
        }

        return 0;
    }
}
