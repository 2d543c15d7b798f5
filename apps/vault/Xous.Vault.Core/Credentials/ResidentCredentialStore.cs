using System;
using System.Collections.Generic;
using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Credentials;

/// <summary>
/// The resident credentials: one record each in the PDDB dictionary <c>fido.rk</c>, all loaded at power-up (at most
/// <see cref="AuthenticatorLimits.MaxResidentCredentials"/>). Writes go through the store; the caller commits.
/// </summary>
internal sealed class ResidentCredentialStore
{
    /// <summary>The PDDB dictionary.</summary>
    public const string Dictionary = "fido.rk";

    private readonly IVaultStore _store;
    private readonly List<ResidentCredential> _credentials = [];
    private ulong _nextCreationOrder = 1;

    /// <summary>Loads every record (malformed ones are skipped).</summary>
    public ResidentCredentialStore(IVaultStore store)
    {
        _store = store;
        List<string> keys = [];
        store.ListKeys(Dictionary, keys);
        byte[] buffer = new byte[IVaultStore.MaxValueLength];
        for (int i = 0; i < keys.Count; i++)
        {
            int length = store.Length(Dictionary, keys[i]);
            if (length <= 0 || length > buffer.Length)
            {
                continue;
            }

            length = store.Read(Dictionary, keys[i], buffer);
            ResidentCredential? record = ResidentCredential.Decode(buffer.AsSpan(0, length), keys[i]);
            if (record is not null && _credentials.Count < AuthenticatorLimits.MaxResidentCredentials)
            {
                _credentials.Add(record);
                if (record.CreationOrder >= _nextCreationOrder)
                {
                    _nextCreationOrder = record.CreationOrder + 1;
                }
            }
        }

        buffer.AsSpan().Clear();
    }

    /// <summary>How many resident credentials exist.</summary>
    public int Count => _credentials.Count;

    /// <summary>How many more can be stored.</summary>
    public int Remaining => AuthenticatorLimits.MaxResidentCredentials - _credentials.Count;

    /// <summary>All records, in load/creation order (not sorted).</summary>
    public IReadOnlyList<ResidentCredential> All => _credentials;

    /// <summary>The next creation order number.</summary>
    public ulong TakeCreationOrder() => _nextCreationOrder++;

    /// <summary>The record with this credential ID, or null.</summary>
    public ResidentCredential? FindByCredentialId(ReadOnlySpan<byte> credentialId)
    {
        for (int i = 0; i < _credentials.Count; i++)
        {
            if (_credentials[i].CredentialId.AsSpan().SequenceEqual(credentialId))
            {
                return _credentials[i];
            }
        }

        return null;
    }

    /// <summary>The record for this RP and user id, or null.</summary>
    public ResidentCredential? FindByUser(ReadOnlySpan<byte> rpIdHash, ReadOnlySpan<byte> userId)
    {
        for (int i = 0; i < _credentials.Count; i++)
        {
            ResidentCredential record = _credentials[i];
            if (record.RpIdHash.AsSpan().SequenceEqual(rpIdHash) && record.UserId.AsSpan().SequenceEqual(userId))
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>Adds the records of an RP to <paramref name="result"/>, newest first.</summary>
    public void ListForRp(ReadOnlySpan<byte> rpIdHash, List<ResidentCredential> result)
    {
        for (int i = 0; i < _credentials.Count; i++)
        {
            if (_credentials[i].RpIdHash.AsSpan().SequenceEqual(rpIdHash))
            {
                result.Add(_credentials[i]);
            }
        }

        SortNewestFirst(result);
    }

    /// <summary>Sorts newest first (insertion sort; at most 150 items).</summary>
    public static void SortNewestFirst(List<ResidentCredential> list)
    {
        for (int i = 1; i < list.Count; i++)
        {
            ResidentCredential item = list[i];
            int j = i - 1;
            while (j >= 0 && list[j].CreationOrder < item.CreationOrder)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }

    /// <summary>
    /// Stores a record, replacing one with the same RP and user id. Full → <see cref="VaultStoreException"/> (Full).
    /// </summary>
    public void Put(ResidentCredential record)
    {
        record.StorageKey = ResidentCredential.StorageKeyFor(record.RpIdHash, record.UserId);
        ResidentCredential? existing = FindByUser(record.RpIdHash, record.UserId);
        if (existing is null && _credentials.Count >= AuthenticatorLimits.MaxResidentCredentials)
        {
            throw new VaultStoreException(VaultStoreError.Full, "The resident credential store is full.");
        }

        byte[] buffer = new byte[ResidentCredential.MaxEncodedLength];
        int length = record.Encode(buffer);
        _store.Write(Dictionary, record.StorageKey, buffer.AsSpan(0, length));
        buffer.AsSpan().Clear();
        if (existing is not null)
        {
            _credentials.Remove(existing);
            if (existing.StorageKey != record.StorageKey)
            {
                _store.Delete(Dictionary, existing.StorageKey);
            }
        }

        _credentials.Add(record);
    }

    /// <summary>Replaces a record's stored bytes after its fields changed (updateUserInformation).</summary>
    public void Rewrite(ResidentCredential record)
    {
        byte[] buffer = new byte[ResidentCredential.MaxEncodedLength];
        int length = record.Encode(buffer);
        _store.Write(Dictionary, record.StorageKey, buffer.AsSpan(0, length));
        buffer.AsSpan().Clear();
    }

    /// <summary>Deletes a record.</summary>
    public void Delete(ResidentCredential record)
    {
        _store.Delete(Dictionary, record.StorageKey);
        _credentials.Remove(record);
    }

    /// <summary>Deletes every record (authenticatorReset).</summary>
    public void DeleteAll()
    {
        List<string> keys = [];
        _store.ListKeys(Dictionary, keys);
        for (int i = 0; i < keys.Count; i++)
        {
            _store.Delete(Dictionary, keys[i]);
        }

        _credentials.Clear();
    }

    /// <summary>Distinct RP ID hashes, in the order first seen (for enumerateRPs).</summary>
    public void ListRps(List<ResidentCredential> firstOfEachRp)
    {
        for (int i = 0; i < _credentials.Count; i++)
        {
            bool seen = false;
            for (int j = 0; j < firstOfEachRp.Count; j++)
            {
                if (FixedTime.Equals(firstOfEachRp[j].RpIdHash, _credentials[i].RpIdHash))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                firstOfEachRp.Add(_credentials[i]);
            }
        }
    }
}
