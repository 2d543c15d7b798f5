using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Integer Math: Min/Max/Abs/Sign/Clamp on several widths, DivRem (out and tuple forms), BigMul, and their exceptions.</summary>
public static class MathIntegerFunctions
{
    public static int Main()
    {
        Transcript.WriteLine(Math.Min(3, -4) + " " + Math.Max(3, -4) + " " + Math.Min(uint.MaxValue, 5u) + " " + Math.Max(long.MinValue, -1L));
        Transcript.WriteLine(Math.Min((byte)200, (byte)100) + " " + Math.Max((sbyte)-1, (sbyte)-100) + " " + Math.Min((short)-5, (short)5) + " " + Math.Max((ushort)1, (ushort)65535) + " " + Math.Min(ulong.MaxValue, 1UL));
        Transcript.WriteLine(Math.Abs(-7) + " " + Math.Abs(7L) + " " + Math.Abs((short)-32767) + " " + Math.Abs((sbyte)-127) + " " + Math.Abs(int.MinValue + 1));
        Transcript.WriteLine(Math.Sign(-9) + " " + Math.Sign(0) + " " + Math.Sign(9L) + " " + Math.Sign((short)-1) + " " + Math.Sign((sbyte)5));
        int[] probes = { -100, -1, 0, 5, 10, 11, 1000 };
        string line = "";
        foreach (int p in probes)
        {
            line += Math.Clamp(p, 0, 10) + " ";
        }

        Transcript.WriteLine(line);
        Transcript.WriteLine(Math.Clamp(300u, 10u, 200u) + " " + Math.Clamp(-5L, -3L, 3L) + " " + Math.Clamp((byte)7, (byte)8, (byte)9) + " " + Math.Clamp(ulong.MaxValue, 0UL, 1UL << 63));
        Transcript.WriteLine(Math.DivRem(17, 5, out int rem) + " " + rem + " " + Math.DivRem(-17, 5, out rem) + " " + rem + " " + Math.DivRem(-17L, -5L, out long lrem) + " " + lrem);
        (int q, int r) = Math.DivRem(100, 7);
        (uint uq, uint ur) = Math.DivRem(100u, 7u);
        (long lq, long lr) = Math.DivRem(long.MaxValue, 1_000_000_007L);
        Transcript.WriteLine(q + " " + r + " " + uq + " " + ur + " " + lq + " " + lr);
        (byte bq, byte br) = Math.DivRem((byte)255, (byte)16);
        (short sq, short sr) = Math.DivRem((short)-32768, (short)1000);
        Transcript.WriteLine(bq + " " + br + " " + sq + " " + sr);
        Transcript.WriteLine(Math.BigMul(int.MaxValue, int.MaxValue) + " " + Math.BigMul(uint.MaxValue, uint.MaxValue) + " " + Math.BigMul(-65536, 65536));
        ulong high = Math.BigMul(ulong.MaxValue, 3UL, out ulong low);
        Transcript.WriteLine(high + " " + low);
        long shigh = Math.BigMul(long.MinValue, -2L, out long slow);
        Transcript.WriteLine(shigh + " " + slow);
        Try(() => Math.Abs(int.MinValue));
        Try(() => Math.Abs((short)short.MinValue));
        Try(() => Math.Clamp(1, 5, 4));
        Try(() => Math.DivRem(1, 0).Quotient);
        Try(() => Math.DivRem(int.MinValue, -1).Quotient);
        return 0;
    }

    private static void Try(Func<long> f)
    {
        try
        {
            Transcript.WriteLine("value " + f());
        }
        catch (OverflowException e)
        {
            Transcript.WriteLine("OverflowException: " + e.Message);
        }
        catch (DivideByZeroException e)
        {
            Transcript.WriteLine("DivideByZeroException: " + e.Message);
        }
        catch (ArgumentException e)
        {
            Transcript.WriteLine("ArgumentException: " + e.Message);
        }
    }
}
