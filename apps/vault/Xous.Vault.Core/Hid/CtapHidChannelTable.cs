namespace Xous.Vault.Hid;

/// <summary>
/// The allocated CTAPHID channels: a fixed table of <see cref="CtapHidProtocol.MaxChannels"/> entries with
/// least-recently-used eviction. CIDs come from a counter (never 0, never broadcast, never one still live).
/// </summary>
internal sealed class CtapHidChannelTable
{
    private readonly uint[] _channels = new uint[CtapHidProtocol.MaxChannels];
    private readonly long[] _lastUsed = new long[CtapHidProtocol.MaxChannels];
    private int _count;
    private uint _nextChannel = 1;

    /// <summary>Live channels.</summary>
    public int Count => _count;

    /// <summary>Whether <paramref name="channel"/> is allocated.</summary>
    public bool Contains(uint channel) => IndexOf(channel) >= 0;

    /// <summary>Marks <paramref name="channel"/> as used at <paramref name="now"/> (no-op when not allocated).</summary>
    public void Touch(uint channel, long now)
    {
        int index = IndexOf(channel);
        if (index >= 0)
        {
            _lastUsed[index] = now;
        }
    }

    /// <summary>
    /// Allocates a new CID. When the table is full, evicts the least recently used channel that is not
    /// <paramref name="keepA"/> or <paramref name="keepB"/> (the channels with a transaction or the lock).
    /// </summary>
    /// <param name="now">The current time, recorded as the new channel's last use.</param>
    /// <param name="keepA">A channel that must not be evicted (0: none).</param>
    /// <param name="keepB">Another channel that must not be evicted (0: none).</param>
    /// <param name="evicted">Whether a channel was evicted.</param>
    /// <returns>The new CID.</returns>
    public uint Allocate(long now, uint keepA, uint keepB, out bool evicted)
    {
        evicted = false;
        int slot;
        if (_count < _channels.Length)
        {
            slot = _count;
            _count++;
        }
        else
        {
            slot = -1;
            for (int i = 0; i < _count; i++)
            {
                if (_channels[i] == keepA || _channels[i] == keepB)
                {
                    continue;
                }
                if (slot < 0 || _lastUsed[i] < _lastUsed[slot])
                {
                    slot = i;
                }
            }
            evicted = true;
        }

        uint channel = NextFreeChannel();
        _channels[slot] = channel;
        _lastUsed[slot] = now;
        return channel;
    }

    private uint NextFreeChannel()
    {
        while (true)
        {
            uint candidate = _nextChannel;
            _nextChannel++;
            if (_nextChannel == CtapHidProtocol.BroadcastChannel)
            {
                _nextChannel = 1;
            }
            if (candidate != 0 && candidate != CtapHidProtocol.BroadcastChannel && IndexOf(candidate) < 0)
            {
                return candidate;
            }
        }
    }

    private int IndexOf(uint channel)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_channels[i] == channel)
            {
                return i;
            }
        }
        return -1;
    }
}
