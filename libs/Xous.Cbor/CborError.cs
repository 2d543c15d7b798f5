namespace Xous.Cbor;

/// <summary>What went wrong while writing or reading CBOR. Carried by <see cref="CborException"/>.</summary>
public enum CborError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Writer: the destination span has no room for the next item.</summary>
    BufferTooSmall = 1,

    /// <summary>Reader: the input ends in the middle of an item, or where an item was expected.</summary>
    UnexpectedEndOfInput = 2,

    /// <summary>Reader: an indefinite-length string, array or map, or a stray break byte (0xFF).</summary>
    IndefiniteLength = 3,

    /// <summary>Reader: an integer, length or simple value not encoded in its shortest form.</summary>
    NonShortestEncoding = 4,

    /// <summary>Reader: additional information 28–30 (reserved), or 31 on a major type that has no indefinite form.</summary>
    ReservedAdditionalInfo = 5,

    /// <summary>A map key equal to the previous key of the same map.</summary>
    DuplicateKey = 6,

    /// <summary>A map key that sorts before the previous key of the same map in CTAP2 canonical order.</summary>
    KeyOutOfOrder = 7,

    /// <summary>Reader: a text string that is not well-formed UTF-8 (overlong, surrogate, above U+10FFFF, truncated).</summary>
    InvalidUtf8 = 8,

    /// <summary>Writer: a text string containing an unpaired UTF-16 surrogate.</summary>
    InvalidUtf16 = 9,

    /// <summary>Reader: a tag (major type 6), and <see cref="CborReaderOptions.AllowTags"/> is off.</summary>
    TagNotAllowed = 10,

    /// <summary>Reader: a floating-point value, and <see cref="CborReaderOptions.AllowFloats"/> is off.</summary>
    FloatNotAllowed = 11,

    /// <summary>Reader: a simple value other than false, true and null (undefined, unassigned simple values).</summary>
    UnsupportedSimpleValue = 12,

    /// <summary>Arrays and maps nested deeper than the limit.</summary>
    NestingTooDeep = 13,

    /// <summary>Reader: a declared length (string bytes, or array/map items) larger than the remaining input.</summary>
    LengthBeyondInput = 14,

    /// <summary>Reader: bytes after the one top-level item.</summary>
    TrailingBytes = 15,

    /// <summary>The next item is not of the kind the call expects (e.g. <c>ReadUInt64</c> on a text string).</summary>
    UnexpectedType = 16,

    /// <summary>Reader: an integer outside the range of the requested .NET type.</summary>
    IntegerOverflow = 17,

    /// <summary>More items written than the array or map declared, or a second top-level item.</summary>
    TooManyItems = 18,

    /// <summary>An array or map ended before all its declared items were written or read.</summary>
    TooFewItems = 19,

    /// <summary>An end call that does not match the open container (ending a map as an array, or with nothing open).</summary>
    MismatchedEnd = 20,

    /// <summary>An argument outside its documented range (a negative count, a depth limit outside 1–32).</summary>
    InvalidArgument = 21,
}
