using Xous.Diagnostics;

namespace Xous.Device.Programs;

/// <summary>Writes a 32-bit value as <c>0x</c> and eight lowercase hex digits (the transcript has no hex format).</summary>
internal static class Hex
{
    public static void Write(uint value)
    {
        Transcript.Write("0x");
        for (int shift = 28; shift >= 0; shift -= 4)
        {
            uint digit = (value >> shift) & 0xF;
            Transcript.Write((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
        }
    }

    public static void WriteLine(uint value)
    {
        Write(value);
        Transcript.WriteLine();
    }

    public static void WriteLine(string label, uint value)
    {
        Transcript.Write(label);
        WriteLine(value);
    }
}
