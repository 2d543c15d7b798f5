namespace System;

/// <summary>
/// char.IsWhiteSpace without a Unicode table: the white-space set is small and fixed (categories Zs, Zl, Zp plus
/// U+0009-U+000D and U+0085). Pure code: tests/Xous.CoreLib.Tests checks all 65,536 code units against the BCL.
/// </summary>
internal static class UnicodeWhiteSpace
{
    internal static bool IsWhiteSpace(char c)
    {
        if (c < 0x100)
        {
            return c == ' ' || (uint)(c - '\t') <= ('\r' - '\t') || c == '\u0085' || c == '\u00A0';
        }

        return c == '\u1680'
            || (uint)(c - '\u2000') <= ('\u200A' - '\u2000')
            || c == '\u2028'
            || c == '\u2029'
            || c == '\u202F'
            || c == '\u205F'
            || c == '\u3000';
    }
}
