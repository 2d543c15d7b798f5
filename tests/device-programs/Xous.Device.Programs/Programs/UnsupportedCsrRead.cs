using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>Reading a CSR number the device does not support panics with the number (exit status 101).</summary>
public static class UnsupportedCsrRead
{
    public static int Main()
    {
        Transcript.WriteLine("reading CSR 0x7c0");
        Hex.WriteLine("value=", Csr.Read(0x7C0));
        return 0;
    }
}
