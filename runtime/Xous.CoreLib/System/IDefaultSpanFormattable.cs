namespace System;

/// <summary>
/// Implemented by the primitive types that format without allocating: writes what ToString() returns.
/// DefaultInterpolatedStringHandler uses it where .NET would use ISpanFormattable with no format.
/// </summary>
internal interface IDefaultSpanFormattable
{
    bool TryFormat(Span<char> destination, out int charsWritten);
}
