using Xous.Pddb;
using Xous.Pddb.Host;
using Xous.Vault.Environment;

namespace Xous.Vault.Host.Storage;

/// <summary>
/// <see cref="IVaultStore"/> over the PDDB engine of a mounted image file (<see cref="PddbImage"/>): reads and key
/// lists go through the union view of the open bases, writes land in the latest open basis (as on the device, so a
/// secret basis unlocked last receives Vault's records), and <see cref="Commit"/> is the engine's sync plus a flush of
/// the file. Writes before a commit live only in the engine's memory and are lost when the process ends.
/// </summary>
/// <remarks>
/// Error mapping: <see cref="PddbStatus.NoSpace"/> and <see cref="PddbStatus.LimitReached"/> (too many keys or
/// dictionaries) become <see cref="VaultStoreError.Full"/>; every other failure of the engine or the file
/// (including <see cref="IOException"/>) becomes <see cref="VaultStoreError.Failed"/>. A name the PDDB refuses
/// (empty, too long) is a caller bug: <see cref="ArgumentException"/>. Messages name the operation and the status,
/// never a value. Not thread-safe (the authenticator runs one request at a time).
/// </remarks>
public sealed class PddbVaultStore : IVaultStore
{
    private readonly PddbImage _image;
    private readonly PddbEngine _engine;

    /// <summary>Uses the mounted <paramref name="image"/> (which stays owned by the caller).</summary>
    /// <exception cref="ArgumentException">The image is not mounted.</exception>
    public PddbVaultStore(PddbImage image)
    {
        _image = image ?? throw new ArgumentNullException(nameof(image));
        _engine = image.Engine ?? throw new ArgumentException("the image is not mounted", nameof(image));
    }

    /// <summary>How many commits reached the flash.</summary>
    public long Commits { get; private set; }

    /// <inheritdoc/>
    public int Read(string dictionary, string key, Span<byte> destination)
    {
        PddbStatus status = GetLength(dictionary, key, out long length);
        if (status == PddbStatus.NotFound)
        {
            return -1;
        }

        Check(status, "read");
        if (length > destination.Length)
        {
            throw new ArgumentException("the destination is shorter than the value", nameof(destination));
        }

        int total = 0;
        try
        {
            while (total < length)
            {
                status = _engine.ReadKey(dictionary, key, total, destination[total..(int)length], out int read);
                Check(status, "read");
                if (read == 0)
                {
                    throw new VaultStoreException(VaultStoreError.Failed, "PDDB read ended early");
                }

                total += read;
            }
        }
        catch (IOException)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "PDDB image I/O failed during read");
        }

        return total;
    }

    /// <inheritdoc/>
    public int Length(string dictionary, string key)
    {
        PddbStatus status = GetLength(dictionary, key, out long length);
        if (status == PddbStatus.NotFound)
        {
            return -1;
        }

        Check(status, "length");
        return checked((int)length);
    }

    /// <inheritdoc/>
    public void Write(string dictionary, string key, ReadOnlySpan<byte> value)
    {
        if (value.Length > IVaultStore.MaxValueLength)
        {
            throw new ArgumentException("the value is longer than IVaultStore.MaxValueLength", nameof(value));
        }

        byte[] copy = value.ToArray();
        try
        {
            PddbStatus status = Guard(() => _engine.WriteKey(dictionary, key, copy));
            if (status == PddbStatus.NotFound)
            {
                status = Guard(() => _engine.CreateDictionary(dictionary));
                Check(status, "create dictionary");
                status = Guard(() => _engine.WriteKey(dictionary, key, copy));
            }

            Check(status, "write");
        }
        finally
        {
            copy.AsSpan().Clear();
        }
    }

    /// <inheritdoc/>
    public bool Delete(string dictionary, string key)
    {
        PddbStatus status = Guard(() => _engine.DeleteKey(dictionary, key));
        if (status == PddbStatus.NotFound)
        {
            return false;
        }

        Check(status, "delete");
        return true;
    }

    /// <inheritdoc/>
    public void ListKeys(string dictionary, List<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<string>();
        PddbStatus status = Guard(() => _engine.ListKeys(dictionary, found));
        if (status == PddbStatus.NotFound)
        {
            return;
        }

        Check(status, "list keys");
        keys.AddRange(found);
    }

    /// <inheritdoc/>
    public void Commit()
    {
        PddbStatus status = Guard(_image.Sync);
        Check(status, "commit");
        Commits++;
    }

    private static PddbStatus Guard(Func<PddbStatus> operation)
    {
        try
        {
            return operation();
        }
        catch (IOException)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "PDDB image I/O failed");
        }
    }

    private PddbStatus GetLength(string dictionary, string key, out long length)
    {
        try
        {
            return _engine.GetKeyLength(dictionary, key, out length);
        }
        catch (IOException)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "PDDB image I/O failed");
        }
    }

    private static void Check(PddbStatus status, string operation)
    {
        switch (status)
        {
            case PddbStatus.Ok:
                return;
            case PddbStatus.InvalidName:
                throw new ArgumentException("the PDDB refuses the dictionary or key name (" + operation + ")");
            case PddbStatus.NoSpace:
            case PddbStatus.LimitReached:
                throw new VaultStoreException(VaultStoreError.Full, "PDDB " + operation + " failed: " + status.ToString());
            default:
                throw new VaultStoreException(VaultStoreError.Failed, "PDDB " + operation + " failed: " + status.ToString());
        }
    }
}
