using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Integers spelled out in English words by recursion over string pieces; exercises concatenation and lookups in string arrays.</summary>
public static class StringNumberToText
{
    private static readonly string[] s_small =
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    };

    private static readonly string[] s_tens = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };

    public static int Main()
    {
        long[] values = { 0, 7, 13, 20, 42, 99, 100, 101, 999, 1000, 1001, 12345, 1000000, 2147483647, -15, 9223372036854775807 };
        foreach (long v in values)
        {
            Transcript.WriteLine(v + ": " + Words(v));
        }

        return 0;
    }

    private static string Words(long n)
    {
        if (n < 0)
        {
            return "minus " + Words(-n);
        }

        if (n < 20)
        {
            return s_small[n];
        }

        if (n < 100)
        {
            return s_tens[n / 10] + (n % 10 != 0 ? "-" + s_small[n % 10] : "");
        }

        if (n < 1000)
        {
            return s_small[n / 100] + " hundred" + (n % 100 != 0 ? " and " + Words(n % 100) : "");
        }

        string[] scales = { "thousand", "million", "billion", "trillion", "quadrillion", "quintillion" };
        long unit = 1000;
        int scale = 0;
        while (n / unit >= 1000)
        {
            unit *= 1000;
            scale++;
        }

        long rest = n % unit;
        return Words(n / unit) + " " + scales[scale] + (rest != 0 ? (rest < 100 ? " and " : ", ") + Words(rest) : "");
    }
}
