using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Xous.Crypto;

/// <summary>SHA-256 (FIPS 180-4 §6.2) as a stack-allocatable engine.</summary>
internal struct Sha256Engine : IHashEngine
{
    private Words32x8 _state;
    private Bytes64 _buffer;
    private int _buffered;
    private ulong _length;

    public static int BlockSize => 64;

    public static int OutputSize => 32;

    private static ReadOnlySpan<uint> InitialValue =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    public void Initialize()
    {
        InitialValue.CopyTo(_state);
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
            int take = Math.Min(64 - _buffered, data.Length);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < 64)
            {
                return;
            }

            Compress(_state, buffer);
            _buffered = 0;
        }

        int whole = data.Length & ~63;
        if (whole > 0)
        {
            Compress(_state, data[..whole]);
            data = data[whole..];
        }

        data.CopyTo(buffer);
        _buffered = data.Length;
    }

    public void Finish(Span<byte> destination)
    {
        ulong bitLength = _length << 3;
        Span<byte> buffer = _buffer;
        buffer[_buffered++] = 0x80;
        if (_buffered > 56)
        {
            buffer[_buffered..].Clear();
            Compress(_state, buffer);
            _buffered = 0;
        }

        buffer[_buffered..56].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(buffer[56..], bitLength);
        Compress(_state, buffer);
        Span<uint> state = _state;
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }

        Initialize();
    }

    public void Clear()
    {
        ((Span<uint>)_state).Clear();
        ((Span<byte>)_buffer).Clear();
        _buffered = 0;
        _length = 0;
    }

    /// <summary>Runs the compression function over whole 64-byte blocks.</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        Span<uint> schedule = stackalloc uint[64];
        ReadOnlySpan<uint> k = RoundConstants;
        for (int offset = 0; offset < blocks.Length; offset += 64)
        {
            for (int t = 0; t < 16; t++)
            {
                schedule[t] = BinaryPrimitives.ReadUInt32BigEndian(blocks[(offset + (4 * t))..]);
            }

            for (int t = 16; t < 64; t++)
            {
                uint w15 = schedule[t - 15];
                uint w2 = schedule[t - 2];
                uint sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
                uint sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
                schedule[t] = unchecked(sigma1 + schedule[t - 7] + sigma0 + schedule[t - 16]);
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            for (int t = 0; t < 64; t++)
            {
                uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                uint choose = (e & f) ^ (~e & g);
                uint t1 = unchecked(h + bigSigma1 + choose + k[t] + schedule[t]);
                uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = unchecked(bigSigma0 + majority);
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
