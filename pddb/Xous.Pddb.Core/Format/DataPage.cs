using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Format;

/// <summary>
/// A plain data page (reference §5.6), sealed with AES-256-GCM-SIV under the basis's data key:
/// <c>[nonce 12][ciphertext of (journal u32 LE ‖ virtual page 4064) = 4068][tag 16]</c> = 4096 bytes, authenticated
/// with the basis's <see cref="AssociatedData"/>. Without the key a page is indistinguishable from noise.
/// </summary>
public static class DataPage
{
    /// <summary>Plaintext bytes: the journal (4) and one virtual page (4064).</summary>
    public const int PlaintextSize = PddbLayout.JournalSize + PddbLayout.VirtualPageSize;

    private const int CiphertextOffset = PddbLayout.NonceSize;
    private const int TagOffset = CiphertextOffset + PlaintextSize;

    /// <summary>Encrypts one virtual page into a physical page.</summary>
    /// <param name="dataKey">The basis's 32-byte data key.</param>
    /// <param name="nonce">12 fresh random bytes.</param>
    /// <param name="journal">The page's revision counter.</param>
    /// <param name="virtualPage">Exactly 4064 bytes of content; may lie inside <paramref name="page"/>.</param>
    /// <param name="associatedData">The basis's associated data (<see cref="AssociatedData.Write"/>).</param>
    /// <param name="page">Exactly 4096 bytes; receives the sealed page.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Seal(
        ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> nonce, uint journal, ReadOnlySpan<byte> virtualPage,
        ReadOnlySpan<byte> associatedData, Span<byte> page)
    {
        CheckKey(dataKey, nameof(dataKey));
        CheckLength(nonce.Length, PddbLayout.NonceSize, nameof(nonce));
        CheckLength(virtualPage.Length, PddbLayout.VirtualPageSize, nameof(virtualPage));
        CheckLength(page.Length, PddbLayout.PageSize, nameof(page));

        // memmove semantics: correct even if virtualPage overlaps the page.
        virtualPage.CopyTo(page.Slice(CiphertextOffset + PddbLayout.JournalSize, PddbLayout.VirtualPageSize));
        BinaryPrimitives.WriteUInt32LittleEndian(page.Slice(CiphertextOffset, PddbLayout.JournalSize), journal);
        nonce.CopyTo(page.Slice(0, PddbLayout.NonceSize));
        Span<byte> body = page.Slice(CiphertextOffset, PlaintextSize);
        AesGcmSiv.Encrypt(dataKey, page.Slice(0, PddbLayout.NonceSize), body, associatedData, body, page.Slice(TagOffset, PddbLayout.TagSize));
    }

    /// <summary>
    /// Authenticates and decrypts a physical page. Returns false for a page sealed under another key or associated
    /// data, noise, or any change to the page; <paramref name="virtualPage"/> is then cleared and the journal is 0.
    /// </summary>
    /// <param name="dataKey">The basis's 32-byte data key.</param>
    /// <param name="page">Exactly 4096 bytes read from flash.</param>
    /// <param name="associatedData">The basis's associated data.</param>
    /// <param name="journal">The page's revision counter.</param>
    /// <param name="virtualPage">Exactly 4064 bytes; receives the content.</param>
    /// <returns>Whether the page was authentic.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static bool TryOpen(
        ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> page, ReadOnlySpan<byte> associatedData, out uint journal,
        Span<byte> virtualPage)
    {
        CheckKey(dataKey, nameof(dataKey));
        CheckLength(page.Length, PddbLayout.PageSize, nameof(page));
        CheckLength(virtualPage.Length, PddbLayout.VirtualPageSize, nameof(virtualPage));
        Span<byte> plaintext = stackalloc byte[PlaintextSize];
        bool authentic = AesGcmSiv.Decrypt(
            dataKey, page.Slice(0, PddbLayout.NonceSize), page.Slice(CiphertextOffset, PlaintextSize),
            page.Slice(TagOffset, PddbLayout.TagSize), associatedData, plaintext);
        if (!authentic)
        {
            plaintext.Clear();
            virtualPage.Clear();
            journal = 0;
            return false;
        }

        journal = BinaryPrimitives.ReadUInt32LittleEndian(plaintext);
        plaintext.Slice(PddbLayout.JournalSize).CopyTo(virtualPage);
        plaintext.Clear();
        return true;
    }

    internal static void CheckKey(ReadOnlySpan<byte> key, string name)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("a PDDB key is 32 bytes (AES-256)", name);
        }
    }

    internal static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException("wrong length; expected " + expected.ToString() + " bytes, got " + actual.ToString(), name);
        }
    }
}
