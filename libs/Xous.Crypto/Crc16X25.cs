using System;

namespace Xous.Crypto;

/// <summary>
/// CRC-16/X-25 (also CRC-16/IBM-SDLC, ISO-HDLC): polynomial 0x1021 reflected, initial value 0xFFFF, final XOR
/// 0xFFFF; the check value of "123456789" is 0x906E. An error-detecting code, not a MAC: it detects accidental
/// corruption only. Incremental (<see cref="Append"/>, <see cref="Finish"/>) or one-shot (<see cref="Compute"/>).
/// Not thread-safe; one instance checks one message at a time.
/// </summary>
public sealed class Crc16X25
{
    /// <summary>The initial register value.</summary>
    public const ushort InitialValue = 0xFFFF;

    /// <summary>The value XORed into the register to give the result.</summary>
    public const ushort FinalXor = 0xFFFF;

    private ushort _register = InitialValue;

    /// <summary>Remainders of the reflected polynomial 0x8408 for each 4-bit value (16 entries, 32 bytes).</summary>
    private static ReadOnlySpan<ushort> NibbleTable =>
    [
        0x0000, 0x1081, 0x2102, 0x3183, 0x4204, 0x5285, 0x6306, 0x7387,
        0x8408, 0x9489, 0xA50A, 0xB58B, 0xC60C, 0xD68D, 0xE70E, 0xF78F,
    ];

    /// <summary>The CRC of <paramref name="data"/> in one call. Allocation-free.</summary>
    /// <param name="data">The whole message; may be empty (its CRC is 0x0000).</param>
    /// <returns>The CRC (transmitted least significant byte first in HDLC frames).</returns>
    public static ushort Compute(ReadOnlySpan<byte> data) => (ushort)(Update(InitialValue, data) ^ FinalXor);

    /// <summary>Absorbs more message bytes.</summary>
    /// <param name="data">The next part of the message; may be empty.</param>
    public void Append(ReadOnlySpan<byte> data) => _register = Update(_register, data);

    /// <summary>Returns the CRC of everything appended since the last reset and starts a new message.</summary>
    /// <returns>The CRC.</returns>
    public ushort Finish()
    {
        ushort result = (ushort)(_register ^ FinalXor);
        _register = InitialValue;
        return result;
    }

    /// <summary>Discards what was appended and starts a new message.</summary>
    public void Reset() => _register = InitialValue;

    private static ushort Update(ushort register, ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<ushort> table = NibbleTable;
        int crc = register;
        for (int i = 0; i < data.Length; i++)
        {
            int value = data[i];
            crc = (crc >> 4) ^ table[(crc ^ value) & 0xF];
            crc = (crc >> 4) ^ table[(crc ^ (value >> 4)) & 0xF];
        }

        return (ushort)crc;
    }
}
