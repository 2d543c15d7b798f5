using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// Reads misa and prints it and its extension letters: QEMU's CPU must be the VexRiscv's RV32IMAC with S and U modes.
/// Only constant CSR numbers, so the test can check that each read is a single csrr.
/// </summary>
public static class Misa
{
    public static int Main()
    {
        uint misa = Csr.Read(Csr.Misa);
        Hex.WriteLine("misa=", misa);
        Transcript.Write("xlen=");
        Transcript.WriteLine((misa >> 30) == 1 ? 32 : 0);
        Transcript.Write("extensions=");
        for (int letter = 0; letter < 26; letter++)
        {
            if ((misa & (1u << letter)) != 0)
            {
                Transcript.Write((char)('A' + letter));
            }
        }

        Transcript.WriteLine();
        Hex.WriteLine("mhartid=", Csr.Read(Csr.Mhartid));
        return 0;
    }
}
