using System;
using System.Buffers.Binary;
using Xous.Vault.Environment;

namespace Xous.Vault.Credentials;

/// <summary>
/// The authenticator's own persistent values in the PDDB dictionary <c>fido.ctap</c>: <c>master</c> (version 0x01 ‖
/// the 32-byte credential wrapping key) and <c>counter</c> (the global signature counter, uint32 big-endian).
/// </summary>
internal sealed class PersistentState
{
    /// <summary>The PDDB dictionary.</summary>
    public const string Dictionary = "fido.ctap";

    /// <summary>Key of the master key record.</summary>
    public const string MasterKeyName = "master";

    /// <summary>Key of the signature counter.</summary>
    public const string CounterName = "counter";

    private readonly IVaultStore _store;
    private readonly VaultEnvironment _environment;
    private readonly byte[] _wrappingKey = new byte[32];
    private uint _counter;

    /// <summary>Loads the state, creating (and committing) a master key on first use.</summary>
    public PersistentState(VaultEnvironment environment)
    {
        _environment = environment;
        _store = environment.Store;
        Span<byte> buffer = stackalloc byte[33];
        int length = _store.Length(Dictionary, MasterKeyName);
        if (length == 33 && _store.Read(Dictionary, MasterKeyName, buffer) == 33 && buffer[0] == 1)
        {
            buffer[1..].CopyTo(_wrappingKey);
        }
        else
        {
            NewMasterKey();
            _store.Commit();
        }

        buffer.Clear();
        Span<byte> counter = stackalloc byte[4];
        if (_store.Length(Dictionary, CounterName) == 4 && _store.Read(Dictionary, CounterName, counter) == 4)
        {
            _counter = BinaryPrimitives.ReadUInt32BigEndian(counter);
        }
    }

    /// <summary>The credential wrapping key (AES-256-GCM).</summary>
    public ReadOnlySpan<byte> WrappingKey => _wrappingKey;

    /// <summary>The current signature counter value.</summary>
    public uint Counter => _counter;

    /// <summary>Increments the counter and writes it (the caller commits before answering).</summary>
    public uint NextCounter()
    {
        uint next = _counter + 1;
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, next);
        _store.Write(Dictionary, CounterName, bytes);
        _counter = next;
        return next;
    }

    /// <summary>Generates and writes a new wrapping key, so every existing credential ID stops working (caller commits).</summary>
    public void NewMasterKey()
    {
        Span<byte> record = stackalloc byte[33];
        record[0] = 1;
        _environment.Entropy.Fill(record[1..]);
        _store.Write(Dictionary, MasterKeyName, record);
        record[1..].CopyTo(_wrappingKey);
        record.Clear();
    }
}
