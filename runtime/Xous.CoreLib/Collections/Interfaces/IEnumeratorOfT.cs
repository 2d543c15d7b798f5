namespace System.Collections.Generic;

/// <summary>Supports a simple iteration over a generic collection.</summary>
/// <typeparam name="T">The type of objects to enumerate.</typeparam>
/// <remarks>.NET 10 declares <c>T</c> with <c>allows ref struct</c>; the device profile omits it (see <see cref="IEnumerable{T}"/>).</remarks>
public interface IEnumerator<out T> : IDisposable, IEnumerator
{
    /// <summary>Gets the element in the collection at the current position of the enumerator.</summary>
    new T Current { get; }
}
