using System;

namespace Xous.Bench.Compiler.Programs;

/// <summary>
/// 256-bit modular multiplication, the twin of ../c/modmul256.c: <see cref="Iterations"/> times x = x * y mod p for
/// p = 2^255 - 19, with 8 x 32-bit limbs (little-endian), a schoolbook 8 x 8 multiply into 16 limbs and the special
/// reduction 2^256 = 38 (mod p). Between iterations x stays below 2^256; at the end it is reduced to [0, p).
/// </summary>
public static class ModMul256
{
    /// <summary>The number of multiplications.</summary>
    public const int Iterations = 1000;

    /// <summary>The LCG seed: 8 limbs of x, then 8 limbs of y.</summary>
    public const uint Seed = 0x4D4D;

    private static ReadOnlySpan<uint> Prime => [0xFFFFFFED, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x7FFFFFFF];

    /// <summary>Generates x and y and multiplies; the checksum is the XOR of the final x's limbs.</summary>
    public static uint Run()
    {
        var lcg = new Lcg(Seed);
        Span<uint> x = stackalloc uint[8];
        Span<uint> y = stackalloc uint[8];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = lcg.Next();
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = lcg.Next();
        }

        for (int n = 0; n < Iterations; n++)
        {
            MultiplyModP(x, x, y);
        }

        Reduce(x);
        uint checksum = 0;
        foreach (uint limb in x)
        {
            checksum ^= limb;
        }

        return checksum;
    }

    /// <summary>result = a * b mod p (below 2^256, not necessarily below p); result may overlap a or b.</summary>
    private static void MultiplyModP(Span<uint> result, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        Span<uint> t = stackalloc uint[16];
        for (int i = 0; i < 8; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong acc = ((ulong)a[i] * b[j]) + t[i + j] + carry;
                t[i + j] = (uint)acc;
                carry = acc >> 32;
            }

            t[i + 8] = (uint)carry;
        }

        // t = high * 2^256 + low = high * 38 + low (mod p).
        ulong fold = 0;
        for (int i = 0; i < 8; i++)
        {
            ulong acc = ((ulong)t[i + 8] * 38) + t[i] + fold;
            result[i] = (uint)acc;
            fold = acc >> 32;
        }

        // Fold the carry (< 39) the same way; a second carry can only leave a small value, so one more fold ends it.
        while (fold != 0)
        {
            uint add = (uint)fold * 38;
            for (int i = 0; i < 8; i++)
            {
                ulong acc = (ulong)result[i] + add;
                result[i] = (uint)acc;
                add = (uint)(acc >> 32);
            }

            fold = add;
        }
    }

    /// <summary>x = x - p while x is at least p (x is below 2^256, less than 3p, so at most twice).</summary>
    private static void Reduce(Span<uint> x)
    {
        ReadOnlySpan<uint> p = Prime;
        while (true)
        {
            bool below = false;
            for (int i = 7; i >= 0; i--)
            {
                if (x[i] != p[i])
                {
                    below = x[i] < p[i];
                    break;
                }
            }

            if (below)
            {
                return;
            }

            uint borrow = 0;
            for (int i = 0; i < 8; i++)
            {
                ulong difference = (ulong)x[i] - p[i] - borrow;
                x[i] = (uint)difference;
                borrow = (uint)(difference >> 63);
            }
        }
    }
}
