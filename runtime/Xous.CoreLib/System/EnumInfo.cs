namespace System;

/// <summary>
/// What the corlib knows about one enum type, built by tools/ilcompiler (one instance per enum type, returned by
/// <c>DeviceRuntime.GetEnumInfo</c>). <see cref="Values"/> are the raw bits of the named constants,
/// zero-extended to 64 bits and sorted as unsigned numbers; <see cref="Names"/> are in the same order; constants
/// with equal values keep their declaration order.
/// </summary>
internal sealed class EnumInfo
{
    internal EnumInfo(string[] names, ulong[] values, bool hasFlagsAttribute, int underlyingSize, bool underlyingIsSigned)
    {
        Names = names;
        Values = values;
        HasFlagsAttribute = hasFlagsAttribute;
        UnderlyingSize = underlyingSize;
        UnderlyingIsSigned = underlyingIsSigned;
    }

    internal string[] Names { get; }

    internal ulong[] Values { get; }

    internal bool HasFlagsAttribute { get; }

    /// <summary>1, 2, 4 or 8: the size of the underlying integer type.</summary>
    internal int UnderlyingSize { get; }

    internal bool UnderlyingIsSigned { get; }
}
