using System;
using System.Buffers.Binary;

namespace Xous.Abi;

/// <summary>
/// A 128-bit server id, stored as four 32-bit words. Well-known SIDs are 16 ASCII bytes read as four
/// little-endian words (<c>SID::from_bytes</c> in Xous). A SID is a capability: whoever knows it can connect.
/// </summary>
public readonly struct Sid : IEquatable<Sid>
{
    /// <summary>Creates a SID from its four words.</summary>
    public Sid(uint word0, uint word1, uint word2, uint word3)
    {
        Word0 = word0;
        Word1 = word1;
        Word2 = word2;
        Word3 = word3;
    }

    /// <summary>Word 0 (bytes 0..3, little-endian).</summary>
    public uint Word0 { get; }

    /// <summary>Word 1 (bytes 4..7, little-endian).</summary>
    public uint Word1 { get; }

    /// <summary>Word 2 (bytes 8..11, little-endian).</summary>
    public uint Word2 { get; }

    /// <summary>Word 3 (bytes 12..15, little-endian).</summary>
    public uint Word3 { get; }

    /// <summary>
    /// Builds a SID from up to 16 bytes; missing bytes are zero. Returns false when <paramref name="bytes"/> is
    /// longer than 16 bytes (Xous returns None in that case).
    /// </summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Sid sid)
    {
        if (bytes.Length > 16)
        {
            sid = default;
            return false;
        }

        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        bytes.CopyTo(padded);
        sid = new Sid(
            BinaryPrimitives.ReadUInt32LittleEndian(padded),
            BinaryPrimitives.ReadUInt32LittleEndian(padded.Slice(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(padded.Slice(8)),
            BinaryPrimitives.ReadUInt32LittleEndian(padded.Slice(12)));
        return true;
    }

    /// <summary>Builds a SID from exactly 16 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 16 bytes long.</exception>
    public static Sid FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16)
        {
            throw new ArgumentException("A SID is exactly 16 bytes.", nameof(bytes));
        }

        TryFromBytes(bytes, out Sid sid);
        return sid;
    }

    /// <summary>Writes the 16 bytes of this SID (four little-endian words).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 16 bytes.</exception>
    public void WriteBytes(Span<byte> destination)
    {
        if (destination.Length < 16)
        {
            throw new ArgumentException("The destination must hold 16 bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, Word0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4), Word1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(8), Word2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(12), Word3);
    }

    /// <summary>Word <paramref name="index"/> (0..3).</summary>
    public uint GetWord(int index) => index switch
    {
        0 => Word0,
        1 => Word1,
        2 => Word2,
        3 => Word3,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public bool Equals(Sid other) =>
        Word0 == other.Word0 && Word1 == other.Word1 && Word2 == other.Word2 && Word3 == other.Word3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(Word0 ^ (Word1 * 31) ^ (Word2 * 961) ^ (Word3 * 29791));

    /// <summary>Thirty-two hexadecimal digits: word 0 first, each word most significant digit first.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[32];
        Hex.WriteWord(Word0, text);
        Hex.WriteWord(Word1, text.Slice(8));
        Hex.WriteWord(Word2, text.Slice(16));
        Hex.WriteWord(Word3, text.Slice(24));
        return new string(text);
    }

    /// <summary>True when both SIDs are equal.</summary>
    public static bool operator ==(Sid left, Sid right) => left.Equals(right);

    /// <summary>True when the SIDs differ.</summary>
    public static bool operator !=(Sid left, Sid right) => !left.Equals(right);
}
