using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>Up to fifteen bitsliced round keys (AES-256 has fifteen round keys).</summary>
[InlineArray(15)]
internal struct BitslicedRoundKeys
{
    private BitslicedState _element;
}

/// <summary>Up to fifteen round keys in the two-block, 32-bit bitsliced form.</summary>
[InlineArray(15)]
internal struct BitslicedRoundKeys32
{
    private BitslicedState32 _element;
}

/// <summary>Sixty 32-bit words kept inline (the longest AES key schedule, 4·(14 + 1) words).</summary>
[InlineArray(60)]
internal struct Words32x60
{
    private uint _element;
}

/// <summary>
/// Constant-time AES (FIPS 197) as a stack-allocatable engine: the round keys in both bitsliced forms (four blocks
/// in 64-bit words, two blocks in 32-bit words) and the number of rounds. One or two blocks per call take the 32-bit
/// form, three or four the 64-bit form; within a form the time does not depend on how many blocks are used.
/// Callers check key and buffer lengths; <see cref="Clear"/> wipes the round keys.
/// </summary>
internal struct AesEngine : IBlockOperations
{
    /// <summary>Blocks processed side by side by one bitsliced pass.</summary>
    public const int ParallelBlocks = AesBitslice.ParallelBlocks;

    private BitslicedRoundKeys _roundKeys;
    private BitslicedRoundKeys32 _roundKeys32;
    private int _rounds;

    /// <summary>The number of rounds: 10, 12 or 14; 0 when cleared.</summary>
    public readonly int Rounds => _rounds;

    /// <summary>Expands a 16-, 24- or 32-byte key (length checked by the caller) and bitslices every round key.</summary>
    public void Initialize(ReadOnlySpan<byte> key)
    {
        Words32x60 schedule = default;
        Span<uint> words = schedule;
        int roundKeyCount = ExpandKey(key, words);
        _rounds = roundKeyCount - 1;
        Span<byte> roundKeyBytes = stackalloc byte[16 * AesBitslice.ParallelBlocks];
        for (int first = 0; first < roundKeyCount; first += AesBitslice.ParallelBlocks)
        {
            // Four round keys are bitsliced in one pass, one per block position, then spread to all positions; the
            // same for the two-block form, two at a time.
            int count = Math.Min(AesBitslice.ParallelBlocks, roundKeyCount - first);
            for (int w = 0; w < 4 * count; w++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(roundKeyBytes[(4 * w)..], words[(4 * first) + w]);
            }

            BitslicedState packed = default;
            AesBitslice.Load(roundKeyBytes, count, ref packed);
            for (int k = 0; k < count; k++)
            {
                AesBitslice.Replicate(packed, k, ref _roundKeys[first + k]);
            }

            packed.Clear();
            for (int pair = 0; pair < count; pair += AesBitslice32.ParallelBlocks)
            {
                int pairCount = Math.Min(AesBitslice32.ParallelBlocks, count - pair);
                BitslicedState32 packed32 = default;
                AesBitslice32.Load(roundKeyBytes[(16 * pair)..], pairCount, ref packed32);
                for (int k = 0; k < pairCount; k++)
                {
                    AesBitslice32.Replicate(packed32, k, ref _roundKeys32[first + pair + k]);
                }

                packed32.Clear();
            }
        }

        roundKeyBytes.Clear();
        words.Clear();
    }

    /// <summary>
    /// The FIPS 197 key expansion (§5.2) into little-endian words (byte 0 of a word is its least significant byte);
    /// SubWord uses the bitsliced S-box, so the schedule is constant-time too. Returns the number of round keys.
    /// </summary>
    public static int ExpandKey(ReadOnlySpan<byte> key, Span<uint> words)
    {
        int keyWords = key.Length / 4;
        int total = 4 * (keyWords + 7);
        for (int i = 0; i < keyWords; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
        }

        uint roundConstant = 1;
        for (int i = keyWords; i < total; i++)
        {
            uint temp = words[i - 1];
            if (i % keyWords == 0)
            {
                // RotWord moves byte 1 to byte 0: a right rotation of the little-endian word.
                temp = AesBitslice.SubWord(BitOperations.RotateRight(temp, 8)) ^ roundConstant;
                roundConstant = (roundConstant << 1) ^ ((roundConstant >> 7) * 0x11B);
            }
            else if (keyWords > 6 && i % keyWords == 4)
            {
                temp = AesBitslice.SubWord(temp);
            }

            words[i] = words[i - keyWords] ^ temp;
        }

        return keyWords + 7;
    }

    /// <summary>
    /// Encrypts <paramref name="blocks"/> (1–4) blocks; the spans may be the same memory. One or two blocks take the
    /// 32-bit two-block form, three or four the 64-bit four-block form.
    /// </summary>
    public readonly void EncryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        if (blocks <= AesBitslice32.ParallelBlocks)
        {
            EncryptTwo(source, destination, blocks);
            return;
        }

        BitslicedState state = default;
        AesBitslice.Load(source, blocks, ref state);
        AesBitslice.AddRoundKey(ref state, _roundKeys[0]);
        for (int round = 1; round < _rounds; round++)
        {
            AesBitslice.SubBytes(ref state);
            AesBitslice.ShiftRows(ref state);
            AesBitslice.MixColumns(ref state);
            AesBitslice.AddRoundKey(ref state, _roundKeys[round]);
        }

        AesBitslice.SubBytes(ref state);
        AesBitslice.ShiftRows(ref state);
        AesBitslice.AddRoundKey(ref state, _roundKeys[_rounds]);
        AesBitslice.Store(ref state, blocks, destination);
    }

    /// <summary>Decrypts <paramref name="blocks"/> (1–4) blocks with the inverse cipher; the spans may be the same memory.</summary>
    public readonly void DecryptBlocks(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        if (blocks <= AesBitslice32.ParallelBlocks)
        {
            DecryptTwo(source, destination, blocks);
            return;
        }

        BitslicedState state = default;
        AesBitslice.Load(source, blocks, ref state);
        AesBitslice.AddRoundKey(ref state, _roundKeys[_rounds]);
        for (int round = _rounds - 1; round > 0; round--)
        {
            AesBitslice.InvShiftRows(ref state);
            AesBitslice.InvSubBytes(ref state);
            AesBitslice.AddRoundKey(ref state, _roundKeys[round]);
            AesBitslice.InvMixColumns(ref state);
        }

        AesBitslice.InvShiftRows(ref state);
        AesBitslice.InvSubBytes(ref state);
        AesBitslice.AddRoundKey(ref state, _roundKeys[0]);
        AesBitslice.Store(ref state, blocks, destination);
    }

    /// <summary>Encrypts one or two blocks in the 32-bit form.</summary>
    private readonly void EncryptTwo(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        BitslicedState32 state = default;
        AesBitslice32.Load(source, blocks, ref state);
        AesBitslice32.AddRoundKey(ref state, _roundKeys32[0]);
        for (int round = 1; round < _rounds; round++)
        {
            AesBitslice32.SubBytes(ref state);
            AesBitslice32.ShiftRows(ref state);
            AesBitslice32.MixColumns(ref state);
            AesBitslice32.AddRoundKey(ref state, _roundKeys32[round]);
        }

        AesBitslice32.SubBytes(ref state);
        AesBitslice32.ShiftRows(ref state);
        AesBitslice32.AddRoundKey(ref state, _roundKeys32[_rounds]);
        AesBitslice32.Store(ref state, blocks, destination);
    }

    /// <summary>Decrypts one or two blocks in the 32-bit form.</summary>
    private readonly void DecryptTwo(ReadOnlySpan<byte> source, Span<byte> destination, int blocks)
    {
        BitslicedState32 state = default;
        AesBitslice32.Load(source, blocks, ref state);
        AesBitslice32.AddRoundKey(ref state, _roundKeys32[_rounds]);
        for (int round = _rounds - 1; round > 0; round--)
        {
            AesBitslice32.InvShiftRows(ref state);
            AesBitslice32.InvSubBytes(ref state);
            AesBitslice32.AddRoundKey(ref state, _roundKeys32[round]);
            AesBitslice32.InvMixColumns(ref state);
        }

        AesBitslice32.InvShiftRows(ref state);
        AesBitslice32.InvSubBytes(ref state);
        AesBitslice32.AddRoundKey(ref state, _roundKeys32[0]);
        AesBitslice32.Store(ref state, blocks, destination);
    }

    /// <summary>Encrypts whole blocks (length a multiple of 16, checked by the caller), four at a time.</summary>
    public readonly void EncryptMany(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int offset = 0; offset < source.Length; offset += 16 * ParallelBlocks)
        {
            int blocks = Math.Min(ParallelBlocks, (source.Length - offset) / 16);
            EncryptBlocks(source[offset..], destination[offset..], blocks);
        }
    }

    /// <summary>Decrypts whole blocks (length a multiple of 16, checked by the caller), four at a time.</summary>
    public readonly void DecryptMany(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int offset = 0; offset < source.Length; offset += 16 * ParallelBlocks)
        {
            int blocks = Math.Min(ParallelBlocks, (source.Length - offset) / 16);
            DecryptBlocks(source[offset..], destination[offset..], blocks);
        }
    }

    /// <summary>Wipes the round keys.</summary>
    public void Clear()
    {
        ((Span<BitslicedState>)_roundKeys).Clear();
        ((Span<BitslicedState32>)_roundKeys32).Clear();
        _rounds = 0;
    }
}
