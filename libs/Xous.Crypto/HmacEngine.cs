using System;

namespace Xous.Crypto;

/// <summary>
/// HMAC (RFC 2104) over a stack-allocatable hash engine. It keeps the engine states after absorbing the inner
/// and outer padded keys, so the key pads themselves are wiped as soon as the key is set.
/// </summary>
internal struct HmacEngine<THash>
    where THash : struct, IHashEngine
{
    private THash _innerStart;
    private THash _outerStart;
    private THash _inner;

    public static int OutputSize => THash.OutputSize;

    public void Initialize(ReadOnlySpan<byte> key)
    {
        Span<byte> pad = stackalloc byte[128];
        pad = pad[..THash.BlockSize];
        pad.Clear();
        if (key.Length > THash.BlockSize)
        {
            THash keyHash = default;
            keyHash.Initialize();
            keyHash.Append(key);
            keyHash.Finish(pad[..THash.OutputSize]);
            keyHash.Clear();
        }
        else
        {
            key.CopyTo(pad);
        }

        for (int i = 0; i < pad.Length; i++)
        {
            pad[i] ^= 0x36;
        }

        _innerStart = default;
        _innerStart.Initialize();
        _innerStart.Append(pad);
        for (int i = 0; i < pad.Length; i++)
        {
            pad[i] ^= 0x36 ^ 0x5c;
        }

        _outerStart = default;
        _outerStart.Initialize();
        _outerStart.Append(pad);
        pad.Clear();
        _inner = _innerStart;
    }

    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    /// <summary>Writes the MAC (exactly <see cref="OutputSize"/> bytes, checked by the caller) and restarts.</summary>
    public void Finish(Span<byte> destination)
    {
        Span<byte> innerHash = stackalloc byte[64];
        innerHash = innerHash[..THash.OutputSize];
        _inner.Finish(innerHash);
        THash outer = _outerStart;
        outer.Append(innerHash);
        outer.Finish(destination);
        outer.Clear();
        innerHash.Clear();
        _inner = _innerStart;
    }

    /// <summary>Discards the message so far; the key stays.</summary>
    public void Restart() => _inner = _innerStart;

    public void Clear()
    {
        _innerStart.Clear();
        _outerStart.Clear();
        _inner.Clear();
    }
}
