using System.Diagnostics.CodeAnalysis;

namespace System.Collections.Generic;

/// <summary>Provides a base class for implementations of the <see cref="IEqualityComparer{T}"/> generic interface.</summary>
/// <typeparam name="T">The type of objects to compare.</typeparam>
/// <remarks>
/// <para>
/// .NET picks the default comparer by reflection. The device profile has no reflection, so <see cref="Default"/>
/// is one sealed comparer, <see cref="DefaultEqualityComparer{T}"/>, that dispatches on the value with type tests
/// (<c>x is IEquatable&lt;T&gt;</c>). After monomorphisation those tests are constants for value types, which
/// <c>tools/ilcompiler</c> folds; see <see cref="DefaultEqualityComparer{T}"/> for the cost.
/// </para>
/// <para>The non-generic <c>System.Collections.IEqualityComparer</c> is not in the profile.</para>
/// </remarks>
public abstract class EqualityComparer<T> : IEqualityComparer<T>
{
    /// <summary>Initializes a new instance of the <see cref="EqualityComparer{T}"/> class.</summary>
    protected EqualityComparer()
    {
    }

    /// <summary>Gets the default equality comparer for the type specified by the generic argument.</summary>
    public static EqualityComparer<T> Default { get; } = new DefaultEqualityComparer<T>();

    /// <summary>Creates an equality comparer from the specified delegates.</summary>
    /// <param name="equals">The delegate that determines whether two values are equal.</param>
    /// <param name="getHashCode">The delegate that computes a hash code; without it, <see cref="GetHashCode(T)"/> throws <see cref="NotSupportedException"/>.</param>
    /// <returns>The new comparer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="equals"/> is <see langword="null"/>.</exception>
    public static EqualityComparer<T> Create(Func<T?, T?, bool> equals, Func<T, int>? getHashCode = null)
    {
        if (equals is null)
        {
            throw new ArgumentNullException(nameof(equals));
        }

        getHashCode ??= _ => throw new NotSupportedException();
        return new DelegateEqualityComparer<T>(equals, getHashCode);
    }

    /// <summary>When overridden in a derived class, determines whether two objects of type <typeparamref name="T"/> are equal.</summary>
    /// <param name="x">The first object to compare.</param>
    /// <param name="y">The second object to compare.</param>
    /// <returns><see langword="true"/> if the specified objects are equal; otherwise <see langword="false"/>.</returns>
    public abstract bool Equals(T? x, T? y);

    /// <summary>When overridden in a derived class, serves as a hash function for the specified object.</summary>
    /// <param name="obj">The object for which to get a hash code.</param>
    /// <returns>A hash code for the specified object.</returns>
    public abstract int GetHashCode([DisallowNull] T obj);
}
