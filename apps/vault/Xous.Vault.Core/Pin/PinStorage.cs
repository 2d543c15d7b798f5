using System;
using System.Collections.Generic;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// The persistent PIN/UV state and its two records in the PDDB dictionary <c>fido.cfg</c> (layouts in
/// docs/vault-pin.md): <c>pin</c> (retries, flags, the PIN's length and its protected hash) and <c>config</c>
/// (alwaysUv, minPINLength, the minPinLength RP IDs). Writes go through the store; callers commit.
/// </summary>
internal sealed class PinStorage
{
    /// <summary>The PDDB dictionary of the authenticator's configuration.</summary>
    public const string Dictionary = "fido.cfg";

    /// <summary>Key of the PIN record.</summary>
    public const string PinKey = "pin";

    /// <summary>Key of the authenticatorConfig record.</summary>
    public const string ConfigKey = "config";

    /// <summary>Length of the PIN record (version 1).</summary>
    public const int PinRecordLength = 4 + SaltLength + HashLength;

    /// <summary>The largest config record: the map, three scalars and eight RP IDs of at most 255 bytes each.</summary>
    public const int MaxConfigRecordLength = 16 + (AuthenticatorLimits.MaxRpIdsForSetMinPinLength * (3 + MaxRpIdLength));

    /// <summary>An RP ID in the minPinLength list is at most this many UTF-8 bytes (a DNS name is at most 253).</summary>
    public const int MaxRpIdLength = 255;

    private const byte PinRecordVersion = 1;
    private const ulong ConfigRecordVersion = 1;
    private const int SaltLength = 32;
    private const int HashLength = 32;
    private const byte FlagPinSet = 0x01;
    private const byte FlagForcePinChange = 0x02;

    private readonly IVaultStore _store;
    private readonly IEntropySource _entropy;
    private readonly byte[] _salt = new byte[SaltLength];
    private readonly byte[] _protectedHash = new byte[HashLength];
    private readonly List<string> _minPinLengthRpIds = new();

    /// <summary>Loads both records (defaults where a record is absent).</summary>
    /// <exception cref="VaultStoreException">A record exists but is malformed (corrupt data).</exception>
    public PinStorage(IVaultStore store, IEntropySource entropy)
    {
        _store = store;
        _entropy = entropy;
        LoadPinRecord();
        LoadConfigRecord();
    }

    /// <summary>Whether a PIN is set.</summary>
    public bool IsPinSet { get; private set; }

    /// <summary>The persistent retry counter (8 after a reset or a correct PIN).</summary>
    public int Retries { get; private set; } = AuthenticatorLimits.MaxPinRetries;

    /// <summary>forcePINChange.</summary>
    public bool ForcePinChange { get; private set; }

    /// <summary>The current PIN's length in code points (0 when none is set).</summary>
    public int PinCodePointLength { get; private set; }

    /// <summary>alwaysUv.</summary>
    public bool AlwaysUv { get; private set; }

    /// <summary>minPINLength in code points.</summary>
    public int MinPinLength { get; private set; } = AuthenticatorLimits.DefaultMinPinLength;

    /// <summary>The RP IDs that may read minPINLength through the minPinLength extension.</summary>
    public IReadOnlyList<string> MinPinLengthRpIds => _minPinLengthRpIds;

    /// <summary>Whether <paramref name="pinHash"/> (LEFT(SHA-256(PIN), 16)) is the stored PIN's, in constant time.</summary>
    public bool MatchesPinHash(ReadOnlySpan<byte> pinHash)
    {
        if (!IsPinSet)
        {
            return false;
        }

        Span<byte> candidate = stackalloc byte[HashLength];
        HmacSha256.Compute(_salt, pinHash, candidate);
        bool equal = FixedTime.Equals(candidate, _protectedHash);
        candidate.Clear();
        return equal;
    }

    /// <summary>Decrements the retry counter and writes the PIN record (the caller commits before comparing).</summary>
    public void DecrementRetries()
    {
        if (Retries > 0)
        {
            Retries--;
        }

        WritePinRecord();
    }

    /// <summary>Restores the retry counter to 8 and writes the PIN record.</summary>
    public void RestoreRetries()
    {
        Retries = AuthenticatorLimits.MaxPinRetries;
        WritePinRecord();
    }

    /// <summary>
    /// Stores a new PIN (its LEFT(SHA-256, 16) protected under a fresh salt), its length, retries 8, clears
    /// forcePINChange, and writes the PIN record.
    /// </summary>
    public void SetPin(ReadOnlySpan<byte> pin, int codePointLength)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256.Hash(pin, digest);
        _entropy.Fill(_salt);
        HmacSha256.Compute(_salt, digest[..16], _protectedHash);
        digest.Clear();
        IsPinSet = true;
        PinCodePointLength = codePointLength;
        Retries = AuthenticatorLimits.MaxPinRetries;
        ForcePinChange = false;
        WritePinRecord();
    }

    /// <summary>Sets forcePINChange and writes the PIN record.</summary>
    public void SetForcePinChange()
    {
        ForcePinChange = true;
        WritePinRecord();
    }

    /// <summary>Flips alwaysUv and writes the config record.</summary>
    public void ToggleAlwaysUv()
    {
        AlwaysUv = !AlwaysUv;
        WriteConfigRecord();
    }

    /// <summary>Sets minPINLength and, when <paramref name="rpIds"/> is not null, replaces the RP ID list; writes the config record.</summary>
    public void SetMinPinLength(int minPinLength, List<string>? rpIds)
    {
        MinPinLength = minPinLength;
        if (rpIds != null)
        {
            _minPinLengthRpIds.Clear();
            for (int i = 0; i < rpIds.Count; i++)
            {
                _minPinLengthRpIds.Add(rpIds[i]);
            }
        }

        WriteConfigRecord();
    }

    /// <summary>Forgets the PIN and the configuration (authenticatorReset): deletes both records. The caller commits.</summary>
    public void Reset()
    {
        IsPinSet = false;
        Retries = AuthenticatorLimits.MaxPinRetries;
        ForcePinChange = false;
        PinCodePointLength = 0;
        Array.Clear(_salt);
        Array.Clear(_protectedHash);
        AlwaysUv = false;
        MinPinLength = AuthenticatorLimits.DefaultMinPinLength;
        _minPinLengthRpIds.Clear();
        _ = _store.Delete(Dictionary, PinKey);
        _ = _store.Delete(Dictionary, ConfigKey);
    }

    /// <summary>Commits the store.</summary>
    public void Commit() => _store.Commit();

    private void WritePinRecord()
    {
        Span<byte> record = stackalloc byte[PinRecordLength];
        record[0] = PinRecordVersion;
        record[1] = (byte)Retries;
        record[2] = (byte)((IsPinSet ? FlagPinSet : 0) | (ForcePinChange ? FlagForcePinChange : 0));
        record[3] = (byte)PinCodePointLength;
        _salt.CopyTo(record.Slice(4, SaltLength));
        _protectedHash.CopyTo(record.Slice(4 + SaltLength, HashLength));
        _store.Write(Dictionary, PinKey, record);
        record.Clear();
    }

    private void LoadPinRecord()
    {
        int length = _store.Length(Dictionary, PinKey);
        if (length < 0)
        {
            return;
        }

        Span<byte> record = stackalloc byte[PinRecordLength];
        if (length != PinRecordLength || _store.Read(Dictionary, PinKey, record) != PinRecordLength
            || record[0] != PinRecordVersion || record[1] > AuthenticatorLimits.MaxPinRetries || (record[2] & ~(FlagPinSet | FlagForcePinChange)) != 0
            || record[3] > 63)
        {
            record.Clear();
            throw new VaultStoreException(VaultStoreError.Failed, "The PIN record in fido.cfg is malformed.");
        }

        Retries = record[1];
        IsPinSet = (record[2] & FlagPinSet) != 0;
        ForcePinChange = (record[2] & FlagForcePinChange) != 0;
        PinCodePointLength = record[3];
        record.Slice(4, SaltLength).CopyTo(_salt);
        record.Slice(4 + SaltLength, HashLength).CopyTo(_protectedHash);
        record.Clear();
    }

    private void WriteConfigRecord()
    {
        byte[] buffer = new byte[MaxConfigRecordLength];
        var writer = new CborWriter(buffer);
        writer.WriteStartMap(4);
        writer.WriteUInt64(1);
        writer.WriteUInt64(ConfigRecordVersion);
        writer.WriteUInt64(2);
        writer.WriteBoolean(AlwaysUv);
        writer.WriteUInt64(3);
        writer.WriteUInt64((ulong)MinPinLength);
        writer.WriteUInt64(4);
        writer.WriteStartArray(_minPinLengthRpIds.Count);
        for (int i = 0; i < _minPinLengthRpIds.Count; i++)
        {
            writer.WriteTextString(_minPinLengthRpIds[i]);
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
        _store.Write(Dictionary, ConfigKey, writer.WrittenSpan);
    }

    private void LoadConfigRecord()
    {
        int length = _store.Length(Dictionary, ConfigKey);
        if (length < 0)
        {
            return;
        }

        if (length > MaxConfigRecordLength)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
        }

        byte[] buffer = new byte[length];
        _ = _store.Read(Dictionary, ConfigKey, buffer);
        try
        {
            var reader = new CborReader(buffer);
            if (reader.ReadStartMap() != 4 || reader.ReadUInt64() != 1 || reader.ReadUInt64() != ConfigRecordVersion
                || reader.ReadUInt64() != 2)
            {
                throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
            }

            bool alwaysUv = reader.ReadBoolean();
            if (reader.ReadUInt64() != 3)
            {
                throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
            }

            ulong minPinLength = reader.ReadUInt64();
            if (reader.ReadUInt64() != 4 || minPinLength < AuthenticatorLimits.DefaultMinPinLength || minPinLength > 63)
            {
                throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
            }

            int count = reader.ReadStartArray();
            if (count > AuthenticatorLimits.MaxRpIdsForSetMinPinLength)
            {
                throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
            }

            for (int i = 0; i < count; i++)
            {
                _minPinLengthRpIds.Add(reader.ReadTextString());
            }

            reader.ReadEndArray();
            reader.ReadEndMap();
            _ = reader.PeekState();
            AlwaysUv = alwaysUv;
            MinPinLength = (int)minPinLength;
        }
        catch (CborException)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "The config record in fido.cfg is malformed.");
        }
    }
}
