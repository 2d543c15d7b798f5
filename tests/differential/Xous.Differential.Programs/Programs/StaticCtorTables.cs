using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A static constructor that builds lookup tables (CRC-32 and squares) once; later calls reuse them.</summary>
public static class StaticCtorTables
{
    private static class Crc32
    {
        private static readonly uint[] s_table = new uint[256];

        static Crc32()
        {
            Transcript.WriteLine("building CRC table");
            for (uint i = 0; i < 256; i++)
            {
                uint c = i;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                s_table[i] = c;
            }
        }

        public static uint Compute(string text)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = 0; i < text.Length; i++)
            {
                crc = s_table[(crc ^ (byte)text[i]) & 0xFF] ^ (crc >> 8);
            }

            return ~crc;
        }

        public static uint Entry(int i) => s_table[i];
    }

    public static int Main()
    {
        Transcript.WriteLine("start");
        Transcript.WriteLine(Crc32.Compute("123456789").ToString("X8"));
        Transcript.WriteLine(Crc32.Compute("The quick brown fox jumps over the lazy dog").ToString("X8"));
        Transcript.WriteLine(Crc32.Compute("").ToString("X8"));
        Transcript.WriteLine(Crc32.Entry(1).ToString("X8") + " " + Crc32.Entry(255).ToString("X8"));
        return 0;
    }
}
