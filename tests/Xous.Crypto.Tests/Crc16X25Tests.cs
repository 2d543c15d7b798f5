using CsCheck;
using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// CRC-16/X-25: the catalogue check value, 10,000 generated cases against a bitwise oracle, and split appends
/// equal to the one-shot result.
/// </summary>
public class Crc16X25Tests(ITestOutputHelper output)
{
    [Fact]
    public void Check_value_of_123456789_is_0x906E()
    {
        Assert.Equal(0x906E, Crc16X25.Compute("123456789"u8));
        Assert.Equal(0x906E, Oracle("123456789"u8.ToArray()));
        var crc = new Crc16X25();
        crc.Append("1234"u8);
        crc.Append("56789"u8);
        Assert.Equal(0x906E, crc.Finish());
    }

    [Fact]
    public void Empty_message_is_zero()
    {
        Assert.Equal(0x0000, Crc16X25.Compute([]));
        Assert.Equal(0x0000, new Crc16X25().Finish());
    }

    [Fact]
    public void Finish_and_Reset_start_a_new_message()
    {
        var crc = new Crc16X25();
        crc.Append("garbage"u8);
        crc.Reset();
        crc.Append("123456789"u8);
        Assert.Equal(0x906E, crc.Finish());
        crc.Append("123456789"u8);
        Assert.Equal(0x906E, crc.Finish());
    }

    [Fact]
    public void Crc16X25_equals_bitwise_oracle_and_split_appends_equal_one_shot()
    {
        Gen<(byte[] Message, int[] Cuts)> cases = Deterministic.Bytes(16)
            .SelectMany(message => Deterministic.Cuts(message.Length).Select(cuts => (message, cuts)));
        var crc = new Crc16X25();
        Deterministic.Run(cases, 0x1021, c =>
        {
            ushort expected = Oracle(c.Message);
            Assert.Equal(expected, Crc16X25.Compute(c.Message));

            // The same instance is reused for every case: Finish must leave it reset.
            Deterministic.AppendInPieces(piece => crc.Append(piece), c.Message, c.Cuts);
            Assert.Equal(expected, crc.Finish());
        }, output);
    }

    /// <summary>
    /// The textbook definition without reflection tricks: reflect each input byte, shift it MSB-first through a
    /// register with the unreflected polynomial 0x1021, reflect the 16-bit result, then XOR 0xFFFF.
    /// </summary>
    private static ushort Oracle(byte[] message)
    {
        int register = 0xFFFF;
        foreach (byte b in message)
        {
            register ^= Reflect(b, 8) << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                register = (register & 0x8000) != 0 ? (register << 1) ^ 0x1021 : register << 1;
                register &= 0xFFFF;
            }
        }

        return (ushort)(Reflect(register, 16) ^ 0xFFFF);
    }

    private static int Reflect(int value, int width)
    {
        int reflected = 0;
        for (int i = 0; i < width; i++)
        {
            if ((value & (1 << i)) != 0)
            {
                reflected |= 1 << (width - 1 - i);
            }
        }

        return reflected;
    }
}
