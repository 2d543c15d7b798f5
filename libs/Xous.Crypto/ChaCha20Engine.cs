using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>Sixteen 32-bit words kept inline (the ChaCha20 state).</summary>
[InlineArray(16)]
internal struct Words32x16
{
    private uint _element;
}

/// <summary>
/// ChaCha20 (RFC 8439 §2.3–2.4) as a stack-allocatable engine: the input state, the current key-stream block and
/// how much of it is used. Callers check lengths and the key-stream limit; <see cref="Clear"/> wipes everything.
/// </summary>
internal struct ChaCha20Engine
{
    /// <summary>Blocks one key and nonce can produce: the 32-bit block counter takes 2^32 values.</summary>
    public const ulong CounterValues = 1UL << 32;

    private Words32x16 _input;
    private Bytes64 _keyStream;
    private int _used;
    private ulong _nextBlock;

    /// <summary>Key-stream bytes still available: the rest of the current block and every block not yet made.</summary>
    public readonly ulong RemainingBytes => (ulong)(64 - _used) + ((CounterValues - _nextBlock) * 64);

    /// <summary>Loads key, nonce and the first block counter (lengths checked by the caller).</summary>
    public void Initialize(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter)
    {
        LoadInput(_input, key, nonce, counter);
        ((Span<byte>)_keyStream).Clear();
        _used = 64;
        _nextBlock = counter;
    }

    /// <summary>
    /// XORs the key stream into <paramref name="source"/>, writing <paramref name="destination"/> (same length, at
    /// most <see cref="RemainingBytes"/>, checked by the caller). The spans may be the same memory.
    /// </summary>
    public void Transform(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<byte> keyStream = _keyStream;
        Span<uint> input = _input;
        int done = 0;
        while (done < source.Length)
        {
            if (_used == 64)
            {
                input[12] = unchecked((uint)_nextBlock);
                Block(input, keyStream);
                _nextBlock++;
                _used = 0;
            }

            int take = Math.Min(64 - _used, source.Length - done);
            for (int i = 0; i < take; i++)
            {
                destination[done + i] = (byte)(source[done + i] ^ keyStream[_used + i]);
            }

            _used += take;
            done += take;
        }
    }

    /// <summary>Wipes the key, nonce, key stream and position.</summary>
    public void Clear()
    {
        ((Span<uint>)_input).Clear();
        ((Span<byte>)_keyStream).Clear();
        _used = 0;
        _nextBlock = 0;
    }

    /// <summary>Fills the sixteen input words: constants, key, counter, nonce (RFC 8439 §2.3).</summary>
    public static void LoadInput(Span<uint> input, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter)
    {
        input[0] = 0x61707865;
        input[1] = 0x3320646e;
        input[2] = 0x79622d32;
        input[3] = 0x6b206574;
        for (int i = 0; i < 8; i++)
        {
            input[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
        }

        input[12] = counter;
        for (int i = 0; i < 3; i++)
        {
            input[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce[(4 * i)..]);
        }
    }

    /// <summary>The ChaCha20 block function: 20 rounds over a copy of <paramref name="input"/>, added back, serialised.</summary>
    public static void Block(ReadOnlySpan<uint> input, Span<byte> output)
    {
        Words32x16 working = default;
        Span<uint> x = working;
        input.CopyTo(x);
        for (int round = 0; round < 10; round++)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 1, 5, 9, 13);
            QuarterRound(x, 2, 6, 10, 14);
            QuarterRound(x, 3, 7, 11, 15);
            QuarterRound(x, 0, 5, 10, 15);
            QuarterRound(x, 1, 6, 11, 12);
            QuarterRound(x, 2, 7, 8, 13);
            QuarterRound(x, 3, 4, 9, 14);
        }

        for (int i = 0; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output[(4 * i)..], unchecked(x[i] + input[i]));
        }

        x.Clear();
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] = unchecked(x[a] + x[b]);
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
        x[c] = unchecked(x[c] + x[d]);
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
        x[a] = unchecked(x[a] + x[b]);
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
        x[c] = unchecked(x[c] + x[d]);
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
    }
}
