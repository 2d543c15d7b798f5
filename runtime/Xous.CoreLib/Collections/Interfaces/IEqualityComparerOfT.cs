using System.Diagnostics.CodeAnalysis;

namespace System.Collections.Generic;

/// <summary>Defines methods to support the comparison of objects for equality.</summary>
/// <typeparam name="T">The type of objects to compare.</typeparam>
/// <remarks>.NET 10 declares <c>T</c> with <c>allows ref struct</c>; the device profile omits it (see <see cref="IEnumerable{T}"/>).</remarks>
public interface IEqualityComparer<in T>
{
    /// <summary>Determines whether the specified objects are equal.</summary>
    /// <param name="x">The first object to compare.</param>
    /// <param name="y">The second object to compare.</param>
    /// <returns><see langword="true"/> if the specified objects are equal; otherwise <see langword="false"/>.</returns>
    bool Equals(T? x, T? y);

    /// <summary>Returns a hash code for the specified object.</summary>
    /// <param name="obj">The object for which a hash code is to be returned.</param>
    /// <returns>A hash code for the specified object.</returns>
    int GetHashCode([DisallowNull] T obj);
}
