using System;
using System.Collections.Generic;

namespace Xous.Vault.Environment;

/// <summary>
/// Vault's persistent storage seam: named values in named dictionaries, as the PDDB offers them (on the device the
/// PDDB service; on a PC a PDDB image file; in tests a RAM store). Writes become durable, all together or not at
/// all, at <see cref="Commit"/>; a power cut before it leaves the store as it was at the previous commit.
/// </summary>
/// <remarks>
/// Names are ASCII (the PDDB's limits: dictionary names up to 110 bytes, key names up to 94). Values are at most
/// <see cref="MaxValueLength"/> bytes. Every failure of the medium (full, I/O) is a <see cref="VaultStoreException"/>.
/// </remarks>
public interface IVaultStore
{
    /// <summary>The largest value the store accepts, in bytes.</summary>
    const int MaxValueLength = 8192;

    /// <summary>Reads a value.</summary>
    /// <param name="dictionary">The dictionary name.</param>
    /// <param name="key">The key name.</param>
    /// <param name="destination">Receives the value; must be at least as long as it.</param>
    /// <returns>The value's length, or -1 when the key (or the dictionary) does not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the value.</exception>
    int Read(string dictionary, string key, Span<byte> destination);

    /// <summary>The length of a value, or -1 when it does not exist.</summary>
    int Length(string dictionary, string key);

    /// <summary>Creates or replaces a value (creating the dictionary when needed). Durable after <see cref="Commit"/>.</summary>
    void Write(string dictionary, string key, ReadOnlySpan<byte> value);

    /// <summary>Deletes a value. Durable after <see cref="Commit"/>.</summary>
    /// <returns>Whether it existed.</returns>
    bool Delete(string dictionary, string key);

    /// <summary>Adds the key names of <paramref name="dictionary"/> to <paramref name="keys"/> (nothing when it does not exist).</summary>
    void ListKeys(string dictionary, List<string> keys);

    /// <summary>Makes every write and delete since the last commit durable, atomically.</summary>
    void Commit();
}

/// <summary>Why the store failed.</summary>
public enum VaultStoreError
{
    /// <summary>No space left for the value.</summary>
    Full = 1,

    /// <summary>The medium failed (I/O error, corrupt data, service gone).</summary>
    Failed = 2,
}

/// <summary>A failure of the storage medium. The message never contains stored data.</summary>
public sealed class VaultStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VaultStoreException(VaultStoreError error, string message)
        : base(message) => Error = error;

    /// <summary>What went wrong.</summary>
    public VaultStoreError Error { get; }
}
