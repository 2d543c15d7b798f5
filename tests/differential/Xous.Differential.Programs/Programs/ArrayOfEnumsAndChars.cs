using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Arrays of enums of several underlying sizes and of chars: counting, histogram by enum index, new string(char[]).</summary>
public static class ArrayOfEnumsAndChars
{
    private enum Suit : byte
    {
        Clubs,
        Diamonds,
        Hearts,
        Spades,
    }

    private enum Wide : long
    {
        Low = -1,
        High = 1L << 62,
    }

    public static int Main()
    {
        var deck = new Suit[52];
        for (int i = 0; i < deck.Length; i++)
        {
            deck[i] = (Suit)((i * 7) % 4);
        }

        var histogram = new int[4];
        foreach (Suit s in deck)
        {
            histogram[(int)s]++;
        }

        Transcript.WriteLine(histogram[0] + " " + histogram[1] + " " + histogram[2] + " " + histogram[3]);
        Transcript.WriteLine(deck[5].ToString() + " " + deck[6] + " " + deck[51]);
        var wides = new Wide[3];
        wides[0] = Wide.High;
        wides[2] = Wide.Low;
        Transcript.WriteLine((long)wides[0] + " " + (long)wides[1] + " " + wides[2]);
        char[] chars = new char[26];
        for (int i = 0; i < 26; i++)
        {
            chars[i] = (char)('z' - i);
        }

        Transcript.WriteLine(new string(chars));
        Transcript.WriteLine(new string(chars, 20, 6));
        char[] utf16 = { 'h', '\u00e9', '\u4e2d', '\ud83d', '\ude00' };
        Transcript.WriteLine(new string(utf16));
        Transcript.WriteLine(utf16.Length);
        return 0;
    }
}
