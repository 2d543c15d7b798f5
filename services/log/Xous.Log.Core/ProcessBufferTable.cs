using System;

namespace Xous.Log.Core;

/// <summary>
/// A fixed number of fixed-size byte buffers, each owned by one (process, stream) pair while in use: program names,
/// partial output lines and panic reports. Everything is allocated up front; nothing grows.
/// </summary>
internal sealed class ProcessBufferTable
{
    private readonly byte[][] _data;
    private readonly int[] _lengths;
    private readonly byte[] _owners;     // PID, 0 = free
    private readonly byte[] _streams;
    private readonly bool[] _truncated;

    public ProcessBufferTable(int slots, int bytesPerSlot)
    {
        _data = new byte[slots][];
        for (int i = 0; i < slots; i++)
        {
            _data[i] = new byte[bytesPerSlot];
        }

        _lengths = new int[slots];
        _owners = new byte[slots];
        _streams = new byte[slots];
        _truncated = new bool[slots];
    }

    /// <summary>The slot of (<paramref name="process"/>, <paramref name="stream"/>), or -1.</summary>
    public int Find(byte process, byte stream)
    {
        for (int i = 0; i < _owners.Length; i++)
        {
            if (_owners[i] == process && _streams[i] == stream)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The slot of (<paramref name="process"/>, <paramref name="stream"/>), a newly claimed empty one, or -1 when all are in use.</summary>
    public int FindOrClaim(byte process, byte stream)
    {
        int found = Find(process, stream);
        if (found >= 0)
        {
            return found;
        }

        for (int i = 0; i < _owners.Length; i++)
        {
            if (_owners[i] == 0)
            {
                _owners[i] = process;
                _streams[i] = stream;
                _lengths[i] = 0;
                _truncated[i] = false;
                return i;
            }
        }

        return -1;
    }

    /// <summary>The bytes held in a slot.</summary>
    public ReadOnlySpan<byte> Data(int slot) => _data[slot].AsSpan(0, _lengths[slot]);

    /// <summary>True when an append to the slot did not fit.</summary>
    public bool IsTruncated(int slot) => _truncated[slot];

    /// <summary>Free bytes in a slot.</summary>
    public int Room(int slot) => _data[slot].Length - _lengths[slot];

    /// <summary>Appends what fits; marks the slot truncated when something did not.</summary>
    public void Append(int slot, ReadOnlySpan<byte> bytes)
    {
        int room = Room(slot);
        if (bytes.Length > room)
        {
            _truncated[slot] = true;
            bytes = bytes.Slice(0, room);
        }

        bytes.CopyTo(_data[slot].AsSpan(_lengths[slot]));
        _lengths[slot] += bytes.Length;
    }

    /// <summary>Empties a slot and keeps it claimed.</summary>
    public void Reset(int slot)
    {
        Array.Clear(_data[slot]);
        _lengths[slot] = 0;
        _truncated[slot] = false;
    }

    /// <summary>Empties a slot and gives it up.</summary>
    public void Release(int slot)
    {
        Reset(slot);
        _owners[slot] = 0;
        _streams[slot] = 0;
    }
}
