namespace System;

/// <summary>A tuple of 1 element (C# tuple syntax maps to it).</summary>
public struct ValueTuple<T1>
{
    public T1 Item1;

    public ValueTuple(T1 item1)
    {
        Item1 = item1;
    }

    /// <summary>"(" + the elements' ToString joined by ", " + ")", as .NET writes it.</summary>
    public override string ToString() => string.Concat(new string?[] { "(", Item1?.ToString(), ")" });
}
