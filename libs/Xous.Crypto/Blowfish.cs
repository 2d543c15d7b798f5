using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>
/// The expensive key schedule of bcrypt ("EksBlowfish", Provos and Mazières 1999) over a Blowfish state of
/// 18 + 1024 words in five arrays on the heap (4,168 bytes, not on the caller's stack). Keys and salts arrive
/// as words already: the key as the 18 big-endian words of its cyclic byte stream, the salt as its 4 big-endian
/// words. <see cref="Clear"/> wipes the state; the owner calls it when done.
/// </summary>
/// <remarks>
/// The S-box lookups are indexed by key-dependent data, as Blowfish is designed; the time and the memory access
/// pattern therefore depend on the password. The state lives in plain arrays rather than inline arrays: array
/// element access is a single IL instruction, which keeps unoptimised (Debug) builds and the IL-to-C translation
/// fast, and the optimised JIT code is as fast as BouncyCastle's.
/// </remarks>
internal sealed class EksBlowfish
{
    /// <summary>Words in the P-array.</summary>
    public const int SubkeyCount = 18;

    /// <summary>Words in each S-box.</summary>
    public const int SboxSize = 256;

    private readonly uint[] _p = new uint[SubkeyCount];
    private readonly uint[] _s0 = new uint[SboxSize];
    private readonly uint[] _s1 = new uint[SboxSize];
    private readonly uint[] _s2 = new uint[SboxSize];
    private readonly uint[] _s3 = new uint[SboxSize];

    /// <summary>Loads the initial state: the hexadecimal digits of pi.</summary>
    public void Initialize()
    {
        BlowfishConstants.InitialSubkeys.CopyTo(_p);
        ReadOnlySpan<uint> boxes = BlowfishConstants.InitialSboxes;
        boxes[..SboxSize].CopyTo(_s0);
        boxes.Slice(SboxSize, SboxSize).CopyTo(_s1);
        boxes.Slice(2 * SboxSize, SboxSize).CopyTo(_s2);
        boxes.Slice(3 * SboxSize, SboxSize).CopyTo(_s3);
    }

    /// <summary>Wipes the P-array and the S-boxes.</summary>
    public void Clear()
    {
        _p.AsSpan().Clear();
        _s0.AsSpan().Clear();
        _s1.AsSpan().Clear();
        _s2.AsSpan().Clear();
        _s3.AsSpan().Clear();
    }

    /// <summary>
    /// ExpandKey(state, salt, key) of the bcrypt paper: XORs the key words into the P-array, then re-creates the
    /// P-array and the S-boxes by encrypting a running block XORed with the salt words (cycled two at a time).
    /// </summary>
    /// <param name="keyWords">The 18 words of the key's cyclic byte stream.</param>
    /// <param name="saltWords">The 4 words of the 16-byte salt.</param>
    public void ExpandKey(ReadOnlySpan<uint> keyWords, ReadOnlySpan<uint> saltWords)
    {
        Span<uint> p = _p;
        for (int i = 0; i < SubkeyCount; i++)
        {
            p[i] ^= keyWords[i];
        }

        uint left = 0;
        uint right = 0;
        int saltIndex = 0;
        for (int i = 0; i < SubkeyCount; i += 2)
        {
            left ^= saltWords[saltIndex];
            right ^= saltWords[saltIndex + 1];
            saltIndex ^= 2;
            Encipher(ref left, ref right);
            p[i] = left;
            p[i + 1] = right;
        }

        ExpandSbox(_s0, ref left, ref right, saltWords, ref saltIndex);
        ExpandSbox(_s1, ref left, ref right, saltWords, ref saltIndex);
        ExpandSbox(_s2, ref left, ref right, saltWords, ref saltIndex);
        ExpandSbox(_s3, ref left, ref right, saltWords, ref saltIndex);
    }

    /// <summary>
    /// ExpandKey(state, 0, key): XORs the key words into the P-array, then re-creates the P-array and the S-boxes by
    /// encrypting a running block that starts at zero. This runs 2^(cost+1) times per hash: it is the hot loop.
    /// </summary>
    /// <param name="keyWords">The 18 words of the key's cyclic byte stream (for the salt: its 4 words repeated).</param>
    public void ExpandKey(ReadOnlySpan<uint> keyWords)
    {
        Span<uint> p = _p;
        for (int i = 0; i < SubkeyCount; i++)
        {
            p[i] ^= keyWords[i];
        }

        uint left = 0;
        uint right = 0;
        for (int i = 0; i < SubkeyCount; i += 2)
        {
            Encipher(ref left, ref right);
            p[i] = left;
            p[i + 1] = right;
        }

        ExpandSbox(_s0, ref left, ref right);
        ExpandSbox(_s1, ref left, ref right);
        ExpandSbox(_s2, ref left, ref right);
        ExpandSbox(_s3, ref left, ref right);
    }

    /// <summary>Encrypts one 64-bit block (left and right halves) with the current state: 16 Feistel rounds.</summary>
    /// <param name="left">The left (first, big-endian) half; replaced by the ciphertext's left half.</param>
    /// <param name="right">The right half; replaced by the ciphertext's right half.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encipher(ref uint left, ref uint right)
    {
        uint[] p = _p;
        uint[] s0 = _s0;
        uint[] s1 = _s1;
        uint[] s2 = _s2;
        uint[] s3 = _s3;

        // Unrolled with constant subkey indices, p[17] read first so the JIT can drop the other subkey bounds checks;
        // F is written out in each round so that unoptimised builds make no calls.
        uint last = p[17];
        uint l = left ^ p[0];
        uint r = right;
        unchecked
        {
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[1];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[2];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[3];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[4];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[5];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[6];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[7];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[8];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[9];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[10];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[11];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[12];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[13];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[14];
            r ^= (((s0[l >> 24] + s1[(l >> 16) & 0xFF]) ^ s2[(l >> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[15];
            l ^= (((s0[r >> 24] + s1[(r >> 16) & 0xFF]) ^ s2[(r >> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[16];
        }

        left = r ^ last;
        right = l;
    }

    /// <summary>Reads <paramref name="words"/>.Length big-endian words from <paramref name="bytes"/> taken cyclically from its start.</summary>
    /// <param name="bytes">At least one byte.</param>
    /// <param name="words">Receives the words.</param>
    public static void CyclicWords(ReadOnlySpan<byte> bytes, Span<uint> words)
    {
        int position = 0;
        for (int i = 0; i < words.Length; i++)
        {
            uint word = 0;
            for (int k = 0; k < 4; k++)
            {
                word = (word << 8) | bytes[position];
                position++;
                if (position == bytes.Length)
                {
                    position = 0;
                }
            }

            words[i] = word;
        }
    }

    /// <summary>Reads the big-endian words of <paramref name="bytes"/> (a multiple of four bytes long).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="words">Receives <paramref name="bytes"/>.Length / 4 words.</param>
    public static void BigEndianWords(ReadOnlySpan<byte> bytes, Span<uint> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 * i)..]);
        }
    }

    private void ExpandSbox(uint[] box, ref uint left, ref uint right)
    {
        uint l = left;
        uint r = right;
        for (int i = 0; i < SboxSize; i += 2)
        {
            Encipher(ref l, ref r);
            box[i] = l;
            box[i + 1] = r;
        }

        left = l;
        right = r;
    }

    private void ExpandSbox(uint[] box, ref uint left, ref uint right, ReadOnlySpan<uint> saltWords, ref int saltIndex)
    {
        uint l = left;
        uint r = right;
        int s = saltIndex;
        for (int i = 0; i < SboxSize; i += 2)
        {
            l ^= saltWords[s];
            r ^= saltWords[s + 1];
            s ^= 2;
            Encipher(ref l, ref r);
            box[i] = l;
            box[i + 1] = r;
        }

        left = l;
        right = r;
        saltIndex = s;
    }
}
