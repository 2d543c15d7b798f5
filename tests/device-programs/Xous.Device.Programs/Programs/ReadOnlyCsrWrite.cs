using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>Writing a read-only CSR (cycle) panics with the number (exit status 101) instead of assembling a trap.</summary>
public static class ReadOnlyCsrWrite
{
    public static int Main()
    {
        Transcript.WriteLine("writing cycle");
        Csr.Write(Csr.Cycle, 0);
        Transcript.WriteLine("written");
        return 0;
    }
}
