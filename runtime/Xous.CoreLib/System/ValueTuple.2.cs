namespace System;

/// <summary>A tuple of 2 elements (C# tuple syntax maps to it).</summary>
public struct ValueTuple<T1, T2>
{
    public T1 Item1;

    public T2 Item2;

    public ValueTuple(T1 item1, T2 item2)
    {
        Item1 = item1;
        Item2 = item2;
    }

    /// <summary>"(" + the elements' ToString joined by ", " + ")", as .NET writes it.</summary>
    public override string ToString() => string.Concat(new string?[] { "(", Item1?.ToString(), ", ", Item2?.ToString(), ")" });
}
