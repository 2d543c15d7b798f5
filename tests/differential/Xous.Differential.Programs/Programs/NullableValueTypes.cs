using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Nullable&lt;T&gt;: HasValue/Value/GetValueOrDefault, lifted operators, ?? and ??=, comparisons with null, InvalidOperationException on Value.</summary>
public static class NullableValueTypes
{
    private struct Temp
    {
        public int Celsius;
    }

    public static int Main()
    {
        int? a = 5;
        int? b = null;
        Transcript.WriteLine(a.HasValue + " " + b.HasValue);
        Transcript.WriteLine(a.Value + " " + b.GetValueOrDefault() + " " + b.GetValueOrDefault(-1));
        int? sum = a + b;
        Transcript.WriteLine(sum.HasValue);
        Transcript.WriteLine((a * 3).ToString() + " [" + (b * 3).ToString() + "]");
        Transcript.WriteLine((a > 3) + " " + (b > 3) + " " + (b < 3) + " " + (b == null) + " " + (a != null));
        Transcript.WriteLine((a == 5) + " " + (b == 5) + " " + (b != 5));
        int c = b ?? 42;
        Transcript.WriteLine(c);
        b ??= 7;
        Transcript.WriteLine(b.Value);
        b ??= 8;
        Transcript.WriteLine(b.Value);
        long? widened = a;
        Transcript.WriteLine(widened.GetValueOrDefault() << 33);
        bool? t = true;
        bool? n = null;
        Transcript.WriteLine((t & n).ToString() + "|" + (t | n).ToString() + "|" + (!n).ToString() + "|" + (n ^ t).ToString());
        bool? f = false;
        Transcript.WriteLine((f & n).ToString() + "|" + (f | n).ToString());
        Temp? temp = new Temp { Celsius = -40 };
        Transcript.WriteLine(temp.Value.Celsius);
        Temp? noTemp = null;
        Transcript.WriteLine(noTemp?.Celsius ?? 999);
        try
        {
            Transcript.WriteLine(noTemp!.Value.Celsius);
        }
        catch (System.InvalidOperationException e)
        {
            Transcript.WriteLine("InvalidOperationException: " + e.Message);
        }

        int?[] arr = { 1, null, 3 };
        int total = 0;
        foreach (int? x in arr)
        {
            total += x ?? 100;
        }

        Transcript.WriteLine(total);
        Transcript.WriteLine(Describe(4) + " " + Describe(null));
        return 0;
    }

    private static string Describe(int? v) => v switch
    {
        null => "none",
        > 3 => "big",
        _ => "small",
    };
}
