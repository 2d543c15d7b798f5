using System;

namespace Xous.Crypto;

/// <summary>DER encoding of ECDSA signatures: SEQUENCE { INTEGER r, INTEGER s } (RFC 3279 Ecdsa-Sig-Value).</summary>
public static partial class P256
{
    /// <summary>The longest DER signature: 2 + 2 · (2 + 33) bytes.</summary>
    public const int MaxDerSignatureSizeInBytes = 72;

    /// <summary>
    /// Encodes r ‖ s as DER: each integer in its minimal two's-complement form (leading zero bytes dropped, one zero
    /// byte added when the top bit is set), all lengths in short form.
    /// </summary>
    /// <param name="signature">Exactly <see cref="SignatureSizeInBytes"/> bytes, r ‖ s.</param>
    /// <param name="destination">At least the encoded length; <see cref="MaxDerSignatureSizeInBytes"/> always suffices.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="signature"/> has the wrong length, or
    /// <paramref name="destination"/> is too short.</exception>
    public static int EncodeDerSignature(ReadOnlySpan<byte> signature, Span<byte> destination)
    {
        Check.Length(signature.Length, SignatureSizeInBytes, nameof(signature));
        ReadOnlySpan<byte> r = Minimal(signature[..32]);
        ReadOnlySpan<byte> s = Minimal(signature[32..]);
        int rLength = r.Length + (r[0] >= 0x80 ? 1 : 0);
        int sLength = s.Length + (s[0] >= 0x80 ? 1 : 0);
        int contentLength = 2 + rLength + 2 + sLength;
        if (destination.Length < 2 + contentLength)
        {
            throw new ArgumentException(
                $"The DER signature needs {2 + contentLength} bytes, got {destination.Length}.", nameof(destination));
        }

        destination[0] = 0x30;
        destination[1] = (byte)contentLength;
        int position = WriteInteger(r, rLength, destination, 2);
        position = WriteInteger(s, sLength, destination, position);
        return position;
    }

    /// <summary>
    /// Decodes a strict DER signature into r ‖ s. Rejects anything that is not exactly SEQUENCE { INTEGER, INTEGER } in
    /// DER: other tags, long-form or indefinite lengths (never minimal for a P-256 signature), lengths that do not
    /// match, integers with a superfluous leading zero or a negative sign, empty integers, integers above 2^256 − 1,
    /// and trailing bytes. It does not check the range 1..n − 1; <see cref="Verify"/> does.
    /// </summary>
    /// <param name="der">The encoded signature.</param>
    /// <param name="signature">Exactly <see cref="SignatureSizeInBytes"/> bytes: receives r ‖ s (zeros on failure).</param>
    /// <returns>Whether <paramref name="der"/> is a valid DER signature.</returns>
    /// <exception cref="ArgumentException"><paramref name="signature"/> has the wrong length.</exception>
    public static bool TryDecodeDerSignature(ReadOnlySpan<byte> der, Span<byte> signature)
    {
        Check.Length(signature.Length, SignatureSizeInBytes, nameof(signature));
        signature.Clear();
        if (der.Length < 2 || der.Length > MaxDerSignatureSizeInBytes || der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }

        int position = 2;
        if (!ReadInteger(der, ref position, signature[..32]) || !ReadInteger(der, ref position, signature[32..]) ||
            position != der.Length)
        {
            signature.Clear();
            return false;
        }

        return true;
    }

    /// <summary>The big-endian value without leading zero bytes (at least one byte).</summary>
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static int WriteInteger(ReadOnlySpan<byte> value, int length, Span<byte> destination, int position)
    {
        destination[position] = 0x02;
        destination[position + 1] = (byte)length;
        position += 2;
        if (length > value.Length)
        {
            destination[position++] = 0x00;
        }

        value.CopyTo(destination[position..]);
        return position + value.Length;
    }

    /// <summary>Reads one DER INTEGER (0 ≤ value &lt; 2^256) right-aligned into 32 bytes.</summary>
    private static bool ReadInteger(ReadOnlySpan<byte> der, ref int position, Span<byte> destination)
    {
        if (der.Length - position < 3 || der[position] != 0x02)
        {
            return false;
        }

        int length = der[position + 1];
        position += 2;

        // Short-form length only (0x80 and above is long or indefinite form), at least one content byte.
        if (length == 0 || length >= 0x80 || length > der.Length - position)
        {
            return false;
        }

        ReadOnlySpan<byte> content = der.Slice(position, length);
        position += length;
        if (content[0] >= 0x80)
        {
            return false;
        }

        if (content[0] == 0 && content.Length > 1)
        {
            if (content[1] < 0x80)
            {
                return false;
            }

            content = content[1..];
        }

        if (content.Length > 32)
        {
            return false;
        }

        content.CopyTo(destination[(32 - content.Length)..]);
        return true;
    }
}
