using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// CSR numbers known only at run time (read back from mscratch, so gcc cannot fold them) go through the switch of
/// xous_hw.h and reach the same registers as constant numbers.
/// </summary>
public static class CsrNumberAtRunTime
{
    public static int Main()
    {
        Csr.Write(Csr.Mscratch, Csr.Misa);
        int misaNumber = (int)Csr.Read(Csr.Mscratch);
        Transcript.Write("misa by run-time number matches: ");
        Transcript.WriteLine(Csr.Read(misaNumber) == Csr.Read(Csr.Misa));

        Csr.Write(Csr.Mscratch, Csr.Sscratch);
        int sscratchNumber = (int)Csr.Read(Csr.Mscratch);
        Csr.Write(sscratchNumber, 0x5A5A0001);
        Csr.ReadSet(sscratchNumber, 0x00000010);
        Csr.ReadClear(sscratchNumber, 0x00000001);
        Hex.WriteLine("sscratch written by run-time number: ", Csr.Read(Csr.Sscratch));
        return 0;
    }
}
