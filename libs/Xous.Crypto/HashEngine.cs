using System;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>
/// A software hash engine kept in a struct, so that one-shot helpers, HMAC and HKDF run on the stack without
/// allocating. <see cref="Finish"/> leaves the engine initialised; <see cref="Clear"/> wipes it.
/// </summary>
internal interface IHashEngine
{
    /// <summary>Block size in bytes.</summary>
    static abstract int BlockSize { get; }

    /// <summary>Digest size in bytes.</summary>
    static abstract int OutputSize { get; }

    /// <summary>Sets the initial hash value and empties the buffer.</summary>
    void Initialize();

    /// <summary>Absorbs message bytes.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Pads, writes exactly <see cref="OutputSize"/> bytes (checked by the caller) and re-initialises.</summary>
    void Finish(Span<byte> destination);

    /// <summary>Wipes state, buffer and length (the engine must be initialised again before use).</summary>
    void Clear();
}

/// <summary>Eight 32-bit words kept inline (the SHA-256 state).</summary>
[InlineArray(8)]
internal struct Words32x8
{
    private uint _element;
}

/// <summary>Eight 64-bit words kept inline (the SHA-512 state).</summary>
[InlineArray(8)]
internal struct Words64x8
{
    private ulong _element;
}

/// <summary>A 64-byte inline buffer (one SHA-256 block).</summary>
[InlineArray(64)]
internal struct Bytes64
{
    private byte _element;
}

/// <summary>A 128-byte inline buffer (one SHA-512 block).</summary>
[InlineArray(128)]
internal struct Bytes128
{
    private byte _element;
}

/// <summary>Argument checks shared by the public types; messages never contain secret data.</summary>
internal static class Check
{
    public static void Length(int actual, int expected, string parameterName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected exactly {expected} bytes, got {actual}.", parameterName);
        }
    }

    public static void NotDisposed(bool disposed, string typeName)
    {
        if (disposed)
        {
            throw new ObjectDisposedException(typeName);
        }
    }
}
