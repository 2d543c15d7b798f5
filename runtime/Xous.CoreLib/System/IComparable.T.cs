namespace System;

/// <summary>Type-specific ordering.</summary>
public interface IComparable<in T>
{
    int CompareTo(T? other);
}
