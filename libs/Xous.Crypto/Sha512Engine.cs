using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Xous.Crypto;

/// <summary>The SHA-512 compression and padding (FIPS 180-4 §6.4) shared by SHA-512 and SHA-512/256.</summary>
internal struct Sha512Core
{
    private Words64x8 _state;
    private Bytes128 _buffer;
    private int _buffered;
    private ulong _length;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];

    public void Initialize(ReadOnlySpan<ulong> initialValue)
    {
        initialValue.CopyTo(_state);
        ((Span<byte>)_buffer).Clear();
        _buffered = 0;
        _length = 0;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += (ulong)data.Length;
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            int take = Math.Min(128 - _buffered, data.Length);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < 128)
            {
                return;
            }

            Compress(_state, buffer);
            _buffered = 0;
        }

        int whole = data.Length & ~127;
        if (whole > 0)
        {
            Compress(_state, data[..whole]);
            data = data[whole..];
        }

        data.CopyTo(buffer);
        _buffered = data.Length;
    }

    /// <summary>Pads and writes the first <paramref name="destination"/>.Length / 8 state words (big-endian).</summary>
    public void Finish(Span<byte> destination)
    {
        // The message length in bits is a 128-bit number: the byte count shifted left by three.
        ulong lowBits = _length << 3;
        ulong highBits = _length >> 61;
        Span<byte> buffer = _buffer;
        buffer[_buffered++] = 0x80;
        if (_buffered > 112)
        {
            buffer[_buffered..].Clear();
            Compress(_state, buffer);
            _buffered = 0;
        }

        buffer[_buffered..112].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(buffer[112..], highBits);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[120..], lowBits);
        Compress(_state, buffer);
        Span<ulong> state = _state;
        for (int i = 0; i < destination.Length / 8; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[(8 * i)..], state[i]);
        }
    }

    public void Clear()
    {
        ((Span<ulong>)_state).Clear();
        ((Span<byte>)_buffer).Clear();
        _buffered = 0;
        _length = 0;
    }

    /// <summary>Runs the compression function over whole 128-byte blocks.</summary>
    private static void Compress(Span<ulong> state, ReadOnlySpan<byte> blocks)
    {
        Span<ulong> schedule = stackalloc ulong[80];
        ReadOnlySpan<ulong> k = RoundConstants;
        for (int offset = 0; offset < blocks.Length; offset += 128)
        {
            for (int t = 0; t < 16; t++)
            {
                schedule[t] = BinaryPrimitives.ReadUInt64BigEndian(blocks[(offset + (8 * t))..]);
            }

            for (int t = 16; t < 80; t++)
            {
                ulong w15 = schedule[t - 15];
                ulong w2 = schedule[t - 2];
                ulong sigma0 = BitOperations.RotateRight(w15, 1) ^ BitOperations.RotateRight(w15, 8) ^ (w15 >> 7);
                ulong sigma1 = BitOperations.RotateRight(w2, 19) ^ BitOperations.RotateRight(w2, 61) ^ (w2 >> 6);
                schedule[t] = unchecked(sigma1 + schedule[t - 7] + sigma0 + schedule[t - 16]);
            }

            ulong a = state[0], b = state[1], c = state[2], d = state[3];
            ulong e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 80; t++)
            {
                ulong bigSigma1 = BitOperations.RotateRight(e, 14) ^ BitOperations.RotateRight(e, 18) ^ BitOperations.RotateRight(e, 41);
                ulong choose = (e & f) ^ (~e & g);
                ulong t1 = unchecked(h + bigSigma1 + choose + k[t] + schedule[t]);
                ulong bigSigma0 = BitOperations.RotateRight(a, 28) ^ BitOperations.RotateRight(a, 34) ^ BitOperations.RotateRight(a, 39);
                ulong majority = (a & b) ^ (a & c) ^ (b & c);
                ulong t2 = unchecked(bigSigma0 + majority);
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            state[0] = unchecked(state[0] + a);
            state[1] = unchecked(state[1] + b);
            state[2] = unchecked(state[2] + c);
            state[3] = unchecked(state[3] + d);
            state[4] = unchecked(state[4] + e);
            state[5] = unchecked(state[5] + f);
            state[6] = unchecked(state[6] + g);
            state[7] = unchecked(state[7] + h);
        }

        schedule.Clear();
    }
}

/// <summary>SHA-512 (FIPS 180-4 §5.3.5 initial value, 64-byte digest).</summary>
internal struct Sha512Engine : IHashEngine
{
    private Sha512Core _core;

    public static int BlockSize => 128;

    public static int OutputSize => 64;

    private static ReadOnlySpan<ulong> InitialValue =>
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    public void Initialize() => _core.Initialize(InitialValue);

    public void Append(ReadOnlySpan<byte> data) => _core.Append(data);

    public void Finish(Span<byte> destination)
    {
        _core.Finish(destination[..64]);
        _core.Initialize(InitialValue);
    }

    public void Clear() => _core.Clear();
}

/// <summary>SHA-512/256 (FIPS 180-4 §5.3.6.2 initial value, digest truncated to 32 bytes).</summary>
internal struct Sha512Truncated256Engine : IHashEngine
{
    private Sha512Core _core;

    public static int BlockSize => 128;

    public static int OutputSize => 32;

    private static ReadOnlySpan<ulong> InitialValue =>
    [
        0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151, 0x963877195940eabd,
        0x96283ee2a88effe3, 0xbe5e1e2553863992, 0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2,
    ];

    public void Initialize() => _core.Initialize(InitialValue);

    public void Append(ReadOnlySpan<byte> data) => _core.Append(data);

    public void Finish(Span<byte> destination)
    {
        _core.Finish(destination[..32]);
        _core.Initialize(InitialValue);
    }

    public void Clear() => _core.Clear();
}
