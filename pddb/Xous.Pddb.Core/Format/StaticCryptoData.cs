using System;
using System.Buffers.Binary;

namespace Xous.Pddb.Format;

/// <summary>What a static crypto data page holds.</summary>
public enum StaticCryptoDataState
{
    /// <summary>Every byte is 0xFF: the PDDB was never formatted (or the page was erased).</summary>
    Erased,

    /// <summary>The version hint is SCD_VERSION (2).</summary>
    Present,

    /// <summary>Anything else: another version, or damage.</summary>
    Unrecognised,
}

/// <summary>
/// The static crypto data page (reference §5.3), 4096 bytes: version u32 LE (2, a hint, not authenticated) at 0; the
/// <c>.System</c> page-table key AES-KWP-wrapped under User0 (40 bytes) at 4; the <c>.System</c> data key wrapped the
/// same way (40 bytes) at 44; 4012 random salt bytes at 84 (bytes 0..31 of the salt are the HKDF salt of secret bases,
/// the rest feeds their bcrypt salt).
/// </summary>
public static class StaticCryptoData
{
    /// <summary>Bytes of one wrapped 32-byte key (RFC 5649).</summary>
    public const int WrappedKeySize = 40;

    /// <summary>Bytes of the salt base.</summary>
    public const int SaltBaseSize = 4012;

    /// <summary>Offset of the version u32.</summary>
    public const int VersionOffset = 0;

    /// <summary>Offset of the wrapped <c>.System</c> page-table key.</summary>
    public const int SystemPageTableKeyOffset = 4;

    /// <summary>Offset of the wrapped <c>.System</c> data key.</summary>
    public const int SystemDataKeyOffset = 44;

    /// <summary>Offset of the salt base.</summary>
    public const int SaltBaseOffset = 84;

    /// <summary>Writes a whole page with version 2.</summary>
    /// <param name="page">Exactly 4096 bytes.</param>
    /// <param name="wrappedPageTableKey">40 bytes (<see cref="RootKeys.WrapSystemKeys"/>).</param>
    /// <param name="wrappedDataKey">40 bytes.</param>
    /// <param name="saltBase">4012 random bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Write(Span<byte> page, ReadOnlySpan<byte> wrappedPageTableKey, ReadOnlySpan<byte> wrappedDataKey, ReadOnlySpan<byte> saltBase)
    {
        DataPage.CheckLength(page.Length, PddbLayout.PageSize, nameof(page));
        DataPage.CheckLength(wrappedPageTableKey.Length, WrappedKeySize, nameof(wrappedPageTableKey));
        DataPage.CheckLength(wrappedDataKey.Length, WrappedKeySize, nameof(wrappedDataKey));
        DataPage.CheckLength(saltBase.Length, SaltBaseSize, nameof(saltBase));
        BinaryPrimitives.WriteUInt32LittleEndian(page.Slice(VersionOffset, 4), PddbLayout.StaticCryptoDataVersion);
        wrappedPageTableKey.CopyTo(page.Slice(SystemPageTableKeyOffset, WrappedKeySize));
        wrappedDataKey.CopyTo(page.Slice(SystemDataKeyOffset, WrappedKeySize));
        saltBase.CopyTo(page.Slice(SaltBaseOffset, SaltBaseSize));
    }

    /// <summary>Tells an erased page, a version-2 page and anything else apart.</summary>
    /// <param name="page">Exactly 4096 bytes.</param>
    /// <returns>The page's state.</returns>
    /// <exception cref="ArgumentException"><paramref name="page"/> is not 4096 bytes.</exception>
    public static StaticCryptoDataState Classify(ReadOnlySpan<byte> page)
    {
        DataPage.CheckLength(page.Length, PddbLayout.PageSize, nameof(page));
        bool erased = true;
        for (int i = 0; i < page.Length; i++)
        {
            if (page[i] != 0xFF)
            {
                erased = false;
                break;
            }
        }

        if (erased)
        {
            return StaticCryptoDataState.Erased;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(page.Slice(VersionOffset, 4)) == PddbLayout.StaticCryptoDataVersion
            ? StaticCryptoDataState.Present
            : StaticCryptoDataState.Unrecognised;
    }
}
