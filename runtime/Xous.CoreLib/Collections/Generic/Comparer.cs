namespace System.Collections.Generic;

/// <summary>Provides a base class for implementations of the <see cref="IComparer{T}"/> generic interface.</summary>
/// <typeparam name="T">The type of objects to compare.</typeparam>
/// <remarks>
/// <see cref="Default"/> is <see cref="DefaultComparer{T}"/>, chosen without reflection (see there).
/// The non-generic <c>System.Collections.IComparer</c> is not in the profile.
/// </remarks>
public abstract class Comparer<T> : IComparer<T>
{
    /// <summary>Initializes a new instance of the <see cref="Comparer{T}"/> class.</summary>
    protected Comparer()
    {
    }

    /// <summary>Returns a default sort order comparer for the type specified by the generic argument.</summary>
    public static Comparer<T> Default { get; } = new DefaultComparer<T>();

    /// <summary>Creates a comparer by using the specified comparison.</summary>
    /// <param name="comparison">The comparison to use.</param>
    /// <returns>The new comparer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is <see langword="null"/>.</exception>
    public static Comparer<T> Create(Comparison<T> comparison)
    {
        if (comparison is null)
        {
            throw new ArgumentNullException(nameof(comparison));
        }

        return new ComparisonComparer<T>(comparison);
    }

    /// <summary>When overridden in a derived class, performs a comparison of two objects of the same type.</summary>
    /// <param name="x">The first object to compare.</param>
    /// <param name="y">The second object to compare.</param>
    /// <returns>Less than zero if <paramref name="x"/> is less than <paramref name="y"/>, zero if equal, greater than zero if greater.</returns>
    public abstract int Compare(T? x, T? y);
}
