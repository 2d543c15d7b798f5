using System.Buffers.Binary;
using Xous.Abi;

namespace Xous.Hosted;

/// <summary>
/// The framing rules of the hosted protocol (docs/hosted-protocol.md), compiled into both ends: this file belongs to
/// Xous.Runtime.Hosted (the process side) and is linked into Xous.Kernel.Hosted (the kernel side), so the two cannot
/// drift apart.
/// </summary>
internal static class HostedWire
{
    /// <summary>Bytes of the process key sent in the handshake.</summary>
    public const int KeyLength = 16;

    /// <summary>Words in a packet header: the TID followed by the eight syscall or result words.</summary>
    public const int HeaderWords = 1 + Limits.RegisterWords;

    /// <summary>
    /// The meta-opcode (a1) of the hosted-only PlatformSpecific call that ends the calling thread (a2 = its return
    /// value). The kernel answers nothing. The value is the ASCII bytes "HTXE" read as a little-endian word.
    /// </summary>
    public const uint ThreadExitMagic = 0x4558_5448;

    /// <summary>Bytes of one word on this host (native <c>nuint</c>).</summary>
    public static int WordSize => IntPtr.Size;

    /// <summary>Bytes of a packet header on this host (72 on a 64-bit host).</summary>
    public static int HeaderSize => HeaderWords * IntPtr.Size;

    /// <summary>Reads word <paramref name="index"/> (little-endian, native size) of <paramref name="bytes"/>.</summary>
    public static nuint ReadWord(ReadOnlySpan<byte> bytes, int index) => IntPtr.Size == 8
        ? (nuint)BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(index * 8, 8))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(index * 4, 4));

    /// <summary>Writes word <paramref name="index"/> (little-endian, native size) of <paramref name="bytes"/>.</summary>
    public static void WriteWord(Span<byte> bytes, int index, nuint value)
    {
        if (IntPtr.Size == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(index * 8, 8), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(index * 4, 4), (uint)value);
        }
    }

    /// <summary>Writes a header: the TID and eight words.</summary>
    public static void WriteHeader(Span<byte> bytes, nuint thread, ReadOnlySpan<nuint> words)
    {
        WriteWord(bytes, 0, thread);
        for (int i = 0; i < Limits.RegisterWords; i++)
        {
            WriteWord(bytes, i + 1, words[i]);
        }
    }

    /// <summary>Reads a header's TID and its eight words.</summary>
    public static nuint ReadHeader(ReadOnlySpan<byte> bytes, Span<nuint> words)
    {
        for (int i = 0; i < Limits.RegisterWords; i++)
        {
            words[i] = ReadWord(bytes, i + 1);
        }

        return ReadWord(bytes, 0);
    }

    /// <summary>
    /// The payload a request carries, from its raw words (a0..a7) whether or not they decode: SendMessage (16) and
    /// TrySendMessage (24) with a memory send code (a2 = 1, 2 or 3) carry a5 bytes for the buffer at a4;
    /// ReturnMemory (20) carries a3 bytes for the buffer at a2; ReplyAndReceiveNext (41) with a7 = all ones carries
    /// a3 bytes for the buffer at a2. Everything else carries none.
    /// </summary>
    /// <returns>True when the request carries a payload (<paramref name="length"/> may still be zero).</returns>
    public static bool TryGetRequestPayload(ReadOnlySpan<nuint> words, out nuint address, out nuint length)
    {
        switch ((ulong)words[0])
        {
            case (ulong)SyscallNumber.SendMessage or (ulong)SyscallNumber.TrySendMessage when words[2] is >= 1 and <= 3:
                address = words[4];
                length = words[5];
                return true;
            case (ulong)SyscallNumber.ReturnMemory:
                address = words[2];
                length = words[3];
                return true;
            case (ulong)SyscallNumber.ReplyAndReceiveNext when words[7] == nuint.MaxValue:
                address = words[2];
                length = words[3];
                return true;
            default:
                address = 0;
                length = 0;
                return false;
        }
    }

    /// <summary>True for the hosted-only thread-exit call (a0 = PlatformSpecific, a1 = <see cref="ThreadExitMagic"/>).</summary>
    public static bool IsThreadExit(ReadOnlySpan<nuint> words) =>
        words[0] == (nuint)SyscallNumber.PlatformSpecific && words[1] == ThreadExitMagic;

    /// <summary>
    /// True when a response to this result carries bytes: MemoryReturned (the lender's buffer; its length is the
    /// length of the lent buffer) and a MessageEnvelope of a memory kind (envelope code 0, 1 or 2; its length is the
    /// envelope's a5). Never for an error.
    /// </summary>
    public static bool ResultCarriesBytes(in SyscallResult result) =>
        result.Tag == ResultTag.MemoryReturned ||
        (result.Tag == ResultTag.MessageEnvelope && result.Word2 <= (nuint)MessageKind.Move);
}
