namespace System.Runtime.InteropServices;

/// <summary>How the fields of a class or struct are laid out.</summary>
public enum LayoutKind
{
    Sequential = 0,
    Explicit = 2,
    Auto = 3,
}
