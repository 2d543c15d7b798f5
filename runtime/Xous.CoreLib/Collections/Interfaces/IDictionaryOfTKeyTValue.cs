using System.Diagnostics.CodeAnalysis;

namespace System.Collections.Generic;

/// <summary>Represents a generic collection of key/value pairs.</summary>
/// <typeparam name="TKey">The type of keys in the dictionary.</typeparam>
/// <typeparam name="TValue">The type of values in the dictionary.</typeparam>
public interface IDictionary<TKey, TValue> : ICollection<KeyValuePair<TKey, TValue>>
{
    /// <summary>Gets or sets the element with the specified key.</summary>
    /// <param name="key">The key of the element to get or set.</param>
    TValue this[TKey key] { get; set; }

    /// <summary>Gets a collection containing the keys of the dictionary.</summary>
    ICollection<TKey> Keys { get; }

    /// <summary>Gets a collection containing the values in the dictionary.</summary>
    ICollection<TValue> Values { get; }

    /// <summary>Determines whether the dictionary contains an element with the specified key.</summary>
    /// <param name="key">The key to locate.</param>
    /// <returns><see langword="true"/> if the dictionary contains an element with the key; otherwise <see langword="false"/>.</returns>
    bool ContainsKey(TKey key);

    /// <summary>Adds an element with the provided key and value.</summary>
    /// <param name="key">The key of the element to add.</param>
    /// <param name="value">The value of the element to add.</param>
    void Add(TKey key, TValue value);

    /// <summary>Removes the element with the specified key.</summary>
    /// <param name="key">The key of the element to remove.</param>
    /// <returns><see langword="true"/> if the element was removed; otherwise <see langword="false"/>.</returns>
    bool Remove(TKey key);

    /// <summary>Gets the value associated with the specified key.</summary>
    /// <param name="key">The key whose value to get.</param>
    /// <param name="value">The value associated with the key if it is found; otherwise the default value.</param>
    /// <returns><see langword="true"/> if the dictionary contains an element with the key; otherwise <see langword="false"/>.</returns>
    bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value);
}
