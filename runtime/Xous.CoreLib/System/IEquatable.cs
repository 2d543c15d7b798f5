namespace System;

/// <summary>Type-specific equality.</summary>
public interface IEquatable<T>
{
    bool Equals(T? other);
}
