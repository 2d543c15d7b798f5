using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices;

/// <summary>Reinterpretation of spans and access to the data behind arrays and spans.</summary>
public static unsafe class MemoryMarshal
{
    public static ref T GetReference<T>(Span<T> span) => ref span._reference;

    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

    /// <summary>A reference to element 0 of <paramref name="array"/> (valid even when it is empty); no null or type check.</summary>
    public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);

    public static ref byte GetArrayDataReference(Array array) => ref Unsafe.As<RawArrayData>(array).Data;

    public static Span<T> CreateSpan<T>(scoped ref T reference, int length)
    {
        if (length < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        return new Span<T>(ref Unsafe.AsRef(in reference), length);
    }

    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length)
    {
        if (length < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        return new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);
    }

    public static ReadOnlySpan<char> CreateReadOnlySpanFromNullTerminated(char* value) =>
        value != null ? new ReadOnlySpan<char>(value, string.StrLen(value)) : default;

    public static ReadOnlySpan<byte> CreateReadOnlySpanFromNullTerminated(byte* value)
    {
        if (value == null)
        {
            return default;
        }

        int length = 0;
        while (value[length] != 0)
        {
            length++;
        }

        return new ReadOnlySpan<byte>(value, length);
    }

    public static Span<byte> AsBytes<T>(Span<T> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        return new Span<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), checked(span.Length * Unsafe.SizeOf<T>()));
    }

    public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        return new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), checked(span.Length * Unsafe.SizeOf<T>()));
    }

    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span)
        where TFrom : struct
        where TTo : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TFrom>() || RuntimeHelpers.IsReferenceOrContainsReferences<TTo>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        uint fromSize = (uint)Unsafe.SizeOf<TFrom>();
        uint toSize = (uint)Unsafe.SizeOf<TTo>();
        uint fromLength = (uint)span.Length;
        int toLength;
        if (fromSize == toSize)
        {
            toLength = (int)fromLength;
        }
        else if (fromSize == 1)
        {
            toLength = (int)(fromLength / toSize);
        }
        else
        {
            ulong toLengthUInt64 = (ulong)fromLength * (ulong)fromSize / (ulong)toSize;
            toLength = checked((int)toLengthUInt64);
        }

        return new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), toLength);
    }

    public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span)
        where TFrom : struct
        where TTo : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TFrom>() || RuntimeHelpers.IsReferenceOrContainsReferences<TTo>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        uint fromSize = (uint)Unsafe.SizeOf<TFrom>();
        uint toSize = (uint)Unsafe.SizeOf<TTo>();
        uint fromLength = (uint)span.Length;
        int toLength;
        if (fromSize == toSize)
        {
            toLength = (int)fromLength;
        }
        else if (fromSize == 1)
        {
            toLength = (int)(fromLength / toSize);
        }
        else
        {
            ulong toLengthUInt64 = (ulong)fromLength * (ulong)fromSize / (ulong)toSize;
            toLength = checked((int)toLengthUInt64);
        }

        return new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref GetReference(span)), toLength);
    }

    public static ref T AsRef<T>(Span<byte> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (Unsafe.SizeOf<T>() > (uint)span.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        return ref Unsafe.As<byte, T>(ref GetReference(span));
    }

    public static ref readonly T AsRef<T>(ReadOnlySpan<byte> span) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (Unsafe.SizeOf<T>() > (uint)span.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        return ref Unsafe.As<byte, T>(ref GetReference(span));
    }

    public static T Read<T>(ReadOnlySpan<byte> source) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (Unsafe.SizeOf<T>() > source.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        return Unsafe.ReadUnaligned<T>(ref GetReference(source));
    }

    public static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (Unsafe.SizeOf<T>() > (uint)source.Length)
        {
            value = default;
            return false;
        }

        value = Unsafe.ReadUnaligned<T>(ref GetReference(source));
        return true;
    }

    public static void Write<T>(Span<byte> destination, in T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if ((uint)Unsafe.SizeOf<T>() > (uint)destination.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException("length");
        }

        Unsafe.WriteUnaligned(ref GetReference(destination), value);
    }

    public static bool TryWrite<T>(Span<byte> destination, in T value) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            ThrowHelper.ThrowInvalidTypeWithPointersNotSupported();
        }

        if (Unsafe.SizeOf<T>() > (uint)destination.Length)
        {
            return false;
        }

        Unsafe.WriteUnaligned(ref GetReference(destination), value);
        return true;
    }
}
