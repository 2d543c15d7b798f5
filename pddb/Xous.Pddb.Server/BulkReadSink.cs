using System;
using System.Collections.Generic;
using Xous.Pddb.Api;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>
/// Packs the entries of <see cref="PddbEngine.BulkRead"/> into one reply's worth of bytes (<see cref="BulkEntries"/>
/// format): entries before the start index are skipped, whole entries are packed in order until the next one does not
/// fit, and values longer than <see cref="IPddb.MaxBulkValueBytes"/> are written as "truncated" with their length.
/// The scratch buffer is allocated once and wiped after every request (values may be secret).
/// </summary>
internal sealed class BulkReadSink : IDictionaryEntrySink
{
    private readonly byte[] _buffer = new byte[IPddb.BulkReadBytes];
    private readonly List<int> _truncatedAt = new();
    private readonly List<string> _truncatedKeys = new();
    private uint _start;
    private uint _index;

    /// <summary>Entries packed.</summary>
    public uint Count { get; private set; }

    /// <summary>Bytes of the buffer used.</summary>
    public int Used { get; private set; }

    /// <summary>True when an entry did not fit; <see cref="NextIndex"/> is that entry.</summary>
    public bool Full { get; private set; }

    /// <summary>The first entry not packed (valid when <see cref="Full"/>).</summary>
    public uint NextIndex { get; private set; }

    /// <summary>Starts a request at entry <paramref name="start"/>.</summary>
    public void Begin(uint start)
    {
        _start = start;
        _index = 0;
        Count = 0;
        Used = 0;
        Full = false;
        NextIndex = 0;
        _truncatedAt.Clear();
        _truncatedKeys.Clear();
    }

    /// <inheritdoc/>
    public void Entry(string key, ReadOnlySpan<byte> value)
    {
        uint index = _index++;
        if (index < _start || Full)
        {
            return;
        }

        if (!PddbNames.TryEncode(key, PddbNames.MaxKeyNameBytes, out byte[] name))
        {
            throw new InvalidOperationException("the PDDB holds a key name it cannot encode");
        }

        bool truncated = value.Length > IPddb.MaxBulkValueBytes;
        int offset = Used;
        int lengthAt = offset + 2 + name.Length;
        if (!BulkEntries.TryWrite(_buffer, ref offset, name, value, truncated, (uint)value.Length))
        {
            Full = true;
            NextIndex = index;
            return;
        }

        if (truncated)
        {
            _truncatedAt.Add(lengthAt);
            _truncatedKeys.Add(key);
        }

        Used = offset;
        Count++;
    }

    /// <summary>Puts the whole length of each truncated value into its entry (the engine passed only a prefix).</summary>
    public void FixTruncatedLengths(PddbEngine engine, string dictionary, string? basis)
    {
        for (int i = 0; i < _truncatedAt.Count; i++)
        {
            if (engine.GetKeyLength(dictionary, _truncatedKeys[i], out long length, basis) != PddbStatus.Ok || length >= BulkEntries.TruncatedFlag)
            {
                throw new InvalidOperationException("a key seen by the bulk read has no length");
            }

            uint word = (uint)length | BulkEntries.TruncatedFlag;
            int at = _truncatedAt[i];
            _buffer[at] = (byte)word;
            _buffer[at + 1] = (byte)(word >> 8);
            _buffer[at + 2] = (byte)(word >> 16);
            _buffer[at + 3] = (byte)(word >> 24);
        }
    }

    /// <summary>Copies the used bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) => _buffer.AsSpan(0, Used).CopyTo(destination);

    /// <summary>Wipes the scratch buffer.</summary>
    public void End()
    {
        _buffer.AsSpan(0, Used).Clear();
        _truncatedKeys.Clear();
        _truncatedAt.Clear();
    }
}
