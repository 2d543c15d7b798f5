using System;
using System.Buffers.Binary;

namespace Xous.Crypto;

/// <summary>
/// Arithmetic modulo the group order L = 2^252 + 27742317777372353535851937790883648493, on 32-byte
/// little-endian scalars. Reduction and multiply-add are constant-time: fixed loops over 32-bit words, quotient
/// digits used only as multiplication operands, the final correction applied by mask.
/// </summary>
internal static class Scalar25519
{
    /// <summary>L as eight little-endian 32-bit words.</summary>
    private static ReadOnlySpan<uint> Order =>
    [
        0x5CF5D3ED, 0x5812631A, 0xA2F79CD6, 0x14DEF9DE, 0x00000000, 0x00000000, 0x00000000, 0x10000000,
    ];

    /// <summary>result = wide mod L for a 64-byte little-endian number (a SHA-512 digest).</summary>
    public static void Reduce(ReadOnlySpan<byte> wide, Span<byte> result)
    {
        Span<uint> words = stackalloc uint[16];
        for (int i = 0; i < 16; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(wide[(4 * i)..]);
        }

        ReduceWords(words, result);
        words.Clear();
    }

    /// <summary>result = (a·b + c) mod L for 32-byte scalars a, b, c (any values below 2^256).</summary>
    public static void MultiplyAdd(Span<byte> result, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        Span<uint> x = stackalloc uint[8];
        Span<uint> y = stackalloc uint[8];
        Span<uint> product = stackalloc uint[16];
        for (int i = 0; i < 8; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(a[(4 * i)..]);
            y[i] = BinaryPrimitives.ReadUInt32LittleEndian(b[(4 * i)..]);
            product[i] = BinaryPrimitives.ReadUInt32LittleEndian(c[(4 * i)..]);
        }

        // Schoolbook product added onto c (which fills the low words); a·b + c < 2^512 and every step fits in
        // 64 bits. Row i finishes at word i + 8, which no earlier row has written.
        for (int i = 0; i < 8; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong t = ((ulong)x[i] * y[j]) + product[i + j] + carry;
                product[i + j] = (uint)t;
                carry = t >> 32;
            }

            product[i + 8] = (uint)carry;
        }

        ReduceWords(product, result);
        x.Clear();
        y.Clear();
        product.Clear();
    }

    /// <summary>True when the 32-byte scalar is below L (the canonical range). Variable-time: public values only.</summary>
    public static bool IsCanonicalVartime(ReadOnlySpan<byte> s)
    {
        ReadOnlySpan<uint> order = Order;
        for (int i = 7; i >= 0; i--)
        {
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(s[(4 * i)..]);
            if (word != order[i])
            {
                return word < order[i];
            }
        }

        return false;
    }

    /// <summary>
    /// Reduces sixteen little-endian words modulo L, sixteen bits at a time from the top: acc ← acc·2^16 + digit,
    /// q ← ⌊acc / 2^252⌋ (which is the true quotient or one more, because L − 2^252 &lt; 2^125), acc ← acc − q·L,
    /// and L is added back by mask when that went negative. acc stays below L.
    /// </summary>
    private static void ReduceWords(ReadOnlySpan<uint> words, Span<byte> result)
    {
        ReadOnlySpan<uint> order = Order;
        Span<uint> acc = stackalloc uint[9];
        acc.Clear();
        for (int half = 31; half >= 0; half--)
        {
            uint digit = (words[half >> 1] >> (16 * (half & 1))) & 0xFFFF;
            for (int j = 8; j > 0; j--)
            {
                acc[j] = (acc[j] << 16) | (acc[j - 1] >> 16);
            }

            acc[0] = (acc[0] << 16) | digit;

            uint q = (acc[7] >> 28) | (acc[8] << 4);
            ulong productCarry = 0;
            long borrow = 0;
            for (int j = 0; j < 9; j++)
            {
                ulong product = ((ulong)q * (j < 8 ? order[j] : 0u)) + productCarry;
                productCarry = product >> 32;
                long difference = (long)acc[j] - (uint)product + borrow;
                acc[j] = (uint)difference;
                borrow = difference >> 32;
            }

            uint mask = (uint)borrow;
            ulong sum = 0;
            for (int j = 0; j < 9; j++)
            {
                sum += (ulong)acc[j] + ((j < 8 ? order[j] : 0u) & mask);
                acc[j] = (uint)sum;
                sum >>= 32;
            }
        }

        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(result[(4 * i)..], acc[i]);
        }

        acc.Clear();
    }
}
