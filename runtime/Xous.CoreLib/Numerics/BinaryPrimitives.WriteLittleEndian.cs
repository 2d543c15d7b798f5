using System.Runtime.CompilerServices;

namespace System.Buffers.Binary;

/// <content>Writing little-endian integers.</content>
public static partial class BinaryPrimitives
{
    /// <summary>Writes a <see cref="short"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="short"/>.</exception>
    public static void WriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short))
        {
            throw SpanTooShort();
        }

        WriteUInt16LE(destination, (ushort)value);
    }

    /// <summary>Writes a <see cref="short"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="short"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
    {
        if (destination.Length < sizeof(short))
        {
            return false;
        }

        WriteUInt16LE(destination, (ushort)value);
        return true;
    }

    /// <summary>Writes a <see cref="ushort"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="ushort"/>.</exception>
    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort))
        {
            throw SpanTooShort();
        }

        WriteUInt16LE(destination, value);
    }

    /// <summary>Writes a <see cref="ushort"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ushort"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
    {
        if (destination.Length < sizeof(ushort))
        {
            return false;
        }

        WriteUInt16LE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="int"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="int"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int))
        {
            throw SpanTooShort();
        }

        WriteUInt32LE(destination, (uint)value);
    }

    /// <summary>Writes a <see cref="int"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="int"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
    {
        if (destination.Length < sizeof(int))
        {
            return false;
        }

        WriteUInt32LE(destination, (uint)value);
        return true;
    }

    /// <summary>Writes a <see cref="uint"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="uint"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint))
        {
            throw SpanTooShort();
        }

        WriteUInt32LE(destination, value);
    }

    /// <summary>Writes a <see cref="uint"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="uint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
    {
        if (destination.Length < sizeof(uint))
        {
            return false;
        }

        WriteUInt32LE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="long"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="long"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long))
        {
            throw SpanTooShort();
        }

        WriteUInt64LE(destination, (ulong)value);
    }

    /// <summary>Writes a <see cref="long"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="long"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
    {
        if (destination.Length < sizeof(long))
        {
            return false;
        }

        WriteUInt64LE(destination, (ulong)value);
        return true;
    }

    /// <summary>Writes a <see cref="ulong"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="ulong"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong))
        {
            throw SpanTooShort();
        }

        WriteUInt64LE(destination, value);
    }

    /// <summary>Writes a <see cref="ulong"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ulong"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
    {
        if (destination.Length < sizeof(ulong))
        {
            return false;
        }

        WriteUInt64LE(destination, value);
        return true;
    }

    /// <summary>Writes a <see cref="nint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="nint"/>.</exception>
    public static void WriteIntPtrLittleEndian(Span<byte> destination, nint value)
    {
        if (NativeWord.Is64Bit)
        {
            WriteInt64LittleEndian(destination, value);
        }
        else
        {
            WriteInt32LittleEndian(destination, unchecked((int)value));
        }
    }

    /// <summary>Writes a <see cref="nint"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteIntPtrLittleEndian(Span<byte> destination, nint value) =>
        NativeWord.Is64Bit
            ? TryWriteInt64LittleEndian(destination, value)
            : TryWriteInt32LittleEndian(destination, unchecked((int)value));

    /// <summary>Writes a <see cref="nuint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is too small to contain a <see cref="nuint"/>.</exception>
    public static void WriteUIntPtrLittleEndian(Span<byte> destination, nuint value)
    {
        if (NativeWord.Is64Bit)
        {
            WriteUInt64LittleEndian(destination, value);
        }
        else
        {
            WriteUInt32LittleEndian(destination, unchecked((uint)value));
        }
    }

    /// <summary>Writes a <see cref="nuint"/> into a span of bytes, as little endian.</summary>
    /// <param name="destination">The span of bytes where the value is to be written.</param>
    /// <param name="value">The value to write into the span of bytes.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nuint"/>; otherwise <see langword="false"/> (nothing is written).</returns>
    public static bool TryWriteUIntPtrLittleEndian(Span<byte> destination, nuint value) =>
        NativeWord.Is64Bit
            ? TryWriteUInt64LittleEndian(destination, value)
            : TryWriteUInt32LittleEndian(destination, unchecked((uint)value));
}
