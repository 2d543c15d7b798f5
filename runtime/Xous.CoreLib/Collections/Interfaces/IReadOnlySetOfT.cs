namespace System.Collections.Generic;

/// <summary>Provides a read-only abstraction of a set.</summary>
/// <typeparam name="T">The type of elements in the set.</typeparam>
public interface IReadOnlySet<T> : IReadOnlyCollection<T>
{
    /// <summary>Determines if the set contains a specific item.</summary>
    /// <param name="item">The item to check if the set contains.</param>
    /// <returns><see langword="true"/> if found; otherwise <see langword="false"/>.</returns>
    bool Contains(T item);

    /// <summary>Determines whether the current set is a proper (strict) subset of a specified collection.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set is a proper subset of <paramref name="other"/>.</returns>
    bool IsProperSubsetOf(IEnumerable<T> other);

    /// <summary>Determines whether the current set is a proper (strict) superset of a specified collection.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set is a proper superset of <paramref name="other"/>.</returns>
    bool IsProperSupersetOf(IEnumerable<T> other);

    /// <summary>Determines whether the current set is a subset of a specified collection.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set is a subset of <paramref name="other"/>.</returns>
    bool IsSubsetOf(IEnumerable<T> other);

    /// <summary>Determines whether the current set is a superset of a specified collection.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set is a superset of <paramref name="other"/>.</returns>
    bool IsSupersetOf(IEnumerable<T> other);

    /// <summary>Determines whether the current set overlaps with the specified collection.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set and <paramref name="other"/> share at least one common element.</returns>
    bool Overlaps(IEnumerable<T> other);

    /// <summary>Determines whether the current set and the specified collection contain the same elements.</summary>
    /// <param name="other">The collection to compare to the current set.</param>
    /// <returns><see langword="true"/> if the current set is equal to <paramref name="other"/>.</returns>
    bool SetEquals(IEnumerable<T> other);
}
