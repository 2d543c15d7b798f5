using System.Runtime.CompilerServices;

namespace System.Buffers.Binary;

/// <content>Reading big-endian integers.</content>
public static partial class BinaryPrimitives
{
    /// <summary>Reads a <see cref="short"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="short"/>.</exception>
    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(short))
        {
            throw SpanTooShort();
        }

        return (short)ReadUInt16BE(source);
    }

    /// <summary>Reads a <see cref="short"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="short"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value)
    {
        if (source.Length < sizeof(short))
        {
            value = 0;
            return false;
        }

        value = (short)ReadUInt16BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="ushort"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="ushort"/>.</exception>
    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(ushort))
        {
            throw SpanTooShort();
        }

        return ReadUInt16BE(source);
    }

    /// <summary>Reads a <see cref="ushort"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ushort"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value)
    {
        if (source.Length < sizeof(ushort))
        {
            value = 0;
            return false;
        }

        value = ReadUInt16BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="int"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="int"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(int))
        {
            throw SpanTooShort();
        }

        return (int)ReadUInt32BE(source);
    }

    /// <summary>Reads a <see cref="int"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="int"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value)
    {
        if (source.Length < sizeof(int))
        {
            value = 0;
            return false;
        }

        value = (int)ReadUInt32BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="uint"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="uint"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(uint))
        {
            throw SpanTooShort();
        }

        return ReadUInt32BE(source);
    }

    /// <summary>Reads a <see cref="uint"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="uint"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value)
    {
        if (source.Length < sizeof(uint))
        {
            value = 0;
            return false;
        }

        value = ReadUInt32BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="long"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="long"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(long))
        {
            throw SpanTooShort();
        }

        return (long)ReadUInt64BE(source);
    }

    /// <summary>Reads a <see cref="long"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="long"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value)
    {
        if (source.Length < sizeof(long))
        {
            value = 0;
            return false;
        }

        value = (long)ReadUInt64BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="ulong"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="ulong"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(ulong))
        {
            throw SpanTooShort();
        }

        return ReadUInt64BE(source);
    }

    /// <summary>Reads a <see cref="ulong"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="ulong"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value)
    {
        if (source.Length < sizeof(ulong))
        {
            value = 0;
            return false;
        }

        value = ReadUInt64BE(source);
        return true;
    }

    /// <summary>Reads a <see cref="nint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="nint"/>.</exception>
    public static nint ReadIntPtrBigEndian(ReadOnlySpan<byte> source) =>
        NativeWord.Is64Bit ? (nint)ReadInt64BigEndian(source) : (nint)ReadInt32BigEndian(source);

    /// <summary>Reads a <see cref="nint"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nint"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadIntPtrBigEndian(ReadOnlySpan<byte> source, out nint value)
    {
        if (NativeWord.Is64Bit)
        {
            bool read64 = TryReadInt64BigEndian(source, out long value64);
            value = (nint)value64;
            return read64;
        }

        bool read32 = TryReadInt32BigEndian(source, out int value32);
        value = (nint)value32;
        return read32;
    }

    /// <summary>Reads a <see cref="nuint"/> (4 bytes in a 32-bit process, 8 in a 64-bit one) from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span to read.</param>
    /// <returns>The big-endian value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is too small to contain a <see cref="nuint"/>.</exception>
    public static nuint ReadUIntPtrBigEndian(ReadOnlySpan<byte> source) =>
        NativeWord.Is64Bit ? (nuint)ReadUInt64BigEndian(source) : (nuint)ReadUInt32BigEndian(source);

    /// <summary>Reads a <see cref="nuint"/> from the beginning of a read-only span of bytes, as big endian.</summary>
    /// <param name="source">The read-only span of bytes to read.</param>
    /// <param name="value">The big-endian value, or 0 if the span is too small.</param>
    /// <returns><see langword="true"/> if the span is large enough to contain a <see cref="nuint"/>; otherwise <see langword="false"/>.</returns>
    public static bool TryReadUIntPtrBigEndian(ReadOnlySpan<byte> source, out nuint value)
    {
        if (NativeWord.Is64Bit)
        {
            bool read64 = TryReadUInt64BigEndian(source, out ulong value64);
            value = (nuint)value64;
            return read64;
        }

        bool read32 = TryReadUInt32BigEndian(source, out uint value32);
        value = (nuint)value32;
        return read32;
    }
}
