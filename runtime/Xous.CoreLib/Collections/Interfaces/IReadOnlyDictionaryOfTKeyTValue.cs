using System.Diagnostics.CodeAnalysis;

namespace System.Collections.Generic;

/// <summary>Represents a generic read-only collection of key/value pairs.</summary>
/// <typeparam name="TKey">The type of keys in the read-only dictionary.</typeparam>
/// <typeparam name="TValue">The type of values in the read-only dictionary.</typeparam>
public interface IReadOnlyDictionary<TKey, TValue> : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
{
    /// <summary>Determines whether the read-only dictionary contains an element that has the specified key.</summary>
    /// <param name="key">The key to locate.</param>
    /// <returns><see langword="true"/> if the dictionary contains an element with the key; otherwise <see langword="false"/>.</returns>
    bool ContainsKey(TKey key);

    /// <summary>Gets the value that is associated with the specified key.</summary>
    /// <param name="key">The key to locate.</param>
    /// <param name="value">The value associated with the key if it is found; otherwise the default value.</param>
    /// <returns><see langword="true"/> if the dictionary contains an element with the key; otherwise <see langword="false"/>.</returns>
    bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value);

    /// <summary>Gets the element that has the specified key in the read-only dictionary.</summary>
    /// <param name="key">The key to locate.</param>
    TValue this[TKey key] { get; }

    /// <summary>Gets an enumerable collection that contains the keys in the read-only dictionary.</summary>
    IEnumerable<TKey> Keys { get; }

    /// <summary>Gets an enumerable collection that contains the values in the read-only dictionary.</summary>
    IEnumerable<TValue> Values { get; }
}
