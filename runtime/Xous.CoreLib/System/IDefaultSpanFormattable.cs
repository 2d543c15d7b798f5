namespace System;

/// <summary>
/// Implemented by the primitive types that format without allocating. DefaultInterpolatedStringHandler uses it
/// where .NET would use ISpanFormattable: the first method writes what ToString() returns, the second what .NET's
/// ISpanFormattable.TryFormat writes with that format and the invariant culture (integers apply it; char ignores
/// it as .NET does; bool, which is not IFormattable in .NET, is written as by ToString()).
/// </summary>
internal interface IDefaultSpanFormattable
{
    bool TryFormat(Span<char> destination, out int charsWritten);

    /// <summary>False (nothing written) when the text does not fit; FormatException for an invalid format.</summary>
    bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format);
}
