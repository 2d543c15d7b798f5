using System;
using System.Runtime.InteropServices;
using Xous.Names.Api;

namespace Xous.Names.Core;

/// <summary>Validation of the <see cref="ServerName"/> a client sent.</summary>
internal static class ServerNames
{
    /// <summary>
    /// Copies the used bytes of <paramref name="name"/> into <paramref name="destination"/> (at least
    /// <see cref="INames.MaxNameBytes"/> long). False when the length is 0 or above <see cref="INames.MaxNameBytes"/>,
    /// or a byte past the length is not zero (the length is then inconsistent with the bytes).
    /// </summary>
    public static bool TryRead(in ServerName name, Span<byte> destination, out int length)
    {
        length = 0;
        if (name.Length == 0 || name.Length > INames.MaxNameBytes)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<ServerName>(in name)).Slice(0, INames.MaxNameBytes);
        int used = (int)name.Length;
        for (int i = used; i < bytes.Length; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        bytes.Slice(0, used).CopyTo(destination);
        length = used;
        return true;
    }
}
