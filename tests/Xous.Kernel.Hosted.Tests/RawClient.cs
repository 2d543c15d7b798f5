using System.Buffers.Binary;
using Xous.Abi;

namespace Xous.Kernel.Hosted.Tests;

/// <summary>Speaks the hosted protocol byte by byte, to send what a well-behaved port never would.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly Stream _stream;

    public RawClient(Stream stream) => _stream = stream;

    public static int WordSize => IntPtr.Size;

    /// <summary>Sends the key; returns the PID byte, or -1 when the kernel closed the stream instead.</summary>
    public int Handshake(ReadOnlySpan<byte> key)
    {
        _stream.Write(key);
        byte[] answer = new byte[1];
        return ReadWithTimeout(answer) == 1 ? answer[0] : -1;
    }

    /// <summary>A header (TID + eight words) followed by <paramref name="payload"/>.</summary>
    public static byte[] Packet(nuint tid, ReadOnlySpan<nuint> words, ReadOnlySpan<byte> payload = default)
    {
        byte[] packet = new byte[(9 * WordSize) + payload.Length];
        WriteWord(packet, 0, tid);
        for (int i = 0; i < 8; i++)
        {
            WriteWord(packet, i + 1, i < words.Length ? words[i] : 0);
        }

        payload.CopyTo(packet.AsSpan(9 * WordSize));
        return packet;
    }

    public static nuint[] Words(in Syscall call)
    {
        nuint[] words = new nuint[8];
        call.Encode(words);
        return words;
    }

    public void Send(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _stream.Flush();
    }

    /// <summary>Reads one response header; null when the stream ended first.</summary>
    public (nuint Tid, SyscallResult Result)? Receive()
    {
        byte[] header = new byte[9 * WordSize];
        int done = 0;
        while (done < header.Length)
        {
            int read = ReadWithTimeout(header.AsMemory(done));
            if (read == 0)
            {
                return null;
            }

            done += read;
        }

        nuint[] words = new nuint[8];
        for (int i = 0; i < 8; i++)
        {
            words[i] = ReadWord(header, i + 1);
        }

        Assert.True(SyscallResult.TryDecode(words, out SyscallResult result), "the kernel sent an undecodable result");
        return (ReadWord(header, 0), result);
    }

    /// <summary>True when the kernel closes the stream (after any number of bytes).</summary>
    public bool WaitForClose()
    {
        byte[] sink = new byte[4096];
        while (true)
        {
            if (ReadWithTimeout(sink) == 0)
            {
                return true;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private int ReadWithTimeout(Memory<byte> destination)
    {
        using var cancel = new CancellationTokenSource(Harness.Timeout);
        try
        {
            return _stream.ReadAsync(destination, cancel.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            return 0; // a reset counts as closed
        }
    }

    private static void WriteWord(Span<byte> bytes, int index, nuint value)
    {
        if (WordSize == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[(index * 8)..], value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(index * 4)..], (uint)value);
        }
    }

    private static nuint ReadWord(ReadOnlySpan<byte> bytes, int index) => WordSize == 8
        ? (nuint)BinaryPrimitives.ReadUInt64LittleEndian(bytes[(index * 8)..])
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes[(index * 4)..]);
}
