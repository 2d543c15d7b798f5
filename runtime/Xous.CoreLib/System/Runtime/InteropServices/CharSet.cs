namespace System.Runtime.InteropServices;

/// <summary>The character set of marshalled strings (kept only because StructLayoutAttribute names it).</summary>
public enum CharSet
{
    None = 1,
    Ansi = 2,
    Unicode = 3,
    Auto = 4,
}
