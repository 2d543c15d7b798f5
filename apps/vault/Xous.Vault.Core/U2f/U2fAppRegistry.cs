using System;
using Xous.Vault.Credentials;
using Xous.Vault.Environment;

namespace Xous.Vault.U2f;

/// <summary>
/// The U2F application records in the PDDB dictionary <c>fido.u2fapps</c>, keyed by hex(application parameter):
/// ASCII lines <c>name:</c>, <c>notes:</c>, <c>id:</c> (hex), <c>ctime:</c>, <c>atime:</c> (milliseconds since power-up)
/// and <c>count:</c> (uses). Never for the all-zero application parameter or Chrome's bogus registration (Xous issue
/// #334). docs/vault-storage.md.
/// </summary>
internal sealed class U2fAppRegistry
{
    /// <summary>The PDDB dictionary.</summary>
    public const string Dictionary = "fido.u2fapps";

    private const int MaxRecordLength = 512;

    private readonly IVaultStore _store;
    private readonly IMonotonicClock _clock;

    public U2fAppRegistry(IVaultStore store, IMonotonicClock clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>Whether an application parameter (and challenge) must not get a record (issue #334).</summary>
    public static bool IsIgnored(ReadOnlySpan<byte> application, ReadOnlySpan<byte> challenge)
    {
        bool allZero = true;
        bool allA = true;
        for (int i = 0; i < application.Length; i++)
        {
            allZero &= application[i] == 0;
            allA &= application[i] == 0x41;
        }

        bool allB = challenge.Length == 32;
        for (int i = 0; i < challenge.Length; i++)
        {
            allB &= challenge[i] == 0x42;
        }

        return allZero || (allA && allB);
    }

    /// <summary>Counts one use of an application (creates its record on first use); the caller commits.</summary>
    public void RecordUse(ReadOnlySpan<byte> application, ReadOnlySpan<byte> challenge)
    {
        if (IsIgnored(application, challenge))
        {
            return;
        }

        string key = Hex.Encode(application);
        long now = _clock.ElapsedMilliseconds;
        long created = now;
        long count = 0;
        byte[] name = [];
        byte[] notes = [];
        byte[] buffer = new byte[MaxRecordLength];
        int length = _store.Length(Dictionary, key);
        if (length > 0 && length <= buffer.Length)
        {
            length = _store.Read(Dictionary, key, buffer);
            ReadOnlySpan<byte> text = buffer.AsSpan(0, length);
            name = Field(text, "name"u8).ToArray();
            notes = Field(text, "notes"u8).ToArray();
            created = ParseNumber(Field(text, "ctime"u8));
            count = ParseNumber(Field(text, "count"u8));
        }

        int position = 0;
        Span<byte> output = buffer;
        position = Append(output, position, "name:"u8, name);
        position = Append(output, position, "notes:"u8, notes);
        Span<byte> hex = stackalloc byte[64];
        for (int i = 0; i < key.Length && i < hex.Length; i++)
        {
            hex[i] = (byte)key[i];
        }

        position = Append(output, position, "id:"u8, hex[..key.Length]);
        Span<byte> digits = stackalloc byte[20];
        position = Append(output, position, "ctime:"u8, digits[..FormatNumber(created, digits)]);
        position = Append(output, position, "atime:"u8, digits[..FormatNumber(now, digits)]);
        position = Append(output, position, "count:"u8, digits[..FormatNumber(count + 1, digits)]);
        _store.Write(Dictionary, key, output[..position]);
    }

    /// <summary>Deletes every record (authenticatorReset).</summary>
    public void DeleteAll()
    {
        System.Collections.Generic.List<string> keys = [];
        _store.ListKeys(Dictionary, keys);
        for (int i = 0; i < keys.Count; i++)
        {
            _store.Delete(Dictionary, keys[i]);
        }
    }

    /// <summary>The value of line <c>tag:value</c>, or empty.</summary>
    public static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, ReadOnlySpan<byte> tag)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text[start..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? text[start..] : text.Slice(start, end);
            if (line.Length > tag.Length && line[..tag.Length].SequenceEqual(tag) && line[tag.Length] == (byte)':')
            {
                return line[(tag.Length + 1)..];
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
        }

        return default;
    }

    private static int Append(Span<byte> output, int position, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> value)
    {
        if (position + tag.Length + value.Length + 1 > output.Length)
        {
            return position;
        }

        tag.CopyTo(output[position..]);
        position += tag.Length;
        value.CopyTo(output[position..]);
        position += value.Length;
        output[position++] = (byte)'\n';
        return position;
    }

    private static long ParseNumber(ReadOnlySpan<byte> digits)
    {
        long value = 0;
        for (int i = 0; i < digits.Length && i < 18; i++)
        {
            if (digits[i] < '0' || digits[i] > '9')
            {
                return 0;
            }

            value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }

    private static int FormatNumber(long value, Span<byte> destination)
    {
        if (value < 0)
        {
            value = 0;
        }

        Span<byte> reversed = stackalloc byte[20];
        int count = 0;
        do
        {
            reversed[count++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);

        for (int i = 0; i < count; i++)
        {
            destination[i] = reversed[count - 1 - i];
        }

        return count;
    }
}
