using System;
using Xous.Crypto;

namespace Xous.Pddb.Format;

/// <summary>
/// The keys of a secret basis from its name and password (reference §5.4, Xous <c>basis_derive_key</c>). Nothing
/// about the basis is stored: the keys exist only while the user can present (name, password).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><c>bname[64]</c> = the name zero-padded; <c>pw[73]</c> = the password zero-padded (so always NUL-terminated).</item>
/// <item><c>salt16 = SHA-512/256(saltBase[32..] ‖ bname ‖ pw)[0..16]</c>.</item>
/// <item><c>h24 = bcrypt(cost, salt16, password)</c>, the key being the password bytes exactly as given, with no
/// NUL appended (the PDDB's own bcrypt takes a 1–72-byte slice; root-keys' convention differs, see
/// <see cref="RootKeys.DeriveUser0"/>).</item>
/// <item>page-table key = HKDF-SHA256(salt = saltBase[0..32], IKM = h24, info "pddb page table key", 32 bytes);
/// data key = the same with info "pddb data key".</item>
/// </list>
/// All intermediates are wiped.
/// </remarks>
public static class BasisKeyDerivation
{
    /// <summary>BCRYPT_COST: about 0.8 s on the device.</summary>
    public const int BcryptCost = 7;

    private const int PaddedNameSize = PddbNames.MaxBasisNameBytes + 1;
    private const int PaddedPasswordSize = PddbNames.MaxPasswordBytes + 1;
    private const int HkdfSaltSize = 32;

    /// <summary>"pddb page table key".</summary>
    private static ReadOnlySpan<byte> PageTableInfo => "pddb page table key"u8;

    /// <summary>"pddb data key".</summary>
    private static ReadOnlySpan<byte> DataInfo => "pddb data key"u8;

    /// <summary>Derives a secret basis's page-table and data keys.</summary>
    /// <param name="saltBase">The 4012-byte salt base of the static crypto data page.</param>
    /// <param name="basisNameUtf8">The basis name, at most 63 bytes.</param>
    /// <param name="password">The password's UTF-8 bytes, 1 to 72.</param>
    /// <param name="pageTableKey">32 bytes; receives the page-table key.</param>
    /// <param name="dataKey">32 bytes; receives the data key.</param>
    /// <param name="cost">The bcrypt cost (tests use the minimum, 4).</param>
    /// <exception cref="ArgumentException">A length is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside bcrypt's 4–31.</exception>
    public static void Derive(
        ReadOnlySpan<byte> saltBase, ReadOnlySpan<byte> basisNameUtf8, ReadOnlySpan<byte> password, Span<byte> pageTableKey,
        Span<byte> dataKey, int cost = BcryptCost)
    {
        DataPage.CheckLength(saltBase.Length, StaticCryptoData.SaltBaseSize, nameof(saltBase));
        if (basisNameUtf8.Length > PddbNames.MaxBasisNameBytes)
        {
            throw new ArgumentException("a basis name is at most 63 bytes", nameof(basisNameUtf8));
        }

        if (password.Length == 0 || password.Length > PddbNames.MaxPasswordBytes)
        {
            throw new ArgumentException("a basis password is 1 to 72 bytes", nameof(password));
        }

        DataPage.CheckLength(pageTableKey.Length, 32, nameof(pageTableKey));
        DataPage.CheckLength(dataKey.Length, 32, nameof(dataKey));
        if (cost < Bcrypt.MinCost || cost > Bcrypt.MaxCost)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), "the bcrypt cost is 4 to 31");
        }

        // salt16 = SHA-512/256(saltBase[32..] ‖ bname[64] ‖ pw[73])[0..16], hashed in one pass over a stack copy.
        int saltTail = StaticCryptoData.SaltBaseSize - HkdfSaltSize;
        Span<byte> saltInput = stackalloc byte[saltTail + PaddedNameSize + PaddedPasswordSize];
        saltBase.Slice(HkdfSaltSize).CopyTo(saltInput);
        saltInput.Slice(saltTail).Clear();
        basisNameUtf8.CopyTo(saltInput.Slice(saltTail));
        password.CopyTo(saltInput.Slice(saltTail + PaddedNameSize));
        Span<byte> digest = stackalloc byte[Sha512Truncated256.HashSizeInBytes];
        Sha512Truncated256.Hash(saltInput, digest);
        saltInput.Clear();

        Span<byte> hashed = stackalloc byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw(password, digest.Slice(0, Bcrypt.SaltSizeInBytes), cost, hashed);
        digest.Clear();

        ReadOnlySpan<byte> hkdfSalt = saltBase.Slice(0, HkdfSaltSize);
        HkdfSha256.DeriveKey(hashed, hkdfSalt, PageTableInfo, pageTableKey);
        HkdfSha256.DeriveKey(hashed, hkdfSalt, DataInfo, dataKey);
        hashed.Clear();
    }
}
