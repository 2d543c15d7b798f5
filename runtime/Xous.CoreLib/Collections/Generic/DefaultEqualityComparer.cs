using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>
/// The comparer behind <see cref="EqualityComparer{T}.Default"/>: <see cref="IEquatable{T}.Equals(T)"/> when the
/// value implements it, a bitwise comparison for enums, <see cref="object.Equals(object)"/> otherwise.
/// </summary>
/// <remarks>
/// <para>
/// Plain C#, no intrinsic. For a value type <c>T</c>, <c>x is IEquatable&lt;T&gt;</c> compiles to
/// <c>box T; isinst IEquatable&lt;T&gt;</c>, a constant once <c>T</c> is known, and the call that follows is
/// <c>box T; castclass; callvirt IEquatable&lt;T&gt;::Equals</c>. <c>tools/ilcompiler</c> must fold that sequence
/// into a direct call on the unboxed value (the pattern RyuJIT also folds); without the fold every comparison of a
/// value type allocates a box. For reference types the test is one type check per call and never allocates.
/// </para>
/// <para>
/// Differences from .NET, which chooses the comparer once from the static type <c>T</c>: the test here is on the
/// runtime value, so a subclass of <c>T</c> that implements <c>IEquatable&lt;T&gt;</c> is compared through it even
/// when <c>T</c> itself does not implement it. The two agree whenever <c>Equals(object)</c> and
/// <c>IEquatable&lt;T&gt;.Equals</c> agree, as .NET's guidelines require.
/// </para>
/// </remarks>
internal sealed class DefaultEqualityComparer<T> : EqualityComparer<T>
{
    public override bool Equals(T? x, T? y)
    {
        if (x is null)
        {
            return y is null;
        }

        if (y is null)
        {
            return false;
        }

        if (x is IEquatable<T>)
        {
            return ((IEquatable<T>)x).Equals(y);
        }

        // Two values of one enum type are equal exactly when their underlying integers are, i.e. their bits.
        // default(T) != null restricts this to enum value types (T itself may be the reference type System.Enum).
        if (default(T) != null && x is Enum)
        {
            return EnumBitsEqual(ref x, ref y);
        }

        return x.Equals(y);
    }

    public override int GetHashCode([DisallowNull] T obj)
    {
        if (obj is null)
        {
            return 0;
        }

        // int/uint-backed enums hash to their value, long/ulong-backed ones to low ^ high (the primitives' formulas,
        // which do not depend on the sign). Byte- and short-sized enums differ by sign, so they ask the enum itself.
        if (default(T) != null && obj is Enum)
        {
            int size = Unsafe.SizeOf<T>();
            if (size == sizeof(int))
            {
                return Unsafe.As<T, int>(ref obj);
            }

            if (size == sizeof(long))
            {
                ulong bits = Unsafe.As<T, ulong>(ref obj);
                return unchecked((int)bits ^ (int)(bits >> 32));
            }
        }

        return obj.GetHashCode();
    }

    private static bool EnumBitsEqual(ref T x, ref T y)
    {
        switch (Unsafe.SizeOf<T>())
        {
            case sizeof(byte):
                return Unsafe.As<T, byte>(ref x) == Unsafe.As<T, byte>(ref y);
            case sizeof(ushort):
                return Unsafe.As<T, ushort>(ref x) == Unsafe.As<T, ushort>(ref y);
            case sizeof(uint):
                return Unsafe.As<T, uint>(ref x) == Unsafe.As<T, uint>(ref y);
            default:
                return Unsafe.As<T, ulong>(ref x) == Unsafe.As<T, ulong>(ref y);
        }
    }
}
