using System.Runtime.CompilerServices;

namespace System.Buffers.Binary;

/// <content>Writing big-endian integers.</content>
public static partial class BinaryPrimitives
{
    /// <summary>Writes a <see cref="short"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="short"/>.</exception>
    public static void WriteInt16BigEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short))
        {
            throw SpanTooShort();
        }

        WriteUInt16BE(destination, (ushort)value);
    }

    /// <summary>Writes a <see cref="short"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="short"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt16BigEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short))
        {
            return false;
        }

        WriteUInt16BE(destination, (ushort)value);
        return true;
    }

    /// <summary>Writes a <see cref="ushort"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="ushort"/>.</exception>
    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort))
        {
            throw SpanTooShort();
        }

        WriteUInt16BE(destination, value);
    }

    /// <summary>Writes a <see cref="ushort"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ushort"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort))
        {
            return false;
        }

        WriteUInt16BE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="int"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="int"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32BigEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int))
        {
            throw SpanTooShort();
        }

        WriteUInt32BE(destination, (uint)value);
    }

    /// <summary>Writes a <see cref="int"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="int"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt32BigEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int))
        {
            return false;
        }

        WriteUInt32BE(destination, (uint)value);
        return true;
    }

    /// <summary>Writes a <see cref="uint"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="uint"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt32BigEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint))
        {
            throw SpanTooShort();
        }

        WriteUInt32BE(destination, value);
    }

    /// <summary>Writes a <see cref="uint"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="uint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint))
        {
            return false;
        }

        WriteUInt32BE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="long"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="long"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64BigEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long))
        {
            throw SpanTooShort();
        }

        WriteUInt64BE(destination, (ulong)value);
    }

    /// <summary>Writes a <see cref="long"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="long"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt64BigEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long))
        {
            return false;
        }

        WriteUInt64BE(destination, (ulong)value);
        return true;
    }

    /// <summary>Writes a <see cref="ulong"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="ulong"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong))
        {
            throw SpanTooShort();
        }

        WriteUInt64BE(destination, value);
    }

    /// <summary>Writes a <see cref="ulong"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ulong"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong))
        {
            return false;
        }

        WriteUInt64BE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="nint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="nint"/>.</exception>
    public static void WriteIntPtrBigEndian(Span<byte> destination, nint value)
    {
        if (NativeWord.Is64Bit)
        {
            WriteInt64BigEndian(destination, value);
        }
        else
        {
            WriteInt32BigEndian(destination, unchecked((int)value));
        }
    }

    /// <summary>Writes a <see cref="nint"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteIntPtrBigEndian(Span<byte> destination, nint value) =>
        NativeWord.Is64Bit
            ? TryWriteInt64BigEndian(destination, value)
            : TryWriteInt32BigEndian(destination, unchecked((int)value));

    /// <summary>Writes a <see cref="nuint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="nuint"/>.</exception>
    public static void WriteUIntPtrBigEndian(Span<byte> destination, nuint value)
    {
        if (NativeWord.Is64Bit)
        {
            WriteUInt64BigEndian(destination, value);
        }
        else
        {
            WriteUInt32BigEndian(destination, unchecked((uint)value));
        }
    }

    /// <summary>Writes a <see cref="nuint"/> into a span of bytes, as big endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nuint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUIntPtrBigEndian(Span<byte> destination, nuint value) =>
        NativeWord.Is64Bit
            ? TryWriteUInt64BigEndian(destination, value)
            : TryWriteUInt32BigEndian(destination, unchecked((uint)value));
}
