namespace System;

/// <summary>
/// The empty tuple and the Create helpers. Tuples of 1 to 4 elements are in ValueTuple.N.cs; equality and hashing
/// are inherited from ValueType (element-wise, as .NET's ValueTuple compares elements with their Equals).
/// </summary>
public struct ValueTuple
{
    public override string ToString() => "()";

    public static ValueTuple Create() => default;

    public static ValueTuple<T1> Create<T1>(T1 item1) => new ValueTuple<T1>(item1);

    public static (T1, T2) Create<T1, T2>(T1 item1, T2 item2) => (item1, item2);

    public static (T1, T2, T3) Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => (item1, item2, item3);

    public static (T1, T2, T3, T4) Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4) => (item1, item2, item3, item4);
}
