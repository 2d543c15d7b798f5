namespace System.Collections;

/// <summary>Supports a simple iteration over a non-generic collection.</summary>
public interface IEnumerator
{
    /// <summary>Gets the element in the collection at the current position of the enumerator.</summary>
    object Current { get; }

    /// <summary>Advances the enumerator to the next element of the collection.</summary>
    /// <returns><see langword="true"/> if the enumerator advanced to the next element; <see langword="false"/> if it passed the end.</returns>
    bool MoveNext();

    /// <summary>Sets the enumerator to its initial position, which is before the first element in the collection.</summary>
    void Reset();
}
