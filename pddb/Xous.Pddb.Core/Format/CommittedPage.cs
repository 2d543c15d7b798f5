using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Format;

/// <summary>
/// A key-committed page (reference §5.6), used for the basis root so that one page cannot open under two keys (the
/// AES-GCM-SIV "invisible salamanders" problem):
/// <c>[nonce 12][ciphertext 4004][kcom_nonce 32][kcom 32][tag 16]</c> = 4096 bytes. The plaintext is the journal
/// u32 LE followed by 4000 data bytes, encrypted with AES-256-GCM-SIV under
/// <c>k_enc = SHA-512/256(key ‖ 43 6F 06 D6 0D 69 74 01 01 ‖ kcom_nonce)</c>; the page also carries
/// <c>k_com = SHA-512/256(key ‖ 43 6F 06 D6 0D 69 74 01 02 ‖ kcom_nonce)</c>, which must match before anything is
/// decrypted. The 9-byte labels are Xous's, byte for byte.
/// </summary>
public static class CommittedPage
{
    /// <summary>Data bytes carried after the journal.</summary>
    public const int DataSize = 4000;

    /// <summary>Bytes of the commitment nonce.</summary>
    public const int CommitmentNonceSize = 32;

    private const int CommitmentSize = 32;
    private const int PlaintextSize = PddbLayout.JournalSize + DataSize;
    private const int CiphertextOffset = PddbLayout.NonceSize;
    private const int CommitmentNonceOffset = CiphertextOffset + PlaintextSize;
    private const int CommitmentOffset = CommitmentNonceOffset + CommitmentNonceSize;
    private const int TagOffset = CommitmentOffset + CommitmentSize;

    /// <summary>The commitment labels' common prefix (the last byte is 1 for k_enc, 2 for k_com).</summary>
    private static ReadOnlySpan<byte> LabelPrefix => [0x43, 0x6F, 0x06, 0xD6, 0x0D, 0x69, 0x74, 0x01];

    /// <summary>Seals <paramref name="data"/> into a key-committed page.</summary>
    /// <param name="key">The basis's 32-byte data key.</param>
    /// <param name="nonce">12 fresh random bytes.</param>
    /// <param name="commitmentNonce">32 fresh random bytes.</param>
    /// <param name="journal">The page's revision counter.</param>
    /// <param name="data">Exactly 4000 bytes (the basis root, zero-padded); may lie inside <paramref name="page"/>.</param>
    /// <param name="associatedData">The basis's associated data.</param>
    /// <param name="page">Exactly 4096 bytes; receives the sealed page.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void Seal(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> commitmentNonce, uint journal,
        ReadOnlySpan<byte> data, ReadOnlySpan<byte> associatedData, Span<byte> page)
    {
        DataPage.CheckKey(key, nameof(key));
        DataPage.CheckLength(nonce.Length, PddbLayout.NonceSize, nameof(nonce));
        DataPage.CheckLength(commitmentNonce.Length, CommitmentNonceSize, nameof(commitmentNonce));
        DataPage.CheckLength(data.Length, DataSize, nameof(data));
        DataPage.CheckLength(page.Length, PddbLayout.PageSize, nameof(page));

        Span<byte> encryptionKey = stackalloc byte[32];
        Span<byte> commitment = stackalloc byte[CommitmentSize];
        DeriveKeys(key, commitmentNonce, encryptionKey, commitment);

        data.CopyTo(page.Slice(CiphertextOffset + PddbLayout.JournalSize, DataSize));
        BinaryPrimitives.WriteUInt32LittleEndian(page.Slice(CiphertextOffset, PddbLayout.JournalSize), journal);
        commitmentNonce.CopyTo(page.Slice(CommitmentNonceOffset, CommitmentNonceSize));
        commitment.CopyTo(page.Slice(CommitmentOffset, CommitmentSize));
        nonce.CopyTo(page.Slice(0, PddbLayout.NonceSize));
        Span<byte> body = page.Slice(CiphertextOffset, PlaintextSize);
        AesGcmSiv.Encrypt(encryptionKey, page.Slice(0, PddbLayout.NonceSize), body, associatedData, body, page.Slice(TagOffset, PddbLayout.TagSize));
        encryptionKey.Clear();
        commitment.Clear();
    }

    /// <summary>
    /// Opens a key-committed page: the commitment is recomputed and compared in constant time first, then the page is
    /// authenticated and decrypted. Returns false (with <paramref name="data"/> cleared and a zero journal) for a wrong
    /// key, a wrong commitment, another associated data, noise or any change to the page.
    /// </summary>
    /// <param name="key">The basis's 32-byte data key.</param>
    /// <param name="page">Exactly 4096 bytes read from flash.</param>
    /// <param name="associatedData">The basis's associated data.</param>
    /// <param name="journal">The page's revision counter.</param>
    /// <param name="data">Exactly 4000 bytes; receives the data.</param>
    /// <returns>Whether the page was committed to <paramref name="key"/> and authentic.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static bool TryOpen(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> page, ReadOnlySpan<byte> associatedData, out uint journal, Span<byte> data)
    {
        DataPage.CheckKey(key, nameof(key));
        DataPage.CheckLength(page.Length, PddbLayout.PageSize, nameof(page));
        DataPage.CheckLength(data.Length, DataSize, nameof(data));

        Span<byte> encryptionKey = stackalloc byte[32];
        Span<byte> commitment = stackalloc byte[CommitmentSize];
        DeriveKeys(key, page.Slice(CommitmentNonceOffset, CommitmentNonceSize), encryptionKey, commitment);
        bool committed = FixedTime.Equals(commitment, page.Slice(CommitmentOffset, CommitmentSize));
        commitment.Clear();
        if (!committed)
        {
            encryptionKey.Clear();
            data.Clear();
            journal = 0;
            return false;
        }

        Span<byte> plaintext = stackalloc byte[PlaintextSize];
        bool authentic = AesGcmSiv.Decrypt(
            encryptionKey, page.Slice(0, PddbLayout.NonceSize), page.Slice(CiphertextOffset, PlaintextSize),
            page.Slice(TagOffset, PddbLayout.TagSize), associatedData, plaintext);
        encryptionKey.Clear();
        if (!authentic)
        {
            plaintext.Clear();
            data.Clear();
            journal = 0;
            return false;
        }

        journal = BinaryPrimitives.ReadUInt32LittleEndian(plaintext);
        plaintext.Slice(PddbLayout.JournalSize).CopyTo(data);
        plaintext.Clear();
        return true;
    }

    /// <summary>k_enc and k_com for <paramref name="key"/> and <paramref name="commitmentNonce"/>.</summary>
    internal static void DeriveKeys(ReadOnlySpan<byte> key, ReadOnlySpan<byte> commitmentNonce, Span<byte> encryptionKey, Span<byte> commitment)
    {
        // key ‖ label (9) ‖ kcom_nonce, hashed twice with the label's last byte 1 then 2.
        Span<byte> input = stackalloc byte[32 + 9 + CommitmentNonceSize];
        key.CopyTo(input);
        LabelPrefix.CopyTo(input.Slice(32));
        commitmentNonce.CopyTo(input.Slice(32 + 9));
        input[32 + 8] = 0x01;
        Sha512Truncated256.Hash(input, encryptionKey);
        input[32 + 8] = 0x02;
        Sha512Truncated256.Hash(input, commitment);
        input.Clear();
    }
}
