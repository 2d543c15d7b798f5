namespace System;

/// <content>Division with remainder and full-width multiplication.</content>
public static partial class Math
{
    /// <summary>Calculates the quotient of two 32-bit signed integers and also returns the remainder in an output parameter.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="result">The remainder.</param>
    /// <returns>The quotient of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static int DivRem(int a, int b, out int result)
    {
        int div = a / b;
        result = a - (div * b);
        return div;
    }

    /// <summary>Calculates the quotient of two 64-bit signed integers and also returns the remainder in an output parameter.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="result">The remainder.</param>
    /// <returns>The quotient of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static long DivRem(long a, long b, out long result)
    {
        long div = a / b;
        result = a - (div * b);
        return div;
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="sbyte"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (sbyte Quotient, sbyte Remainder) DivRem(sbyte left, sbyte right)
    {
        sbyte quotient = (sbyte)(left / right);
        return (quotient, (sbyte)(left - (quotient * right)));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="byte"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (byte Quotient, byte Remainder) DivRem(byte left, byte right)
    {
        byte quotient = (byte)(left / right);
        return (quotient, (byte)(left - (quotient * right)));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="short"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (short Quotient, short Remainder) DivRem(short left, short right)
    {
        short quotient = (short)(left / right);
        return (quotient, (short)(left - (quotient * right)));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="ushort"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (ushort Quotient, ushort Remainder) DivRem(ushort left, ushort right)
    {
        ushort quotient = (ushort)(left / right);
        return (quotient, (ushort)(left - (quotient * right)));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="int"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (int Quotient, int Remainder) DivRem(int left, int right)
    {
        int quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="uint"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (uint Quotient, uint Remainder) DivRem(uint left, uint right)
    {
        uint quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="long"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (long Quotient, long Remainder) DivRem(long left, long right)
    {
        long quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="ulong"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (ulong Quotient, ulong Remainder) DivRem(ulong left, ulong right)
    {
        ulong quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="nint"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (nint Quotient, nint Remainder) DivRem(nint left, nint right)
    {
        nint quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the quotient and the remainder of two <see cref="nuint"/> numbers.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient and the remainder of the specified numbers.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static (nuint Quotient, nuint Remainder) DivRem(nuint left, nuint right)
    {
        nuint quotient = left / right;
        return (quotient, left - (quotient * right));
    }

    /// <summary>Produces the full product of two 32-bit signed numbers.</summary>
    /// <param name="a">The first number to multiply.</param>
    /// <param name="b">The second number to multiply.</param>
    /// <returns>The number containing the product of the specified numbers.</returns>
    public static long BigMul(int a, int b) => (long)a * b;

    /// <summary>Produces the full product of two 32-bit unsigned numbers.</summary>
    /// <param name="a">The first number to multiply.</param>
    /// <param name="b">The second number to multiply.</param>
    /// <returns>The number containing the product of the specified numbers.</returns>
    public static ulong BigMul(uint a, uint b) => (ulong)a * b;

    /// <summary>Produces the full product of two unsigned 64-bit numbers.</summary>
    /// <param name="a">The first number to multiply.</param>
    /// <param name="b">The second number to multiply.</param>
    /// <param name="low">The low 64 bits of the product of the specified numbers.</param>
    /// <returns>The high 64 bits of the product of the specified numbers.</returns>
    public static ulong BigMul(ulong a, ulong b, out ulong low)
    {
        // Schoolbook multiplication of 32-bit halves; no carry is lost (each partial sum fits in 64 bits).
        ulong al = (uint)a;
        ulong ah = a >> 32;
        ulong bl = (uint)b;
        ulong bh = b >> 32;

        ulong mull = al * bl;
        ulong t = (ah * bl) + (mull >> 32);
        ulong tl = (al * bh) + (uint)t;

        low = (tl << 32) | (uint)mull;

        return (ah * bh) + (t >> 32) + (tl >> 32);
    }

    /// <summary>Produces the full product of two 64-bit numbers.</summary>
    /// <param name="a">The first number to multiply.</param>
    /// <param name="b">The second number to multiply.</param>
    /// <param name="low">The low 64 bits of the product of the specified numbers.</param>
    /// <returns>The high 64 bits of the product of the specified numbers.</returns>
    public static long BigMul(long a, long b, out long low)
    {
        ulong high = BigMul((ulong)a, (ulong)b, out ulong ulow);
        low = (long)ulow;

        // The unsigned product, corrected for the signs: subtract b if a < 0 and a if b < 0 from the high half.
        return (long)high - ((a >> 63) & b) - ((b >> 63) & a);
    }
}
