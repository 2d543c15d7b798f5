namespace Xous.Cbor;

/// <summary>What <see cref="CborReader.PeekState"/> found at the current position.</summary>
public enum CborReaderState
{
    /// <summary>An unsigned integer (major type 0).</summary>
    UnsignedInteger = 0,

    /// <summary>A negative integer (major type 1).</summary>
    NegativeInteger = 1,

    /// <summary>A definite-length byte string.</summary>
    ByteString = 2,

    /// <summary>A definite-length UTF-8 text string.</summary>
    TextString = 3,

    /// <summary>The start of a definite-length array.</summary>
    StartArray = 4,

    /// <summary>The start of a definite-length map.</summary>
    StartMap = 5,

    /// <summary>All items of the current array have been read; call <see cref="CborReader.ReadEndArray"/>.</summary>
    EndArray = 6,

    /// <summary>All pairs of the current map have been read; call <see cref="CborReader.ReadEndMap"/>.</summary>
    EndMap = 7,

    /// <summary>A tag (only when <see cref="CborReaderOptions.AllowTags"/> is on).</summary>
    Tag = 8,

    /// <summary><c>false</c> or <c>true</c>.</summary>
    Boolean = 9,

    /// <summary><c>null</c>.</summary>
    Null = 10,

    /// <summary>A half, single or double float (only when <see cref="CborReaderOptions.AllowFloats"/> is on).</summary>
    Float = 11,

    /// <summary>The top-level item has been read and no input is left.</summary>
    Finished = 12,
}
