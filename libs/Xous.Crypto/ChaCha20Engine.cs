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
            if (take == 64)
            {
                // A whole block: XOR word by word.
                for (int i = 0; i < 64; i += 4)
                {
                    uint word = BinaryPrimitives.ReadUInt32LittleEndian(source[(done + i)..]) ^ BinaryPrimitives.ReadUInt32LittleEndian(keyStream[i..]);
                    BinaryPrimitives.WriteUInt32LittleEndian(destination[(done + i)..], word);
                }
            }
            else
            {
                for (int i = 0; i < take; i++)
                {
                    destination[done + i] = (byte)(source[done + i] ^ keyStream[_used + i]);
                }
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
    /// <remarks>
    /// The working state lives in sixteen locals (not a span), so that the device compiler's C keeps it in registers:
    /// RV32 has enough for all sixteen words and the temporaries, and no bounds checks are needed inside the rounds.
    /// </remarks>
    public static void Block(ReadOnlySpan<uint> input, Span<byte> output)
    {
        if (input.Length < 16 || output.Length < 64)
        {
            throw new ArgumentException("ChaCha20 block: 16 input words and 64 output bytes are needed.");
        }

        uint x0 = input[0], x1 = input[1], x2 = input[2], x3 = input[3];
        uint x4 = input[4], x5 = input[5], x6 = input[6], x7 = input[7];
        uint x8 = input[8], x9 = input[9], x10 = input[10], x11 = input[11];
        uint x12 = input[12], x13 = input[13], x14 = input[14], x15 = input[15];
        for (int round = 0; round < 10; round++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(output, unchecked(x0 + input[0]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[4..], unchecked(x1 + input[1]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[8..], unchecked(x2 + input[2]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[12..], unchecked(x3 + input[3]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[16..], unchecked(x4 + input[4]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[20..], unchecked(x5 + input[5]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[24..], unchecked(x6 + input[6]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[28..], unchecked(x7 + input[7]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[32..], unchecked(x8 + input[8]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[36..], unchecked(x9 + input[9]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[40..], unchecked(x10 + input[10]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[44..], unchecked(x11 + input[11]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[48..], unchecked(x12 + input[12]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[52..], unchecked(x13 + input[13]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[56..], unchecked(x14 + input[14]));
        BinaryPrimitives.WriteUInt32LittleEndian(output[60..], unchecked(x15 + input[15]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a = unchecked(a + b);
        d = BitOperations.RotateLeft(d ^ a, 16);
        c = unchecked(c + d);
        b = BitOperations.RotateLeft(b ^ c, 12);
        a = unchecked(a + b);
        d = BitOperations.RotateLeft(d ^ a, 8);
        c = unchecked(c + d);
        b = BitOperations.RotateLeft(b ^ c, 7);
    }
}
