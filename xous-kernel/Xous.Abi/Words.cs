namespace Xous.Abi;

/// <summary>Helpers for machine words (<c>usize</c>: 32 bits on the device, 64 bits when hosted on a PC).</summary>
internal static class Words
{
    /// <summary>True when the word holds a 32-bit value (always true on the device).</summary>
    public static bool Fits32(nuint word) => word <= uint.MaxValue;

    /// <summary>True when all four SID words starting at <paramref name="first"/> fit 32 bits.</summary>
    public static bool SidFits(nuint first, nuint second, nuint third, nuint fourth) =>
        Fits32(first) && Fits32(second) && Fits32(third) && Fits32(fourth);

    /// <summary>Builds a SID from four words that were checked with <see cref="SidFits"/>.</summary>
    public static Sid ToSid(nuint first, nuint second, nuint third, nuint fourth) =>
        new((uint)first, (uint)second, (uint)third, (uint)fourth);
}
