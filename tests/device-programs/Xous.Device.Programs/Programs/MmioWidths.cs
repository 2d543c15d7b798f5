using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// Each MMIO access touches exactly its width (checked on a word in RAM, little-endian), and the 8-bit accesses
/// drive QEMU virt's ns16550 UART directly: wait for THR empty in LSR, then write characters to THR.
/// </summary>
public static unsafe class MmioWidths
{
    private const nuint UartTransmit = 0x1000_0000;
    private const nuint UartLineStatus = 0x1000_0005;
    private const byte TransmitEmpty = 0x20;

    public static int Main()
    {
        uint word = 0x11223344;
        nuint address = (nuint)(&word);
        Mmio.Write8(address, 0xAA);
        Hex.WriteLine("after Write8: ", word);
        Mmio.Write16(address + 2, 0xBBCC);
        Hex.WriteLine("after Write16 at +2: ", word);
        Hex.WriteLine("Read8 at +1: ", Mmio.Read8(address + 1));
        Hex.WriteLine("Read16 at +0: ", Mmio.Read16(address));
        Hex.WriteLine("Read32: ", Mmio.Read32(address));
        Mmio.Write32(address, 0x01020304);
        Hex.WriteLine("after Write32: ", word);

        Transcript.Write("uart: ");
        WriteUart((byte)'o');
        WriteUart((byte)'k');
        WriteUart((byte)'\n');
        return 0;
    }

    private static void WriteUart(byte value)
    {
        while ((Mmio.Read8(UartLineStatus) & TransmitEmpty) == 0)
        {
        }

        Mmio.Write8(UartTransmit, value);
    }
}
