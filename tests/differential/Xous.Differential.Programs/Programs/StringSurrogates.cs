using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Non-ASCII UTF-16: surrogate pairs, ConvertToUtf32/ConvertFromUtf32, code-point counting and output of BMP and astral text.</summary>
public static class StringSurrogates
{
    public static int Main()
    {
        string text = "a\u00e9\u4e2d\U0001F600z\U00010348";
        Transcript.WriteLine(text);
        Transcript.WriteLine(text.Length);
        int codePoints = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int cp = char.ConvertToUtf32(text[i], text[i + 1]);
                Transcript.WriteLine("U+" + cp.ToString("X5") + " pair");
                i++;
            }
            else
            {
                Transcript.WriteLine("U+" + ((int)text[i]).ToString("X4"));
            }

            codePoints++;
        }

        Transcript.WriteLine(codePoints);
        Transcript.WriteLine(char.IsSurrogatePair(text, 3) + " " + char.IsSurrogatePair(text, 4));
        Transcript.WriteLine(char.IsSurrogate(text, 4) + " " + char.IsHighSurrogate(text, 3) + " " + char.IsLowSurrogate(text, 3));
        string built = char.ConvertFromUtf32(0x1F980) + char.ConvertFromUtf32(0x41) + char.ConvertFromUtf32(0x20AC);
        Transcript.WriteLine(built);
        Transcript.WriteLine(built.Length);
        string reversed = "";
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0)
            {
                reversed += text.Substring(i - 1, 2);
                i--;
            }
            else
            {
                reversed += text[i];
            }
        }

        Transcript.WriteLine(reversed);
        Transcript.WriteLine("Gr\u00fc\u00dfe, \u041f\u0440\u0438\u0432\u0435\u0442, \u3053\u3093\u306b\u3061\u306f, \u05e9\u05dc\u05d5\u05dd");
        Transcript.Write('\u00e9');
        Transcript.Write('\u4e2d');
        Transcript.Write("\ud83d\ude00");
        Transcript.WriteLine();
        return 0;
    }
}
