using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// An ecall in M-mode with the board's trap handler in mtvec: the trap (mcause 11, environment call from M-mode) ends
/// the program with the handler's panic report and status 101, so "after" is never printed.
/// </summary>
public static class EcallTrap
{
    public static int Main()
    {
        Transcript.WriteLine("before ecall");
        var registers = new EcallRegisters { A0 = 1, A7 = 7 };
        Cpu.Ecall(ref registers);
        Transcript.WriteLine("after ecall");
        return 0;
    }
}
