using System;
using System.Collections.Generic;
using Xous.Cbor;

namespace Xous.Vault.Ctap2;

/// <summary>Helpers for reading CTAP2 request parameters with the strict reader.</summary>
internal static class CborInput
{
    /// <summary>The CTAP status for a reader failure on input that already passed <see cref="CborReader.Validate"/>.</summary>
    public static CtapStatus StatusOf(CborException exception) =>
        exception.Error is CborError.UnexpectedType or CborError.IntegerOverflow ? CtapStatus.CborUnexpectedType : CtapStatus.InvalidCbor;

    /// <summary>
    /// Reads a map key that is expected to be an unsigned integer (the CTAP parameter maps); false after skipping the
    /// whole pair (key and value) otherwise, so callers ignore keys of other types.
    /// </summary>
    public static bool TryReadIntegerKey(ref CborReader reader, out ulong key)
    {
        if (reader.PeekState() != CborReaderState.UnsignedInteger)
        {
            reader.SkipValue();
            reader.SkipValue();
            key = 0;
            return false;
        }

        key = reader.ReadUInt64();
        return true;
    }

    /// <summary>Reads a map key that is expected to be a text string; null (after skipping the pair's key) otherwise.</summary>
    public static bool TryReadTextKey(ref CborReader reader, out ReadOnlySpan<byte> key)
    {
        if (reader.PeekState() != CborReaderState.TextString)
        {
            reader.SkipValue();
            key = default;
            return false;
        }

        key = reader.ReadTextStringUtf8();
        return true;
    }

    /// <summary>
    /// Reads a list of PublicKeyCredentialDescriptors: entries with another type than "public-key" are ignored; a
    /// missing id or type sets <paramref name="status"/> to MissingParameter.
    /// </summary>
    public static List<byte[]> ReadDescriptorList(ref CborReader reader, ref CtapStatus status)
    {
        List<byte[]> result = [];
        int count = reader.ReadStartArray();
        for (int i = 0; i < count; i++)
        {
            byte[]? id = null;
            bool hasType = false;
            bool publicKey = false;
            int pairs = reader.ReadStartMap();
            for (int p = 0; p < pairs; p++)
            {
                if (!TryReadTextKey(ref reader, out ReadOnlySpan<byte> key))
                {
                    reader.SkipValue();
                    continue;
                }

                if (key.SequenceEqual("id"u8))
                {
                    id = reader.ReadByteString().ToArray();
                }
                else if (key.SequenceEqual("type"u8))
                {
                    hasType = true;
                    publicKey = reader.ReadTextStringUtf8().SequenceEqual("public-key"u8);
                }
                else
                {
                    reader.SkipValue();
                }
            }

            reader.ReadEndMap();
            if (id is null || !hasType)
            {
                if (status == CtapStatus.Ok)
                {
                    status = CtapStatus.MissingParameter;
                }
            }
            else if (publicKey)
            {
                result.Add(id);
            }
        }

        reader.ReadEndArray();
        return result;
    }

    /// <summary>The length of the longest prefix of <paramref name="utf8"/> of at most <paramref name="max"/> bytes that ends on a character boundary.</summary>
    public static int TruncateUtf8(ReadOnlySpan<byte> utf8, int max)
    {
        if (utf8.Length <= max)
        {
            return utf8.Length;
        }

        int length = max;
        while (length > 0 && (utf8[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return length;
    }

    /// <summary>Copies well-formed UTF-8, truncated to <paramref name="max"/> bytes at a character boundary.</summary>
    public static byte[] CopyTruncated(ReadOnlySpan<byte> utf8, int max) => utf8[..TruncateUtf8(utf8, max)].ToArray();

    /// <summary>Decodes well-formed UTF-8 (already checked by the reader) into a string.</summary>
    public static string Utf8ToString(ReadOnlySpan<byte> utf8)
    {
        char[] characters = new char[utf8.Length];
        int count = 0;
        int i = 0;
        while (i < utf8.Length)
        {
            int b = utf8[i];
            int codePoint;
            int extra;
            if (b < 0x80)
            {
                codePoint = b;
                extra = 0;
            }
            else if (b < 0xE0)
            {
                codePoint = b & 0x1F;
                extra = 1;
            }
            else if (b < 0xF0)
            {
                codePoint = b & 0x0F;
                extra = 2;
            }
            else
            {
                codePoint = b & 0x07;
                extra = 3;
            }

            i++;
            for (int k = 0; k < extra && i < utf8.Length; k++, i++)
            {
                codePoint = (codePoint << 6) | (utf8[i] & 0x3F);
            }

            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                characters[count++] = (char)(0xD800 + (codePoint >> 10));
                characters[count++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                characters[count++] = (char)codePoint;
            }
        }

        return new string(characters, 0, count);
    }
}
