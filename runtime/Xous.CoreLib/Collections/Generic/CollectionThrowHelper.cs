namespace System.Collections.Generic;

/// <summary>
/// Builds the exceptions the collections throw, with .NET's types and messages, so each throw site is one call.
/// Callers write <c>throw CollectionThrowHelper.X()</c>: the compiler then knows the site does not return.
/// </summary>
/// <remarks>
/// Messages never contain keys or values (house rule 7: a key may be a secret). .NET puts the key into the messages of
/// <see cref="KeyNotFoundException"/> and of the duplicate-key <see cref="ArgumentException"/>; ours do not.
/// </remarks>
internal static class CollectionThrowHelper
{
    internal const string NeedNonNegativeNumber = "Non-negative number required.";
    internal const string IndexMustBeLess = "Index was out of range. Must be non-negative and less than the size of the collection.";
    internal const string IndexMustBeLessOrEqual = "Index must be within the bounds of the List.";
    internal const string CountOutOfRange = "Count must be positive and count must refer to a location within the string/array/collection.";
    internal const string InvalidOffsetLength = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";
    internal const string ArrayPlusOffsetTooSmall = "Destination array is not long enough to copy all the items in the collection. Check array index and length.";
    internal const string CapacityLessThanSize = "capacity was less than the current size.";

    internal static Exception VersionChanged() =>
        new InvalidOperationException("Collection was modified; enumeration operation may not execute.");

    internal static Exception EnumerationNotStartedOrEnded() =>
        new InvalidOperationException("Enumeration has either not started or has already finished.");

    internal static Exception ConcurrentOperationsNotSupported() =>
        new InvalidOperationException("Operations that change non-concurrent collections must have exclusive access. A concurrent update was performed on this collection and corrupted its state. The collection's state is no longer correct.");

    internal static Exception KeyNotFound() => new KeyNotFoundException();

    internal static Exception DuplicateKey() => new ArgumentException("An item with the same key has already been added.");

    internal static Exception EmptyQueue() => new InvalidOperationException("Queue empty.");

    internal static Exception EmptyStack() => new InvalidOperationException("Stack empty.");

    internal static Exception KeyCollectionSet() => new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

    internal static Exception ValueCollectionSet() => new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

    internal static Exception OutOfRange(string paramName, string message) => new ArgumentOutOfRangeException(paramName, message);

    internal static Exception NegativeNumber(string paramName) => new ArgumentOutOfRangeException(paramName, NeedNonNegativeNumber);

    internal static Exception InvalidOffsetLengthArgument() => new ArgumentException(InvalidOffsetLength);

    internal static Exception ArrayTooSmall() => new ArgumentException(ArrayPlusOffsetTooSmall);

    internal static Exception ComparerFailed(Exception inner) =>
        new InvalidOperationException("Failed to compare two elements in the array.", inner);

    internal static Exception BadComparer() =>
        new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results.");
}
