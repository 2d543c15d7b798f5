using System;

namespace Xous.Crypto;

/// <summary>
/// Ed25519ph (RFC 8032 §5.1, phflag = 1): Ed25519 over the 64-byte SHA-512 prehash of the message, with the domain
/// prefix dom2(1, context). Keys are ordinary <see cref="Ed25519"/> keys. The <c>Prehash</c> variants take a
/// SHA-512 digest computed elsewhere (for example by the SHA-512 hardware over a firmware image), so the message
/// never has to be in memory at once. Same constant-time, wiping and verification rules as <see cref="Ed25519"/>.
/// </summary>
public static class Ed25519ph
{
    /// <summary>The prehash size in bytes (a SHA-512 digest).</summary>
    public const int PrehashSizeInBytes = 64;

    /// <summary>The longest context RFC 8032 allows, in bytes.</summary>
    public const int MaxContextSizeInBytes = 255;

    /// <summary>Signs SHA-512(<paramref name="message"/>).</summary>
    /// <param name="privateKey">The 32-byte seed.</param>
    /// <param name="message">The message, of any length.</param>
    /// <param name="signature">Exactly 64 bytes.</param>
    /// <param name="context">At most <see cref="MaxContextSizeInBytes"/> bytes; empty by default.</param>
    /// <exception cref="ArgumentException">A length is wrong or the context is longer than 255 bytes.</exception>
    public static void Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, Span<byte> signature, ReadOnlySpan<byte> context = default)
    {
        CheckSign(privateKey, signature, context);
        Span<byte> prehash = stackalloc byte[PrehashSizeInBytes];
        Sha512.Hash(message, prehash);
        Ed25519Core.Sign(privateKey, prehash, signature, 1, context);
    }

    /// <summary>Signs a message given as its SHA-512 digest.</summary>
    /// <param name="privateKey">The 32-byte seed.</param>
    /// <param name="prehash">Exactly <see cref="PrehashSizeInBytes"/> bytes: SHA-512 of the message.</param>
    /// <param name="signature">Exactly 64 bytes.</param>
    /// <param name="context">At most <see cref="MaxContextSizeInBytes"/> bytes; empty by default.</param>
    /// <exception cref="ArgumentException">A length is wrong or the context is longer than 255 bytes.</exception>
    public static void SignPrehash(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> prehash, Span<byte> signature, ReadOnlySpan<byte> context = default)
    {
        CheckSign(privateKey, signature, context);
        Check.Length(prehash.Length, PrehashSizeInBytes, nameof(prehash));
        Ed25519Core.Sign(privateKey, prehash, signature, 1, context);
    }

    /// <summary>Verifies a signature over SHA-512(<paramref name="message"/>).</summary>
    /// <param name="publicKey">Exactly 32 bytes.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature; any length other than 64 is invalid (false).</param>
    /// <param name="context">The context the signer used (at most 255 bytes); empty by default.</param>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="ArgumentException">The public key is not 32 bytes or the context is longer than 255 bytes.</exception>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        CheckVerify(publicKey, context);
        Span<byte> prehash = stackalloc byte[PrehashSizeInBytes];
        Sha512.Hash(message, prehash);
        return Ed25519Core.Verify(publicKey, prehash, signature, 1, context);
    }

    /// <summary>Verifies a signature over a message given as its SHA-512 digest.</summary>
    /// <param name="publicKey">Exactly 32 bytes.</param>
    /// <param name="prehash">Exactly <see cref="PrehashSizeInBytes"/> bytes: SHA-512 of the message.</param>
    /// <param name="signature">The signature; any length other than 64 is invalid (false).</param>
    /// <param name="context">The context the signer used (at most 255 bytes); empty by default.</param>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="ArgumentException">A key or prehash length is wrong or the context is longer than 255 bytes.</exception>
    public static bool VerifyPrehash(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> prehash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        CheckVerify(publicKey, context);
        Check.Length(prehash.Length, PrehashSizeInBytes, nameof(prehash));
        return Ed25519Core.Verify(publicKey, prehash, signature, 1, context);
    }

    private static void CheckSign(ReadOnlySpan<byte> privateKey, Span<byte> signature, ReadOnlySpan<byte> context)
    {
        Check.Length(privateKey.Length, Ed25519.PrivateKeySizeInBytes, nameof(privateKey));
        Check.Length(signature.Length, Ed25519.SignatureSizeInBytes, nameof(signature));
        CheckContext(context);
    }

    private static void CheckVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> context)
    {
        Check.Length(publicKey.Length, Ed25519.PublicKeySizeInBytes, nameof(publicKey));
        CheckContext(context);
    }

    private static void CheckContext(ReadOnlySpan<byte> context)
    {
        if (context.Length > MaxContextSizeInBytes)
        {
            throw new ArgumentException(
                $"The context must be at most {MaxContextSizeInBytes} bytes, got {context.Length}.", nameof(context));
        }
    }
}
