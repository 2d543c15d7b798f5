namespace System;

/// <summary>Ordering against an object of any type.</summary>
public interface IComparable
{
    int CompareTo(object? obj);
}
