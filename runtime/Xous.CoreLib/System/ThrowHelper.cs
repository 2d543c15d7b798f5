using System.Diagnostics.CodeAnalysis;

namespace System;

/// <summary>Throw sites kept out of line, with .NET's exception types, parameter names and messages.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static void ThrowArgumentNullException(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRangeException(string paramName) => throw new ArgumentOutOfRangeException(paramName);

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRangeException(string paramName, string message) => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    internal static void ThrowArgumentOutOfRange_NeedNonNegNum(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, SR.ArgumentOutOfRange_NeedNonNegNum);

    [DoesNotReturn]
    internal static void ThrowArgumentException(string message) => throw new ArgumentException(message);

    [DoesNotReturn]
    internal static void ThrowArgumentException(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    internal static void ThrowArgumentException_DestinationTooShort() =>
        throw new ArgumentException(SR.Argument_DestinationTooShort, "destination");

    [DoesNotReturn]
    internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();

    [DoesNotReturn]
    internal static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();

    [DoesNotReturn]
    internal static void ThrowInvalidTypeWithPointersNotSupported() =>
        throw new ArgumentException(SR.Argument_InvalidTypeWithPointersNotSupported);

    [DoesNotReturn]
    internal static void ThrowInvalidOperationException(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    internal static void ThrowInvalidOperationException_NoValue() =>
        throw new InvalidOperationException(SR.InvalidOperation_NoValue);

    [DoesNotReturn]
    internal static void ThrowFormatException(string message) => throw new FormatException(message);

    [DoesNotReturn]
    internal static void ThrowOverflowException(string message) => throw new OverflowException(message);
}
