using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Boxing Nullable&lt;T&gt; gives null or a box of T; unboxing a box of T to T? works; generic code over T? and is-patterns.</summary>
public static class NullableBoxing
{
    public static int Main()
    {
        int? some = 12;
        int? none = null;
        object? boxedSome = some;
        object? boxedNone = none;
        Transcript.WriteLine(boxedSome != null);
        Transcript.WriteLine(boxedNone == null);
        Transcript.WriteLine(boxedSome is int);
        Transcript.WriteLine(boxedSome is int?);
        Transcript.WriteLine((int)boxedSome!);
        int? back = (int?)boxedSome;
        Transcript.WriteLine(back.HasValue + " " + back.Value);
        int? backNone = (int?)boxedNone;
        Transcript.WriteLine(backNone.HasValue);
        object plain = 99;
        int? fromPlain = (int?)plain;
        Transcript.WriteLine(fromPlain.Value);
        Transcript.WriteLine(boxedSome.Equals(12));
        Transcript.WriteLine(some.Equals(12) + " " + none.Equals(null) + " " + some.Equals(null));
        Transcript.WriteLine(some.GetHashCode() + " " + none.GetHashCode());
        Transcript.WriteLine(Count(new int?[] { 1, null, 2, null, null }));
        Transcript.WriteLine(IsNull<int?>(null) + " " + IsNull<int?>(0) + " " + IsNull<string?>(null) + " " + IsNull(5));
        long? big = long.MinValue;
        object? bigBox = big;
        Transcript.WriteLine(bigBox is long l && l == long.MinValue);
        return 0;
    }

    private static int Count(int?[] values)
    {
        int nulls = 0;
        foreach (int? v in values)
        {
            object? o = v;
            if (o is null)
            {
                nulls++;
            }
        }

        return nulls;
    }

    private static bool IsNull<T>(T value) => value is null;
}
