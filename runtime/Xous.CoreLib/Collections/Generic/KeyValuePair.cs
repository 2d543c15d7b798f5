namespace System.Collections.Generic;

/// <summary>Defines a key/value pair that can be set or retrieved.</summary>
/// <typeparam name="TKey">The type of the key.</typeparam>
/// <typeparam name="TValue">The type of the value.</typeparam>
/// <remarks>The factory <see cref="KeyValuePair.Create{TKey, TValue}(TKey, TValue)"/> lives in <c>KeyValuePair.Create.cs</c>.</remarks>
public readonly struct KeyValuePair<TKey, TValue>
{
    private readonly TKey _key;
    private readonly TValue _value;

    /// <summary>Initializes a new instance of the <see cref="KeyValuePair{TKey, TValue}"/> structure with the specified key and value.</summary>
    /// <param name="key">The object defined in each key/value pair.</param>
    /// <param name="value">The definition associated with <paramref name="key"/>.</param>
    public KeyValuePair(TKey key, TValue value)
    {
        _key = key;
        _value = value;
    }

    /// <summary>Gets the key in the key/value pair.</summary>
    public TKey Key => _key;

    /// <summary>Gets the value in the key/value pair.</summary>
    public TValue Value => _value;

    /// <summary>Deconstructs the current <see cref="KeyValuePair{TKey, TValue}"/>.</summary>
    /// <param name="key">The key of the current pair.</param>
    /// <param name="value">The value of the current pair.</param>
    public void Deconstruct(out TKey key, out TValue value)
    {
        key = _key;
        value = _value;
    }

    /// <summary>Returns a string representation of the pair, <c>[key, value]</c>, with an empty string for a null key or value.</summary>
    /// <returns>A string representation of the pair.</returns>
    public override string ToString()
    {
        string? key = _key is null ? null : _key.ToString();
        string? value = _value is null ? null : _value.ToString();
        return string.Concat("[", key, ", ", value) + "]";
    }
}
