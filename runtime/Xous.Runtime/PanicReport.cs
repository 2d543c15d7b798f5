using System;
using Xous.Log.Api;

namespace Xous.Runtime;

/// <summary>
/// The panic report to the log server (docs/runtime.md, "Panics"), in scalars only so that a process out of memory can
/// still send it: PanicStarted, then the UTF-8 text in chunks of 1..16 bytes — the chunk of n + 1 bytes goes with
/// opcode 1100 + n (<c>PanicMessage{n}</c>), its bytes packed little-endian into unit0..unit3, unit0 first, zero-padded
/// — then PanicFinished, a BlockingScalar the log answers once the report is written.
/// </summary>
public static class PanicReport
{
    /// <summary>Bytes one PanicMessage carries at most (four 32-bit units).</summary>
    public const int MaxChunkBytes = 16;

    /// <summary>Longest text reported; longer text is cut on a UTF-8 boundary (128 messages of 16 bytes).</summary>
    public const int MaxTextBytes = 2048;

    /// <summary>The exit code of a process that panicked (Rust's, which Xous programs use).</summary>
    public const uint ExitCode = 101;

    /// <summary>Packs up to <see cref="MaxChunkBytes"/> bytes little-endian into four units (unused bytes are zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunk"/> is longer than 16 bytes.</exception>
    public static void Pack(ReadOnlySpan<byte> chunk, out uint unit0, out uint unit1, out uint unit2, out uint unit3)
    {
        if (chunk.Length > MaxChunkBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), "A panic chunk is at most 16 bytes.");
        }

        unit0 = Unit(chunk, 0);
        unit1 = Unit(chunk, 4);
        unit2 = Unit(chunk, 8);
        unit3 = Unit(chunk, 12);
    }

    /// <summary>
    /// Sends the whole report of <paramref name="utf8"/> (cut to <see cref="MaxTextBytes"/> on a UTF-8 boundary) and
    /// waits for the log to confirm it. An empty text sends no chunk.
    /// </summary>
    /// <exception cref="Xous.Ipc.IpcException">The log server refused or lost a message.</exception>
    public static void Send(ILog log, ReadOnlySpan<byte> utf8)
    {
        if (log == null)
        {
            throw new ArgumentNullException(nameof(log));
        }

        ReadOnlySpan<byte> text = utf8.Slice(0, Utf8Text.BoundaryAtOrBefore(utf8, MaxTextBytes));
        log.PanicStarted();
        for (int start = 0; start < text.Length; start += MaxChunkBytes)
        {
            ReadOnlySpan<byte> chunk = text.Slice(start, Math.Min(MaxChunkBytes, text.Length - start));
            Pack(chunk, out uint unit0, out uint unit1, out uint unit2, out uint unit3);
            SendChunk(log, chunk.Length, unit0, unit1, unit2, unit3);
        }

        log.PanicFinished();
    }

    private static uint Unit(ReadOnlySpan<byte> chunk, int start)
    {
        uint unit = 0;
        for (int index = 0; index < 4 && start + index < chunk.Length; index++)
        {
            unit |= (uint)chunk[start + index] << (8 * index);
        }

        return unit;
    }

    private static void SendChunk(ILog log, int length, uint unit0, uint unit1, uint unit2, uint unit3)
    {
        switch (length)
        {
            case 1:
                log.PanicMessage0(unit0, unit1, unit2, unit3);
                break;
            case 2:
                log.PanicMessage1(unit0, unit1, unit2, unit3);
                break;
            case 3:
                log.PanicMessage2(unit0, unit1, unit2, unit3);
                break;
            case 4:
                log.PanicMessage3(unit0, unit1, unit2, unit3);
                break;
            case 5:
                log.PanicMessage4(unit0, unit1, unit2, unit3);
                break;
            case 6:
                log.PanicMessage5(unit0, unit1, unit2, unit3);
                break;
            case 7:
                log.PanicMessage6(unit0, unit1, unit2, unit3);
                break;
            case 8:
                log.PanicMessage7(unit0, unit1, unit2, unit3);
                break;
            case 9:
                log.PanicMessage8(unit0, unit1, unit2, unit3);
                break;
            case 10:
                log.PanicMessage9(unit0, unit1, unit2, unit3);
                break;
            case 11:
                log.PanicMessage10(unit0, unit1, unit2, unit3);
                break;
            case 12:
                log.PanicMessage11(unit0, unit1, unit2, unit3);
                break;
            case 13:
                log.PanicMessage12(unit0, unit1, unit2, unit3);
                break;
            case 14:
                log.PanicMessage13(unit0, unit1, unit2, unit3);
                break;
            case 15:
                log.PanicMessage14(unit0, unit1, unit2, unit3);
                break;
            default:
                log.PanicMessage15(unit0, unit1, unit2, unit3);
                break;
        }
    }
}
