namespace System;

/// <summary>
/// The hash of string.GetHashCode: 32-bit FNV-1a over the UTF-16 code units, each fed as two bytes, low byte
/// first. .NET randomises string hashes per process, so any value is a correct one; ours is deterministic so that
/// images are reproducible (docs/device-profile.md, "String hashing"). Not for hash tables keyed by data an
/// attacker chooses. Pure code: tests/Xous.CoreLib.Tests compiles this file against .NET.
/// </summary>
internal static class StringHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    internal static int Compute(ReadOnlySpan<char> value)
    {
        uint hash = OffsetBasis;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return (int)hash;
    }
}
