namespace Xous.Hal.Tests;

/// <summary>Reproducible test data shared by the flash test classes.</summary>
internal static class TestPatterns
{
    /// <summary><paramref name="length"/> pseudo-random bytes (xorshift64) determined by <paramref name="seed"/>.</summary>
    public static byte[] Pattern(int length, ulong seed)
    {
        byte[] data = new byte[length];
        ulong state = seed * 0x9E3779B97F4A7C15UL + 1;
        for (int i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            data[i] = (byte)state;
        }

        return data;
    }
}
