namespace System.Collections.Generic;

/// <summary>Defines a method that a type implements to compare two objects.</summary>
/// <typeparam name="T">The type of objects to compare.</typeparam>
/// <remarks>.NET 10 declares <c>T</c> with <c>allows ref struct</c>; the device profile omits it (see <see cref="IEnumerable{T}"/>).</remarks>
public interface IComparer<in T>
{
    /// <summary>Compares two objects and returns a value indicating whether one is less than, equal to, or greater than the other.</summary>
    /// <param name="x">The first object to compare.</param>
    /// <param name="y">The second object to compare.</param>
    /// <returns>Less than zero if <paramref name="x"/> is less than <paramref name="y"/>, zero if equal, greater than zero if greater.</returns>
    int Compare(T? x, T? y);
}
