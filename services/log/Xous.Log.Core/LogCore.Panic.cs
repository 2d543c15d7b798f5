using System;
using Xous.Abi;

namespace Xous.Log.Core;

/// <summary>Panic reports: PanicStarted, sixteen chunk opcodes, PanicFinished.</summary>
public sealed partial class LogCore
{
    /// <summary>Most panic reports assembled at once; a further report loses its text (its end is still written).</summary>
    public const int MaxConcurrentPanics = 8;

    /// <summary>Longest panic text kept; the rest is cut and the report says so.</summary>
    public const int PanicBufferBytes = 4096;

    private readonly ProcessBufferTable _panics = new(MaxConcurrentPanics, PanicBufferBytes);

    /// <summary>Opens (or restarts) the caller's panic report; counted as lost when every buffer is in use.</summary>
    public void PanicStarted(MessageSender sender)
    {
        byte process = sender.ProcessId.Value;
        int slot = _panics.FindOrClaim(process, 0);
        if (slot < 0)
        {
            _statistics.PanicsLost++;
            return;
        }

        _panics.Reset(slot);
    }

    /// <summary>
    /// Writes the caller's report as error lines (<c>PANIC in program: text</c>), after any unfinished output line of
    /// the process, and frees its buffer. Without an open report the line says the text was not received.
    /// </summary>
    public void PanicFinished(MessageSender sender)
    {
        byte process = sender.ProcessId.Value;
        FlushPartialLines(process);
        WritePanic(process, _panics.Find(process, 0), unfinished: false);
    }

    /// <inheritdoc/>
    public void PanicMessage0(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 1, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage1(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 2, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage2(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 3, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage3(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 4, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage4(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 5, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage5(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 6, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage6(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 7, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage7(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 8, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage8(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 9, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage9(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 10, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage10(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 11, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage11(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 12, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage12(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 13, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage13(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 14, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage14(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 15, unit0, unit1, unit2, unit3);

    /// <inheritdoc/>
    public void PanicMessage15(MessageSender sender, uint unit0, uint unit1, uint unit2, uint unit3) => AppendChunk(sender, 16, unit0, unit1, unit2, unit3);

    /// <summary>Appends the first <paramref name="count"/> bytes of the four units (unit0's low byte first) to the report.</summary>
    private void AppendChunk(MessageSender sender, int count, uint unit0, uint unit1, uint unit2, uint unit3)
    {
        int slot = _panics.Find(sender.ProcessId.Value, 0);
        if (slot < 0)
        {
            _statistics.StrayPanicChunks++;
            return;
        }

        Span<byte> bytes = stackalloc byte[16];
        for (int i = 0; i < 4; i++)
        {
            bytes[i] = (byte)(unit0 >> (8 * i));
            bytes[4 + i] = (byte)(unit1 >> (8 * i));
            bytes[8 + i] = (byte)(unit2 >> (8 * i));
            bytes[12 + i] = (byte)(unit3 >> (8 * i));
        }

        _panics.Append(slot, bytes.Slice(0, count));
    }

    private void WritePanic(byte process, int slot, bool unfinished)
    {
        _statistics.Panics++;
        _line.Clear();
        _line.AppendAscii("PANIC in ");
        AppendProgram(process);
        _line.AppendAscii(": ");
        int prefix = _line.Length;
        if (slot < 0)
        {
            _line.AppendAscii("(panic text not received)");
            Emit(isError: true);
            return;
        }

        ReadOnlySpan<byte> text = _panics.Data(slot);
        if (text.IsEmpty)
        {
            _line.AppendAscii("(no panic text)");
            Emit(isError: true);
        }
        else
        {
            WriteLines(text, isError: true);
        }

        if (_panics.IsTruncated(slot))
        {
            _statistics.PanicsTruncated++;
            _line.Rewind(prefix);
            _line.AppendAscii("(panic text truncated)");
            Emit(isError: true);
        }

        if (unfinished)
        {
            _line.Rewind(prefix);
            _line.AppendAscii("(process ended before the report was finished)");
            Emit(isError: true);
        }

        _panics.Release(slot);
    }
}
