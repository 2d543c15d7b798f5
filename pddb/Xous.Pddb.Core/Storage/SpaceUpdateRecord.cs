using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Storage;

/// <summary>
/// A SpaceUpdate log record (reference §5.8): 16 bytes <c>nonce u64 LE ‖ PhysPage u32 LE ‖ checksum u32 LE</c> with
/// <c>checksum = Murmur3_32(bytes[0..12], seed = u32 big-endian of bytes[4..8])</c>, encrypted as one AES-256-ECB block
/// with the .System page-table key. This implementation puts the free-space cache generation in nonce bits [51:32]
/// and random bits in [31:0], so that records of an older generation are ignored after a compaction.
/// </summary>
public static class SpaceUpdateRecord
{
    /// <summary>Bytes of one record.</summary>
    public const int Size = 16;

    /// <summary>Builds the plaintext of a record into <paramref name="destination"/> (16 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 16 bytes.</exception>
    public static void EncodePlaintext(ulong nonce, PhysicalPage page, Span<byte> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException("a SpaceUpdate record is 16 bytes", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(destination, nonce);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(8), page.Raw);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(12), Checksum(destination));
    }

    /// <summary>The checksum of a plaintext record: Murmur3_32 of bytes 0..12, seeded with bytes 4..8 read big-endian.</summary>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is shorter than 12 bytes.</exception>
    public static uint Checksum(ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length < 12)
        {
            throw new ArgumentException("need at least 12 bytes", nameof(plaintext));
        }

        return Murmur3.Hash32(plaintext.Slice(0, 12), BinaryPrimitives.ReadUInt32BigEndian(plaintext.Slice(4, 4)));
    }

    /// <summary>Parses a decrypted record; false when its checksum does not match.</summary>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is not 16 bytes.</exception>
    public static bool TryDecodePlaintext(ReadOnlySpan<byte> plaintext, out ulong nonce, out PhysicalPage page)
    {
        if (plaintext.Length != Size)
        {
            throw new ArgumentException("a SpaceUpdate record is 16 bytes", nameof(plaintext));
        }

        nonce = BinaryPrimitives.ReadUInt64LittleEndian(plaintext);
        page = new PhysicalPage(BinaryPrimitives.ReadUInt32LittleEndian(plaintext.Slice(8)));
        return BinaryPrimitives.ReadUInt32LittleEndian(plaintext.Slice(12)) == Checksum(plaintext);
    }

    /// <summary>Encodes and encrypts a record with <paramref name="pageTableCipher"/> (AES-256 with the .System page-table key).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pageTableCipher"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 16 bytes.</exception>
    public static void Encrypt(Aes pageTableCipher, ulong nonce, PhysicalPage page, Span<byte> destination)
    {
        if (pageTableCipher is null)
        {
            throw new ArgumentNullException(nameof(pageTableCipher));
        }

        Span<byte> plain = stackalloc byte[Size];
        EncodePlaintext(nonce, page, plain);
        pageTableCipher.EncryptBlock(plain, destination);
        plain.Clear();
    }

    /// <summary>Decrypts and checks a record; false when the checksum does not match (not a record under this key).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pageTableCipher"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ciphertext"/> is not 16 bytes.</exception>
    public static bool TryDecrypt(Aes pageTableCipher, ReadOnlySpan<byte> ciphertext, out ulong nonce, out PhysicalPage page)
    {
        if (pageTableCipher is null)
        {
            throw new ArgumentNullException(nameof(pageTableCipher));
        }

        if (ciphertext.Length != Size)
        {
            throw new ArgumentException("a SpaceUpdate record is 16 bytes", nameof(ciphertext));
        }

        Span<byte> plain = stackalloc byte[Size];
        pageTableCipher.DecryptBlock(ciphertext, plain);
        bool ok = TryDecodePlaintext(plain, out nonce, out page);
        plain.Clear();
        return ok;
    }
}
