namespace System;

/// <summary>The exception messages of .NET 10's System.Private.CoreLib that this corlib uses, word for word.</summary>
internal static class SR
{
    internal const string Arg_ArgumentException = "Value does not fall within the expected range.";
    internal const string Arg_ArgumentOutOfRangeException = "Specified argument was out of the range of valid values.";
    internal const string ArgumentNull_Generic = "Value cannot be null.";
    internal const string Arg_ParamName_Name = "(Parameter '{0}')";
    internal const string ArgumentOutOfRange_ActualValue = "Actual value was {0}.";
    internal const string Arg_ArithmeticException = "Overflow or underflow in the arithmetic operation.";
    internal const string Arg_ArrayTypeMismatchException = "Attempted to access an element as a type incompatible with the array.";
    internal const string Arg_DivideByZero = "Attempted to divide by zero.";
    internal const string Arg_FormatException = "One of the identified items was in an invalid format.";
    internal const string Arg_IndexOutOfRangeException = "Index was outside the bounds of the array.";
    internal const string Arg_InvalidCastException = "Specified cast is not valid.";
    internal const string Arg_InvalidOperationException = "Operation is not valid due to the current state of the object.";
    internal const string Arg_NotImplementedException = "The method or operation is not implemented.";
    internal const string Arg_NotSupportedException = "Specified method is not supported.";
    internal const string Arg_NullReferenceException = "Object reference not set to an instance of an object.";
    internal const string Arg_OutOfMemoryException = "Insufficient memory to continue the execution of the program.";
    internal const string Arg_OverflowException = "Arithmetic operation resulted in an overflow.";
    internal const string Arg_PlatformNotSupported = "Operation is not supported on this platform.";
    internal const string Arg_SystemException = "System error.";
    internal const string Exception_WasThrown = "Exception of type '{0}' was thrown.";
    internal const string Exception_EndOfInnerExceptionStack = "--- End of inner exception stack trace ---";
    internal const string ObjectDisposed_Generic = "Cannot access a disposed object.";
    internal const string ObjectDisposed_ObjectName_Name = "Object name: '{0}'.";
    internal const string Arg_DlgtTypeMis = "Delegates must be of the same type.";
    internal const string Arg_EnumAndObjectMustBeSameType = "Object must be the same type as the enum. The type passed in was '{0}'; the enum type was '{1}'.";
    internal const string Argument_EnumTypeDoesNotMatch = "The argument type, '{0}', is not the same as the enum type '{1}'.";
    internal const string Arg_MustBeType = "Object must be of type {0}.";
    internal const string Argument_DestinationTooShort = "Destination is too short.";
    internal const string Argument_InvalidTypeWithPointersNotSupported = "Cannot use type '{0}'. Only value types without pointers or references are supported.";
    internal const string Argument_EmptyString = "The value cannot be an empty string.";
    internal const string Argument_EmptyOrWhiteSpaceString = "The value cannot be an empty string or composed entirely of whitespace.";
    internal const string Argument_StringZeroLength = "String cannot be of zero length.";
    internal const string ArgumentOutOfRange_NeedNonNegNum = "Non-negative number required.";
    internal const string ArgumentOutOfRange_Index = "Index was out of range. Must be non-negative and less than the size of the collection.";
    internal const string ArgumentOutOfRange_IndexMustBeLessOrEqual = "Index was out of range. Must be non-negative and less than or equal to the size of the collection.";
    internal const string ArgumentOutOfRange_Count = "Count must be positive and count must refer to a location within the string/array/collection.";
    internal const string ArgumentOutOfRange_StartIndex = "StartIndex cannot be less than zero.";
    internal const string ArgumentOutOfRange_StartIndexLargerThanLength = "startIndex cannot be larger than length of string.";
    internal const string ArgumentOutOfRange_IndexLength = "Index and length must refer to a location within the string.";
    internal const string ArgumentOutOfRange_IndexCount = "Index and count must refer to a location within the string.";
    internal const string ArgumentOutOfRange_IndexCountBuffer = "Index and count must refer to a location within the buffer.";
    internal const string ArgumentOutOfRange_NegativeCount = "Count cannot be less than zero.";
    internal const string ArgumentOutOfRange_NegativeLength = "Length cannot be less than zero.";
    internal const string ArgumentOutOfRange_LengthGreaterThanCapacity = "The length cannot be greater than the capacity.";
    internal const string ArgumentOutOfRange_SmallCapacity = "capacity was less than the current size.";
    internal const string Arg_LongerThanSrcArray = "Source array was not long enough. Check the source index, length, and the array's lower bounds.";
    internal const string Arg_LongerThanDestArray = "Destination array was not long enough. Check the destination index, length, and the array's lower bounds.";
    internal const string Arg_ArrayPlusOffTooSmall = "Destination array is not long enough to copy all the items in the collection. Check array index and length.";
    internal const string Argument_InvalidOffLen = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";
    internal const string ArgumentOutOfRange_PartialWCHAR = "Pointer startIndex and length do not refer to a valid string.";
    internal const string ArgumentOutOfRange_Generic_MustBeNonNegative = "{0} ('{1}') must be a non-negative value.";
    internal const string ArgumentOutOfRange_ArrayLB = "Number was less than the array's lower bound in the first dimension.";
    internal const string ArgumentOutOfRange_IndexMustBeLess = "Index was out of range. Must be non-negative and less than the size of the collection.";
    internal const string Arg_MulticastNotSupportedException = "Attempted to add multiple callbacks to a delegate that does not support multicast.";
    internal const string Multicast_Combine = "Delegates that are not of type MulticastDelegate may not be combined.";
    internal const string Format_NeedSingleChar = "String must be exactly one character long.";
    internal const string InvalidOperation_NoValue = "Nullable object must have a value.";
    internal const string Overflow_Int32 = "Value was either too large or too small for an Int32.";
    internal const string Overflow_UInt32 = "Value was either too large or too small for a UInt32.";
    internal const string Overflow_Int64 = "Value was either too large or too small for an Int64.";
    internal const string Overflow_UInt64 = "Value was either too large or too small for a UInt64.";
    internal const string Overflow_Int16 = "Value was either too large or too small for an Int16.";
    internal const string Overflow_UInt16 = "Value was either too large or too small for a UInt16.";
    internal const string Overflow_Byte = "Value was either too large or too small for an unsigned byte.";
    internal const string Overflow_SByte = "Value was either too large or too small for a signed byte.";
    internal const string Overflow_IntPtr = "Value was either too large or too small for an IntPtr.";
    internal const string Overflow_UIntPtr = "Value was either too large or too small for a UIntPtr.";
    internal const string Format_InvalidStringWithValue = "The input string '{0}' was not in a correct format.";
    internal const string Format_BadFormatSpecifier = "Format specifier was invalid.";
    internal const string Argument_BadFormatSpecifier = "Format specifier was invalid.";
    internal const string Format_InvalidEnumFormatSpecification = "Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".";
    internal const string Arg_MustBeStringPtrNotAtom = "The pointer for this method was null.";
    internal const string Arg_InvalidHandle = "Invalid handle.";
    internal const string Arg_MustContainEnumInfo = "Must specify valid information for parsing in the string.";
    internal const string Argument_InvalidHighSurrogate = "Found a high surrogate char without a following low surrogate at index: {0}. The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.";
    internal const string Argument_InvalidLowSurrogate = "Found a low surrogate char without a preceding high surrogate at index: {0}. The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.";
    internal const string ArgumentOutOfRange_InvalidHighSurrogate = "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.";
    internal const string ArgumentOutOfRange_InvalidLowSurrogate = "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.";
    internal const string ArgumentOutOfRange_InvalidUTF32 = "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).";

    /// <summary>Substitutes {0}.</summary>
    internal static string Format(string resourceFormat, string? p0)
    {
        int i = resourceFormat.IndexOf('{');
        return string.Concat(resourceFormat.AsSpan(0, i), p0, resourceFormat.AsSpan(i + 3));
    }

    /// <summary>Substitutes {0} and {1}.</summary>
    internal static string Format(string resourceFormat, string? p0, string? p1)
    {
        int i = resourceFormat.IndexOf('{');
        int j = resourceFormat.IndexOf('{', i + 3);
        return string.Concat(
            string.Concat(resourceFormat.AsSpan(0, i), p0, resourceFormat.AsSpan(i + 3, j - i - 3)),
            p1,
            resourceFormat.Substring(j + 3));
    }
}
