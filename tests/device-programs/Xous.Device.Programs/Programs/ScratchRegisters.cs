using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>Csr.Write, ReadSet and ReadClear round-trip values through mscratch, and sscratch is a separate register.</summary>
public static class ScratchRegisters
{
    public static int Main()
    {
        Csr.Write(Csr.Mscratch, 0x12345678);
        Hex.WriteLine("written: ", Csr.Read(Csr.Mscratch));
        Hex.WriteLine("ReadSet returned: ", Csr.ReadSet(Csr.Mscratch, 0x80000001));
        Hex.WriteLine("after set: ", Csr.Read(Csr.Mscratch));
        Hex.WriteLine("ReadClear returned: ", Csr.ReadClear(Csr.Mscratch, 0x00000678));
        Hex.WriteLine("after clear: ", Csr.Read(Csr.Mscratch));
        Csr.Write(Csr.Sscratch, 0xCAFEF00D);
        Csr.Write(Csr.Mscratch, 0);
        Hex.WriteLine("mscratch: ", Csr.Read(Csr.Mscratch));
        Hex.WriteLine("sscratch: ", Csr.Read(Csr.Sscratch));
        return 0;
    }
}
