using System;
using Xous.Pddb.Api;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>Whether a request may, must or must not name a basis, dictionary or key.</summary>
internal enum NameUse
{
    /// <summary>The field must be empty (length 0, all bytes zero).</summary>
    Forbidden,

    /// <summary>Empty or a valid name.</summary>
    Optional,

    /// <summary>A valid name.</summary>
    Required,
}

/// <summary>
/// The trust boundary for <see cref="KeyPath"/>: every length is checked against its field and its limit, every byte
/// past a length and the reserved field must be zero, and names must be strict UTF-8 without U+0000 (PddbNames) before
/// anything is decoded or used.
/// </summary>
internal static class RequestPath
{
    /// <summary>Decodes <paramref name="path"/>; on anything but Ok the outputs are null or empty.</summary>
    public static PddbServiceStatus Decode(
        ref readonly KeyPath path, NameUse basisUse, NameUse dictionaryUse, NameUse keyUse, out string? basis, out string dictionary, out string key)
    {
        basis = null;
        dictionary = string.Empty;
        key = string.Empty;
        ReadOnlySpan<byte> bytes = PddbWire.ReadOnlyBytesOf(in path);
        if (path.Reserved != 0)
        {
            return PddbServiceStatus.MalformedRequest;
        }

        PddbServiceStatus status = CheckField(bytes.Slice(KeyPath.BasisOffset, 64), path.BasisLength, PddbNames.MaxBasisNameBytes, basisUse);
        if (status == PddbServiceStatus.Ok)
        {
            status = CheckField(bytes.Slice(KeyPath.DictionaryOffset, 112), path.DictionaryLength, PddbNames.MaxDictionaryNameBytes, dictionaryUse);
        }

        if (status == PddbServiceStatus.Ok)
        {
            status = CheckField(bytes.Slice(KeyPath.KeyOffset, 96), path.KeyLength, PddbNames.MaxKeyNameBytes, keyUse);
        }

        if (status != PddbServiceStatus.Ok)
        {
            return status;
        }

        basis = path.BasisLength == 0 ? null : PddbNames.Decode(bytes.Slice(KeyPath.BasisOffset, path.BasisLength));
        dictionary = PddbNames.Decode(bytes.Slice(KeyPath.DictionaryOffset, path.DictionaryLength));
        key = PddbNames.Decode(bytes.Slice(KeyPath.KeyOffset, path.KeyLength));
        return PddbServiceStatus.Ok;
    }

    /// <summary>Checks one u8-length-prefixed-style name taken from a packed list: 1..limit bytes, strict UTF-8, no U+0000.</summary>
    public static bool IsValidName(ReadOnlySpan<byte> name, int limit) =>
        name.Length >= 1 && name.Length <= limit && name.IndexOf((byte)0) < 0 && PddbNames.IsValidUtf8(name);

    /// <summary>Whether every byte of <paramref name="bytes"/> is zero.</summary>
    public static bool AllZero(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static PddbServiceStatus CheckField(ReadOnlySpan<byte> field, ushort length, int limit, NameUse use)
    {
        if (length > field.Length || !AllZero(field.Slice(length)))
        {
            return PddbServiceStatus.MalformedRequest;
        }

        if (length == 0)
        {
            return use == NameUse.Required ? PddbServiceStatus.InvalidName : PddbServiceStatus.Ok;
        }

        if (use == NameUse.Forbidden)
        {
            return PddbServiceStatus.MalformedRequest;
        }

        return IsValidName(field.Slice(0, length), limit) ? PddbServiceStatus.Ok : PddbServiceStatus.InvalidName;
    }
}
