namespace Xous.Cbor;

/// <summary>
/// Relaxations and limits of <see cref="CborReader"/>. The default value is the strict CTAP2 reader: no tags, no
/// floats, nesting at most <see cref="DefaultMaxDepth"/>.
/// </summary>
public struct CborReaderOptions
{
    /// <summary>The nesting limit used when <see cref="MaxDepth"/> is 0.</summary>
    public const int DefaultMaxDepth = 16;

    /// <summary>The largest nesting limit a reader or writer accepts.</summary>
    public const int LargestMaxDepth = 32;

    /// <summary>Accept tags (major type 6); <see cref="CborReader.ReadTag"/> reads them.</summary>
    public bool AllowTags { get; set; }

    /// <summary>Accept half, single and double floats; <see cref="CborReader.ReadDouble"/> reads them.</summary>
    public bool AllowFloats { get; set; }

    /// <summary>
    /// How deeply arrays and maps may nest (1 to <see cref="LargestMaxDepth"/>); 0 means
    /// <see cref="DefaultMaxDepth"/>. A top-level array is depth 1.
    /// </summary>
    public int MaxDepth { get; set; }
}
