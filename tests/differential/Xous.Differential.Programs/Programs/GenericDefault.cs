using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>default(T) for every kind of T, default literals, and comparing against default through EqualityComparer.</summary>
public static class GenericDefault
{
    private struct Mixed
    {
        public int A;
        public string? S;
        public long L;
    }

    public static int Main()
    {
        Show<int>();
        Show<long>();
        Show<bool>();
        Show<byte>();
        Show<string>();
        Show<object>();
        Show<int[]>();
        Show<int?>();
        Show<Mixed>();
        Transcript.WriteLine(IsDefault(0) + " " + IsDefault(1));
        Transcript.WriteLine(IsDefault<string?>(null) + " " + IsDefault(""));
        Transcript.WriteLine(IsDefault(new Mixed()) + " " + IsDefault(new Mixed { L = 1 }) + " " + IsDefault(new Mixed { A = 2, S = "s" }));
        Transcript.WriteLine(IsDefault<int?>(null) + " " + IsDefault<int?>(0));
        Transcript.WriteLine((int)DefaultOf<char>());
        Mixed m = default;
        Transcript.WriteLine(m.A + " " + (m.S == null) + " " + m.L);
        int[] arr = Fill<int>(3);
        string?[] sarr = Fill<string>(2);
        Transcript.WriteLine(arr.Length + " " + arr[2] + " " + (sarr[1] == null));
        return 0;
    }

    private static void Show<T>()
    {
        T? value = default;
        Transcript.WriteLine(value is null ? "null" : "[" + value.ToString() + "]");
    }

    private static T DefaultOf<T>() => default!;

    private static bool IsDefault<T>(T value) => System.Collections.Generic.EqualityComparer<T>.Default.Equals(value, default!);

    private static T?[] Fill<T>(int n)
    {
        var result = new T?[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = default;
        }

        return result;
    }
}
