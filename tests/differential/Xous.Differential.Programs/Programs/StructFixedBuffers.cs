using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Fixed-size buffers (fixed byte/int/char arrays in unsafe structs): element access, copies of the containing struct, pointer walks.</summary>
public static class StructFixedBuffers
{
    private unsafe struct Packet
    {
        public int Length;
        public fixed byte Payload[16];
        public fixed int Words[4];
        public fixed char Name[8];

        public void SetName(string s)
        {
            for (int i = 0; i < 8; i++)
            {
                Name[i] = i < s.Length ? s[i] : '\0';
            }
        }

        public readonly string GetName()
        {
            var chars = new char[8];
            int n = 0;
            fixed (char* p = Name)
            {
                while (n < 8 && p[n] != '\0')
                {
                    chars[n] = p[n];
                    n++;
                }
            }

            return new string(chars, 0, n);
        }
    }

    public static unsafe int Main()
    {
        Packet p = default;
        p.Length = 16;
        for (int i = 0; i < 16; i++)
        {
            p.Payload[i] = (byte)(i * 17);
        }

        for (int i = 0; i < 4; i++)
        {
            p.Words[i] = -1000 * i;
        }

        p.SetName("xous");
        Packet copy = p;
        copy.Payload[0] = 0xEE;
        copy.Words[3] = 42;
        copy.SetName("sharp!");
        Transcript.WriteLine(p.Payload[0] + " " + copy.Payload[0] + " " + p.Words[3] + " " + copy.Words[3]);
        Transcript.WriteLine(p.GetName() + " " + copy.GetName());
        int sum = 0;
        byte* b = p.Payload;
        for (int i = 0; i < p.Length; i++)
        {
            sum += b[i];
        }

        Transcript.WriteLine(sum);
        int* w = p.Words;
        w[1] += 5;
        Transcript.WriteLine(p.Words[1]);
        Packet[] many = new Packet[3];
        many[2].Payload[15] = 9;
        many[2].SetName("third");
        Transcript.WriteLine(many[2].Payload[15] + " " + many[2].GetName() + " " + many[0].Payload[15]);
        return 0;
    }
}
