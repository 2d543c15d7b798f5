using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unmanaged pointers: arithmetic, comparison, pointers to struct fields and to pointers, sizeof.</summary>
public static unsafe class Pointers
{
    private struct Header
    {
        public uint Magic;
        public ushort Length;
        public byte Kind;
    }

    public static int Main()
    {
        Header h = default;
        Header* p = &h;
        p->Magic = 0xCAFEBABE;
        p->Length = 513;
        (*p).Kind = 9;
        Transcript.WriteLine(h.Magic);
        Transcript.WriteLine(h.Length);
        byte* bytes = (byte*)p;
        Transcript.WriteLine(bytes[0]);
        Transcript.WriteLine(bytes[3]);
        Transcript.WriteLine(bytes[4] + bytes[5] * 256);
        Transcript.WriteLine(sizeof(Header));
        int* values = stackalloc int[8];
        for (int* q = values; q < values + 8; q++)
        {
            *q = (int)(q - values) * 3;
        }

        Transcript.WriteLine(values[7]);
        Transcript.WriteLine((int)(&values[5] - &values[1]));
        int** indirect = &values;
        Transcript.WriteLine((*indirect)[2]);
        ushort* halves = (ushort*)&h.Magic;
        Transcript.WriteLine(halves[0]);
        Transcript.WriteLine(halves[1]);
        Transcript.WriteLine(values + 1 > values);
        Transcript.WriteLine(p == &h);
        return 0;
    }
}
