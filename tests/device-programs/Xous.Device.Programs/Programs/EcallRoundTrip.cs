using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// Cpu.Ecall passes a0..a7 in and takes a0..a7 back: the program writes a small trap handler to the stack, makes it
/// visible to instruction fetch with Barrier.FenceI, points mtvec at it and makes an ecall. The handler advances mepc
/// past the ecall, sets a0 = a0 + a7, adds i to a1..a6 and puts mcause in a7, then returns with mret.
/// </summary>
public static unsafe class EcallRoundTrip
{
    public static int Main()
    {
        uint* handler = stackalloc uint[14];
        handler[0] = 0x340292F3; // csrrw t0, mscratch, t0   (save t0)
        handler[1] = 0x341022F3; // csrr  t0, mepc
        handler[2] = 0x00428293; // addi  t0, t0, 4           (past the 4-byte ecall)
        handler[3] = 0x34129073; // csrw  mepc, t0
        handler[4] = 0x340292F3; // csrrw t0, mscratch, t0   (restore t0)
        handler[5] = 0x01150533; // add   a0, a0, a7
        handler[6] = 0x00158593; // addi  a1, a1, 1
        handler[7] = 0x00260613; // addi  a2, a2, 2
        handler[8] = 0x00368693; // addi  a3, a3, 3
        handler[9] = 0x00470713; // addi  a4, a4, 4
        handler[10] = 0x00578793; // addi  a5, a5, 5
        handler[11] = 0x00680813; // addi  a6, a6, 6
        handler[12] = 0x342028F3; // csrr  a7, mcause
        handler[13] = 0x30200073; // mret
        Barrier.FenceI();

        uint boardHandler = Csr.Read(Csr.Mtvec);
        Csr.Write(Csr.Mtvec, (uint)handler);
        var registers = new EcallRegisters
        {
            A0 = 0x100,
            A1 = 0x200,
            A2 = 0x300,
            A3 = 0x400,
            A4 = 0x500,
            A5 = 0x600,
            A6 = 0x700,
            A7 = 0x800,
        };
        Cpu.Ecall(ref registers);
        Csr.Write(Csr.Mtvec, boardHandler);

        Hex.WriteLine("a0=", registers.A0);
        Hex.WriteLine("a1=", registers.A1);
        Hex.WriteLine("a2=", registers.A2);
        Hex.WriteLine("a3=", registers.A3);
        Hex.WriteLine("a4=", registers.A4);
        Hex.WriteLine("a5=", registers.A5);
        Hex.WriteLine("a6=", registers.A6);
        Hex.WriteLine("a7=", registers.A7);
        Transcript.Write("mtvec restored: ");
        Transcript.WriteLine(Csr.Read(Csr.Mtvec) == boardHandler);
        return 0;
    }
}
