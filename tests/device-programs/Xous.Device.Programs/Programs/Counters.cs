using Xous.Diagnostics;
using Xous.Hardware;

namespace Xous.Device.Programs;

/// <summary>
/// The counters around a loop of known length: minstret and instret (64-bit) advance by at least one instruction per
/// iteration, mcycle advances, and ReadCycle64/ReadInstret64 never go backwards.
/// </summary>
public static class Counters
{
    /// <summary>Iterations of the measured loop; each retires at least its store and its branch.</summary>
    public const int Iterations = 10000;

    private static uint s_sink;

    public static int Main()
    {
        uint instretBefore = Csr.Read(Csr.Minstret);
        uint cycleBefore = Csr.Read(Csr.Mcycle);
        ulong instret64Before = Csr.ReadInstret64();
        for (int i = 0; i < Iterations; i++)
        {
            s_sink += (uint)i;
            Barrier.CompilerBarrier();
        }

        ulong instret64After = Csr.ReadInstret64();
        uint cycleAfter = Csr.Read(Csr.Mcycle);
        uint instretAfter = Csr.Read(Csr.Minstret);
        uint instretDelta = instretAfter - instretBefore;
        Transcript.Write("loop sum=");
        Transcript.WriteLine(s_sink);
        Transcript.Write("minstret delta=");
        Transcript.WriteLine(instretDelta);
        Transcript.Write("minstret advanced by at least the loop: ");
        Transcript.WriteLine(instretDelta >= Iterations);
        Transcript.Write("instret64 advanced by at least the loop: ");
        Transcript.WriteLine(instret64After >= instret64Before + Iterations);
        Transcript.Write("mcycle advanced: ");
        Transcript.WriteLine(cycleAfter != cycleBefore);

        bool monotonic = true;
        ulong lastCycle = Csr.ReadCycle64();
        ulong lastInstret = Csr.ReadInstret64();
        for (int i = 0; i < 1000; i++)
        {
            ulong cycle = Csr.ReadCycle64();
            ulong instret = Csr.ReadInstret64();
            monotonic &= cycle >= lastCycle && instret > lastInstret;
            lastCycle = cycle;
            lastInstret = instret;
        }

        Transcript.Write("ReadCycle64 and ReadInstret64 monotonic: ");
        Transcript.WriteLine(monotonic);
        Transcript.Write("instreth matches ReadInstret64: ");
        Transcript.WriteLine(Csr.Read(Csr.InstretHigh) == (uint)(Csr.ReadInstret64() >> 32));
        return 0;
    }
}
