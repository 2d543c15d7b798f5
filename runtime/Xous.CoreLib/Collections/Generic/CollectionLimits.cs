namespace System.Collections.Generic;

/// <summary>Limits shared by the growable collections, with .NET's values.</summary>
internal static class CollectionLimits
{
    /// <summary>.NET's <c>Array.MaxLength</c>: growth by doubling is capped here, as in .NET.</summary>
    internal const int MaxArrayLength = 0x7FFFFFC7;

    /// <summary>The capacity a list, stack or queue gets on its first growth from empty.</summary>
    internal const int DefaultCapacity = 4;

    /// <summary>
    /// <c>TrimExcess</c> shrinks a list, stack or queue only when it is less than 90 % full. .NET computes
    /// <c>(int)(length * 0.9)</c> in <c>double</c>; for every non-negative <c>int</c> that equals <c>length * 9 / 10</c>
    /// in integers (0.9's representation error, below 2.3e-17 · length, never crosses an integer), so no floating point.
    /// </summary>
    internal static int TrimThreshold(int length) => (int)((long)length * 9 / 10);
}
