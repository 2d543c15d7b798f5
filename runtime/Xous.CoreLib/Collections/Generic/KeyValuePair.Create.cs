namespace System.Collections.Generic;

/// <summary>Creates instances of the <see cref="KeyValuePair{TKey, TValue}"/> struct.</summary>
/// <remarks>Kept beside the generic struct (<c>KeyValuePair.cs</c>), as in .NET; one type per file.</remarks>
public static class KeyValuePair
{
    /// <summary>Creates a new key/value pair instance using provided values.</summary>
    /// <typeparam name="TKey">The type of the key.</typeparam>
    /// <typeparam name="TValue">The type of the value.</typeparam>
    /// <param name="key">The key of the new pair.</param>
    /// <param name="value">The value of the new pair.</param>
    /// <returns>A key/value pair containing the provided arguments as values.</returns>
    public static KeyValuePair<TKey, TValue> Create<TKey, TValue>(TKey key, TValue value) =>
        new KeyValuePair<TKey, TValue>(key, value);
}
