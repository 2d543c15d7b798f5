using System;

namespace Xous.Abi;

/// <summary>
/// A non-empty range of virtual memory: a non-zero address and a non-zero size (Xous's <c>MemoryRange</c>
/// uses <c>NonZeroUsize</c> for both). The default value is the only empty range and is never valid on the wire.
/// </summary>
public readonly struct MemoryRange : IEquatable<MemoryRange>
{
    private MemoryRange(nuint address, nuint size)
    {
        Address = address;
        Size = size;
    }

    /// <summary>The first byte's address.</summary>
    public nuint Address { get; }

    /// <summary>The size in bytes.</summary>
    public nuint Size { get; }

    /// <summary>True for the default (empty, invalid) range.</summary>
    public bool IsEmpty => Size == 0;

    /// <summary>True when both address and size are multiples of <see cref="Limits.PageSize"/>.</summary>
    public bool IsPageAligned => (Address % Limits.PageSize) == 0 && (Size % Limits.PageSize) == 0;

    /// <summary>Creates a range; false when the address or the size is zero.</summary>
    public static bool TryCreate(nuint address, nuint size, out MemoryRange range)
    {
        if (address == 0 || size == 0)
        {
            range = default;
            return false;
        }

        range = new MemoryRange(address, size);
        return true;
    }

    /// <summary>Creates a range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The address or the size is zero.</exception>
    public static MemoryRange Create(nuint address, nuint size)
    {
        if (!TryCreate(address, size, out MemoryRange range))
        {
            throw new ArgumentOutOfRangeException(nameof(size), "A memory range needs a non-zero address and size.");
        }

        return range;
    }

    /// <inheritdoc/>
    public bool Equals(MemoryRange other) => Address == other.Address && Size == other.Size;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MemoryRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Address.GetHashCode() ^ (Size.GetHashCode() * 397);

    /// <summary>Address and size in decimal bytes.</summary>
    public override string ToString() => "[" + Address.ToString() + " +" + Size.ToString() + "]";

    /// <summary>True when equal.</summary>
    public static bool operator ==(MemoryRange left, MemoryRange right) => left.Equals(right);

    /// <summary>True when different.</summary>
    public static bool operator !=(MemoryRange left, MemoryRange right) => !left.Equals(right);
}
