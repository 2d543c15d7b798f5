using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unsafe.ReadUnaligned/WriteUnaligned of ushort, uint and ulong at every byte offset of a buffer (little-endian on both targets).</summary>
public static class UnsafeReadWriteUnaligned
{
    public static int Main()
    {
        byte[] buf = new byte[24];
        for (int i = 0; i < buf.Length; i++)
        {
            buf[i] = (byte)((i * 37) + 1);
        }

        string line = "";
        for (int offset = 0; offset < 4; offset++)
        {
            ushort s = Unsafe.ReadUnaligned<ushort>(ref buf[offset]);
            uint w = Unsafe.ReadUnaligned<uint>(ref buf[offset + 1]);
            ulong q = Unsafe.ReadUnaligned<ulong>(ref buf[offset + 3]);
            line += s.ToString("X4") + " " + w.ToString("X8") + " " + q.ToString("X16") + "\n";
        }

        Transcript.Write(line);
        Unsafe.WriteUnaligned(ref buf[1], 0xA1B2C3D4u);
        Unsafe.WriteUnaligned(ref buf[7], 0x0102030405060708UL);
        Unsafe.WriteUnaligned(ref buf[19], (ushort)0xBEEF);
        string dump = "";
        foreach (byte b in buf)
        {
            dump += b.ToString("x2");
        }

        Transcript.WriteLine(dump);
        Transcript.WriteLine(Unsafe.ReadUnaligned<int>(ref buf[2]).ToString("X8") + " " + Unsafe.ReadUnaligned<long>(ref buf[5]));
        unsafe
        {
            fixed (byte* p = &buf[0])
            {
                Unsafe.WriteUnaligned(p + 13, -1);
                Transcript.WriteLine(Unsafe.ReadUnaligned<uint>(p + 12).ToString("X8"));
                Transcript.WriteLine(Unsafe.ReadUnaligned<short>(p + 16));
            }
        }

        return 0;
    }
}
