namespace System.Collections.Generic;

/// <summary>The comparer returned by <see cref="EqualityComparer{T}.Create"/>; two are equal when their delegates are, as in .NET.</summary>
internal sealed class DelegateEqualityComparer<T> : EqualityComparer<T>
{
    private readonly Func<T?, T?, bool> _equals;
    private readonly Func<T, int> _getHashCode;

    public DelegateEqualityComparer(Func<T?, T?, bool> equals, Func<T, int> getHashCode)
    {
        _equals = equals;
        _getHashCode = getHashCode;
    }

    public override bool Equals(T? x, T? y) => _equals(x, y);

    public override int GetHashCode(T obj) => _getHashCode(obj);

    public override bool Equals(object? obj) =>
        obj is DelegateEqualityComparer<T> other && _equals.Equals(other._equals) && _getHashCode.Equals(other._getHashCode);

    public override int GetHashCode() => HashCode.Combine(_equals.GetHashCode(), _getHashCode.GetHashCode());
}
