using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// QEMU virt's CLINT through Mmio: mtime advances; with mtimecmp at the maximum the timer is not pending; with
/// mtimecmp 1 ms ahead, mie.MTIE set and mstatus.MIE clear, Cpu.Wfi returns once mip.MTIP is set (no trap is taken).
/// </summary>
public static class TimerWakeup
{
    private const nuint MachineTimeCompare = 0x0200_4000;
    private const nuint MachineTime = 0x0200_BFF8;
    private const uint MachineTimerInterrupt = 1u << 7;
    private const uint MachineInterruptEnable = 1u << 3;
    private const ulong OneMillisecond = 10_000; // mtime runs at 10 MHz on QEMU virt
    private const int MaximumWaits = 1000;

    public static int Main()
    {
        ulong first = ReadTime();
        ulong second = first;
        for (int spins = 0; second == first && spins < 1_000_000; spins++)
        {
            second = ReadTime();
        }

        Transcript.Write("mtime advanced: ");
        Transcript.WriteLine(second > first);

        WriteTimeCompare(ulong.MaxValue);
        Csr.ReadClear(Csr.Mstatus, MachineInterruptEnable);
        Csr.ReadSet(Csr.Mie, MachineTimerInterrupt);
        Transcript.Write("timer pending with mtimecmp at the maximum: ");
        Transcript.WriteLine(TimerPending());

        ulong deadline = ReadTime() + OneMillisecond;
        WriteTimeCompare(deadline);
        int waits = 0;
        while (!TimerPending() && waits < MaximumWaits)
        {
            Cpu.Wfi();
            waits++;
        }

        Transcript.Write("woke with the timer pending: ");
        Transcript.WriteLine(TimerPending());
        Transcript.Write("mtime reached mtimecmp: ");
        Transcript.WriteLine(ReadTime() >= deadline);
        Transcript.Write("waited in wfi: ");
        Transcript.WriteLine(waits >= 1 && waits < MaximumWaits);

        Csr.ReadClear(Csr.Mie, MachineTimerInterrupt);
        WriteTimeCompare(ulong.MaxValue);
        Transcript.Write("timer pending after mtimecmp reset: ");
        Transcript.WriteLine(TimerPending());
        return 0;
    }

    private static bool TimerPending() => (Csr.Read(Csr.Mip) & MachineTimerInterrupt) != 0;

    private static ulong ReadTime()
    {
        while (true)
        {
            uint high = Mmio.Read32(MachineTime + 4);
            uint low = Mmio.Read32(MachineTime);
            if (Mmio.Read32(MachineTime + 4) == high)
            {
                return ((ulong)high << 32) | low;
            }
        }
    }

    /// <summary>High half to the maximum first, so no intermediate value is earlier than both the old and new time.</summary>
    private static void WriteTimeCompare(ulong value)
    {
        Mmio.Write32(MachineTimeCompare + 4, uint.MaxValue);
        Mmio.Write32(MachineTimeCompare, (uint)value);
        Mmio.Write32(MachineTimeCompare + 4, (uint)(value >> 32));
    }
}
