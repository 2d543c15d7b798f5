using System;

namespace Xous.Crypto;

/// <summary>
/// The software <see cref="ICurve25519Engine"/>: the constant-time Montgomery ladder of RFC 7748 §5 over
/// GF(2^255 − 19). 255 ladder steps, each with a masked conditional swap, then one inversion by a fixed
/// exponentiation chain; no branch or memory index depends on the scalar. The clamped scalar copy and the ladder
/// state are wiped before returning. Stateless and allocation-free; one instance may be shared.
/// </summary>
public sealed class Curve25519SoftwareEngine : ICurve25519Engine
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A span is not 32 bytes long.</exception>
    public void ScalarMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> result)
    {
        Check.Length(scalar.Length, X25519.KeySizeInBytes, nameof(scalar));
        Check.Length(u.Length, X25519.KeySizeInBytes, nameof(u));
        Check.Length(result.Length, X25519.KeySizeInBytes, nameof(result));
        Ladder(scalar, u, result);
    }

    /// <summary>X25519(k, u): clamps k, ignores bit 255 of u, writes the canonical result.</summary>
    internal static void Ladder(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> result)
    {
        Span<byte> k = stackalloc byte[32];
        scalar.CopyTo(k);
        k[0] &= 248;
        k[31] &= 127;
        k[31] |= 64;

        LadderState state = default;
        Field25519.FromBytes(ref state.X1, u);
        Field25519.One(ref state.X2);
        Field25519.Zero(ref state.Z2);
        state.X3 = state.X1;
        Field25519.One(ref state.Z3);

        int swap = 0;
        for (int t = 254; t >= 0; t--)
        {
            int bit = (k[t >> 3] >> (t & 7)) & 1;
            swap ^= bit;
            Field25519.ConditionalSwap(ref state.X2, ref state.X3, swap);
            Field25519.ConditionalSwap(ref state.Z2, ref state.Z3, swap);
            swap = bit;
            Step(ref state);
        }

        Field25519.ConditionalSwap(ref state.X2, ref state.X3, swap);
        Field25519.ConditionalSwap(ref state.Z2, ref state.Z3, swap);

        Field25519.Invert(ref state.Z2, state.Z2);
        Field25519.Multiply(ref state.X2, state.X2, state.Z2);
        Field25519.ToBytes(result, state.X2);
        state.Wipe();
        k.Clear();
    }

    /// <summary>One differential addition and doubling (RFC 7748 §5, a24 = 121665).</summary>
    private static void Step(ref LadderState s)
    {
        Field25519.Add(ref s.A, s.X2, s.Z2);
        Field25519.Square(ref s.AA, s.A);
        Field25519.Subtract(ref s.B, s.X2, s.Z2);
        Field25519.Square(ref s.BB, s.B);
        Field25519.Subtract(ref s.E, s.AA, s.BB);
        Field25519.Add(ref s.C, s.X3, s.Z3);
        Field25519.Subtract(ref s.D, s.X3, s.Z3);
        Field25519.Multiply(ref s.D, s.D, s.A); // DA
        Field25519.Multiply(ref s.C, s.C, s.B); // CB
        Field25519.Add(ref s.X3, s.D, s.C);
        Field25519.Square(ref s.X3, s.X3); // (DA + CB)²
        Field25519.Subtract(ref s.Z3, s.D, s.C);
        Field25519.Square(ref s.Z3, s.Z3);
        Field25519.Multiply(ref s.Z3, s.Z3, s.X1); // x1·(DA − CB)²
        Field25519.Multiply(ref s.X2, s.AA, s.BB);
        Field25519.MultiplySmall(ref s.Z2, s.E, 121665);
        Field25519.Add(ref s.Z2, s.Z2, s.AA);
        Field25519.Multiply(ref s.Z2, s.Z2, s.E); // E·(AA + a24·E)
    }

    /// <summary>The ladder's registers and temporaries, kept together so one call wipes them all.</summary>
    private struct LadderState
    {
        public FieldElement X1;
        public FieldElement X2;
        public FieldElement Z2;
        public FieldElement X3;
        public FieldElement Z3;
        public FieldElement A;
        public FieldElement AA;
        public FieldElement B;
        public FieldElement BB;
        public FieldElement C;
        public FieldElement D;
        public FieldElement E;

        public void Wipe()
        {
            Field25519.Wipe(ref X1);
            Field25519.Wipe(ref X2);
            Field25519.Wipe(ref Z2);
            Field25519.Wipe(ref X3);
            Field25519.Wipe(ref Z3);
            Field25519.Wipe(ref A);
            Field25519.Wipe(ref AA);
            Field25519.Wipe(ref B);
            Field25519.Wipe(ref BB);
            Field25519.Wipe(ref C);
            Field25519.Wipe(ref D);
            Field25519.Wipe(ref E);
        }
    }
}
