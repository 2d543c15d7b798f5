namespace System.Collections.Generic;

/// <summary>
/// The comparer behind <see cref="Comparer{T}.Default"/>: <c>null</c> sorts first, then
/// <see cref="IComparable{T}.CompareTo(T)"/>, then (for one object compared with itself) 0, then the non-generic
/// <see cref="IComparable"/> of either value (enums implement it), otherwise <see cref="ArgumentException"/>, as in .NET.
/// </summary>
/// <remarks>
/// The type tests are on the value, as in <see cref="DefaultEqualityComparer{T}"/>, and carry the same cost: for a
/// value type <c>T</c>, <c>tools/ilcompiler</c> must fold <c>box T; isinst; callvirt</c> into a direct call, or each
/// comparison allocates a box.
/// </remarks>
internal sealed class DefaultComparer<T> : Comparer<T>
{
    public override int Compare(T? x, T? y)
    {
        if (x is null)
        {
            return y is null ? 0 : -1;
        }

        if (y is null)
        {
            return 1;
        }

        if (x is IComparable<T>)
        {
            return ((IComparable<T>)x).CompareTo(y);
        }

        // From here on this is .NET's fallback, System.Collections.Comparer.Default, which first answers 0 for one
        // object compared with itself (only reference types can be the same object).
        if (default(T) == null && ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is IComparable)
        {
            return ((IComparable)x).CompareTo(y);
        }

        if (y is IComparable)
        {
            return -((IComparable)y).CompareTo(x);
        }

        throw new ArgumentException("At least one object must implement IComparable.");
    }
}
