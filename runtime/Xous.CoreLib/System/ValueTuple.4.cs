namespace System;

/// <summary>A tuple of 4 elements (C# tuple syntax maps to it).</summary>
public struct ValueTuple<T1, T2, T3, T4>
{
    public T1 Item1;

    public T2 Item2;

    public T3 Item3;

    public T4 Item4;

    public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4)
    {
        Item1 = item1;
        Item2 = item2;
        Item3 = item3;
        Item4 = item4;
    }

    /// <summary>"(" + the elements' ToString joined by ", " + ")", as .NET writes it.</summary>
    public override string ToString() => string.Concat(new string?[] { "(", Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ")" });
}
