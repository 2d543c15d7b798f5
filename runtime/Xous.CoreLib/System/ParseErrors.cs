using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>The exceptions .NET throws when parsing an integer fails.</summary>
internal static class ParseErrors
{
    [DoesNotReturn]
    internal static void Throw(Number.ParsingStatus status, ReadOnlySpan<char> value, string overflowMessage)
    {
        if (status == Number.ParsingStatus.Overflow)
        {
            throw new OverflowException(overflowMessage);
        }

        throw new FormatException(SR.Format(SR.Format_InvalidStringWithValue, new string(value)));
    }
}
