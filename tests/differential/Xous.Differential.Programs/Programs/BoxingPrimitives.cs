using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Boxing and unboxing every primitive: boxes are copies, Equals across types is false, unboxing to the wrong type throws.</summary>
public static class BoxingPrimitives
{
    public static int Main()
    {
        object[] boxes = { true, (byte)200, (sbyte)-5, (short)-300, (ushort)65000, 'x', 123456, 4000000000u, -5000000000L, 18000000000000000000UL };
        foreach (object o in boxes)
        {
            Transcript.Write(o.ToString() + " ");
        }

        Transcript.WriteLine();
        int i = 41;
        object boxed = i;
        i++;
        Transcript.WriteLine((int)boxed + " " + i);
        object again = i;
        Transcript.WriteLine(boxed.Equals(41) + " " + again.Equals(42) + " " + again.Equals(42L) + " " + ((object)42L).Equals(42L));
        object one = 1;
        object otherOne = 1;
        Transcript.WriteLine(ReferenceEquals(boxed, boxed) + " " + ReferenceEquals(one, otherOne) + " " + one.Equals(otherOne));
        Transcript.WriteLine(boxed.GetHashCode() + " " + ((object)'A').GetHashCode() + " " + ((object)(byte)7).GetHashCode());
        long widened = (int)boxed;
        Transcript.WriteLine(widened);
        Transcript.WriteLine(Unbox<long>(boxed));
        Transcript.WriteLine(Unbox<short>(boxes[3]));
        Transcript.WriteLine(Unbox<uint>(boxes[6]));
        Transcript.WriteLine(Unbox<int>(null));
        Transcript.WriteLine(Unbox<ulong>(boxes[9]));
        object b = true;
        Transcript.WriteLine(b is bool flag && flag);
        Transcript.WriteLine(Sum(1, 2L, (byte)3, 'd', 5u, "six"));
        return 0;
    }

    private static string Unbox<T>(object? o)
    {
        try
        {
            return "ok " + (T)o!;
        }
        catch (InvalidCastException)
        {
            return "InvalidCastException";
        }
        catch (NullReferenceException)
        {
            return "NullReferenceException";
        }
    }

    private static long Sum(params object[] items)
    {
        long total = 0;
        foreach (object o in items)
        {
            total += o switch
            {
                int v => v,
                long v => v * 10,
                byte v => v * 100,
                char v => v * 1000,
                uint v => v * 10000,
                _ => 1000000,
            };
        }

        return total;
    }
}
