using System;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>Comparison of secrets (MACs, tags, PIN hashes) whose time does not depend on their contents.</summary>
public static class FixedTime
{
    /// <summary>
    /// True when both spans hold the same bytes. The time depends only on the length: every byte is looked at,
    /// with no early exit. Lengths are not secret; different lengths return false at once.
    /// </summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether the lengths and all bytes are equal.</returns>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool Equals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
}
