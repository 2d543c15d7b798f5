using System;
using Xous.Cbor;
using Xous.Crypto;

namespace Xous.Vault.Credentials;

/// <summary>
/// One resident (discoverable) credential as stored in the PDDB dictionary <c>fido.rk</c>: a canonical CBOR map
/// {1 credential ID, 2 rpId, 3 rp name, 4 user id, 5 user name, 6 user displayName, 7 COSE alg, 8 credProtect,
/// 9 credBlob, 10 largeBlobKey, 11 creation order} (docs/vault-storage.md). Names are UTF-8, at most 64 bytes.
/// </summary>
internal sealed class ResidentCredential
{
    /// <summary>The largest encoded record.</summary>
    public const int MaxEncodedLength = 1024;

    /// <summary>The PDDB key name of the record.</summary>
    public string StorageKey { get; set; } = string.Empty;

    /// <summary>The credential ID.</summary>
    public byte[] CredentialId { get; set; } = [];

    /// <summary>The RP ID (UTF-8).</summary>
    public byte[] RpId { get; set; } = [];

    /// <summary>SHA-256 of the RP ID.</summary>
    public byte[] RpIdHash { get; } = new byte[32];

    /// <summary>rp.name (UTF-8), or empty.</summary>
    public byte[] RpName { get; set; } = [];

    /// <summary>user.id.</summary>
    public byte[] UserId { get; set; } = [];

    /// <summary>user.name (UTF-8), or empty.</summary>
    public byte[] UserName { get; set; } = [];

    /// <summary>user.displayName (UTF-8), or empty.</summary>
    public byte[] UserDisplayName { get; set; } = [];

    /// <summary>The COSE algorithm.</summary>
    public long Algorithm { get; set; }

    /// <summary>credProtect level.</summary>
    public byte CredProtect { get; set; } = 1;

    /// <summary>credBlob, or empty.</summary>
    public byte[] CredBlob { get; set; } = [];

    /// <summary>largeBlobKey (32 bytes), or empty.</summary>
    public byte[] LargeBlobKey { get; set; } = [];

    /// <summary>Creation order (larger is newer).</summary>
    public ulong CreationOrder { get; set; }

    /// <summary>Sets <see cref="RpIdHash"/> from <see cref="RpId"/>.</summary>
    public void ComputeRpIdHash() => Sha256.Hash(RpId, RpIdHash);

    /// <summary>The record's storage key: hex of the first 16 bytes of SHA-256(rpIdHash ‖ user id).</summary>
    public static string StorageKeyFor(ReadOnlySpan<byte> rpIdHash, ReadOnlySpan<byte> userId)
    {
        Span<byte> input = stackalloc byte[32 + AuthenticatorLimits.MaxUserIdLength];
        rpIdHash.CopyTo(input);
        userId.CopyTo(input[32..]);
        Span<byte> digest = stackalloc byte[32];
        Sha256.Hash(input[..(32 + userId.Length)], digest);
        return Hex.Encode(digest[..16]);
    }

    /// <summary>Encodes the record; returns its length.</summary>
    public int Encode(Span<byte> destination)
    {
        CborWriter writer = new(destination);
        int count = 6 + (RpName.Length > 0 ? 1 : 0) + (UserName.Length > 0 ? 1 : 0) + (UserDisplayName.Length > 0 ? 1 : 0)
            + (CredBlob.Length > 0 ? 1 : 0) + (LargeBlobKey.Length > 0 ? 1 : 0);
        writer.WriteStartMap(count);
        writer.WriteUInt64(1);
        writer.WriteByteString(CredentialId);
        writer.WriteUInt64(2);
        writer.WriteTextStringUtf8(RpId);
        if (RpName.Length > 0)
        {
            writer.WriteUInt64(3);
            writer.WriteTextStringUtf8(RpName);
        }

        writer.WriteUInt64(4);
        writer.WriteByteString(UserId);
        if (UserName.Length > 0)
        {
            writer.WriteUInt64(5);
            writer.WriteTextStringUtf8(UserName);
        }

        if (UserDisplayName.Length > 0)
        {
            writer.WriteUInt64(6);
            writer.WriteTextStringUtf8(UserDisplayName);
        }

        writer.WriteUInt64(7);
        writer.WriteInt64(Algorithm);
        writer.WriteUInt64(8);
        writer.WriteUInt64(CredProtect);
        if (CredBlob.Length > 0)
        {
            writer.WriteUInt64(9);
            writer.WriteByteString(CredBlob);
        }

        if (LargeBlobKey.Length > 0)
        {
            writer.WriteUInt64(10);
            writer.WriteByteString(LargeBlobKey);
        }

        writer.WriteUInt64(11);
        writer.WriteUInt64(CreationOrder);
        writer.WriteEndMap();
        return writer.BytesWritten;
    }

    /// <summary>Decodes a record; null when it is malformed.</summary>
    public static ResidentCredential? Decode(ReadOnlySpan<byte> data, string storageKey)
    {
        ResidentCredential record = new() { StorageKey = storageKey };
        try
        {
            CborReader reader = new(data);
            int pairs = reader.ReadStartMap();
            for (int i = 0; i < pairs; i++)
            {
                ulong key = reader.ReadUInt64();
                switch (key)
                {
                    case 1:
                        record.CredentialId = reader.ReadByteString().ToArray();
                        break;
                    case 2:
                        record.RpId = reader.ReadTextStringUtf8().ToArray();
                        break;
                    case 3:
                        record.RpName = reader.ReadTextStringUtf8().ToArray();
                        break;
                    case 4:
                        record.UserId = reader.ReadByteString().ToArray();
                        break;
                    case 5:
                        record.UserName = reader.ReadTextStringUtf8().ToArray();
                        break;
                    case 6:
                        record.UserDisplayName = reader.ReadTextStringUtf8().ToArray();
                        break;
                    case 7:
                        record.Algorithm = reader.ReadInt64();
                        break;
                    case 8:
                        record.CredProtect = (byte)reader.ReadUInt32();
                        break;
                    case 9:
                        record.CredBlob = reader.ReadByteString().ToArray();
                        break;
                    case 10:
                        record.LargeBlobKey = reader.ReadByteString().ToArray();
                        break;
                    case 11:
                        record.CreationOrder = reader.ReadUInt64();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
        }
        catch (CborException)
        {
            return null;
        }

        if (record.CredentialId.Length == 0 || record.RpId.Length == 0 || record.UserId.Length == 0)
        {
            return null;
        }

        record.ComputeRpIdHash();
        return record;
    }
}

/// <summary>Lower-case hexadecimal without allocation beyond the string.</summary>
internal static class Hex
{
    /// <summary>Encodes bytes as lower-case hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        char[] characters = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            characters[2 * i] = Digit(bytes[i] >> 4);
            characters[(2 * i) + 1] = Digit(bytes[i] & 0xF);
        }

        return new string(characters);
    }

    private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
