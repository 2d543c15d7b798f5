namespace System.Runtime.CompilerServices;

// The fields are written by tools/ilcompiler (or, for the views, never: they only describe a layout).
#pragma warning disable CS0649

/// <summary>
/// Views any object as its first field: <c>Unsafe.As&lt;RawData&gt;(obj).Data</c> is the first byte after the
/// object header (for a boxed value, the value itself).
/// </summary>
internal sealed class RawData
{
    public byte Data;
}

/// <summary>Views an array as its length followed by its elements (the layout tools/ilcompiler emits).</summary>
internal sealed class RawArrayData
{
    public int Length;
    public byte Data;
}

/// <summary>Views a string as its length followed by its UTF-16 code units.</summary>
internal sealed class RawStringData
{
    public int Length;
    public char FirstChar;
}
