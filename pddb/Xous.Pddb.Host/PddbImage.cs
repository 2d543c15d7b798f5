using System.Globalization;
using Xous.Hal.Hosted;
using Xous.Pddb.Format;

namespace Xous.Pddb.Host;

/// <summary>
/// A PDDB image file on a PC together with its device-secrets file <c>IMAGE.keys</c> (the stand-in for the
/// Precursor's KEYROM: pepper, user key, DNA and rollback counter; <see cref="DeviceSecrets"/>). Opens, formats and
/// mounts; the mounted <see cref="Engine"/> belongs to this object and is disposed with it.
/// </summary>
/// <remarks>
/// Threat notes: whoever holds both files and the PIN holds the <c>.System</c> basis; an image without its key file
/// cannot be opened by any PIN (the user key is not derivable). The key file is created with mode 0600 on Unix.
/// Not thread-safe; the image file is opened exclusively, so a second process cannot open it at the same time.
/// </remarks>
public sealed class PddbImage : IDisposable
{
    /// <summary>Appended to the image path to name its device-secrets file.</summary>
    public const string KeyFileSuffix = ".keys";

    private readonly FileFlash _flash;
    private readonly PddbRandom _random;
    private readonly PddbOptions _options;
    private bool _disposed;

    private PddbImage(string imagePath, FileFlash flash, PddbOptions options)
    {
        ImagePath = imagePath;
        _flash = flash;
        _options = options;
        _random = SystemEntropySource.CreatePddbRandom();
    }

    /// <summary>The image file.</summary>
    public string ImagePath { get; }

    /// <summary>The device-secrets file beside the image.</summary>
    public string KeyFilePath => KeyFilePathOf(ImagePath);

    /// <summary>Pages (4 KiB sectors) in the image file.</summary>
    public int Pages => _flash.SectorCount;

    /// <summary>The mounted PDDB, after a successful <see cref="Mount"/>; null before.</summary>
    public PddbEngine? Engine { get; private set; }

    /// <summary>The device-secrets path of <paramref name="imagePath"/>: <c>IMAGE.keys</c>.</summary>
    public static string KeyFilePathOf(string imagePath) => imagePath + KeyFileSuffix;

    /// <summary>
    /// Parses a PDDB size: <c>4MiB</c> (<see cref="PddbLayout.HostedPages"/>), <c>98MiB</c>
    /// (<see cref="PddbLayout.PrecursorPages"/>), any <c>NMiB</c>, or a page count. A PDDB is 256 to 524,272 pages, a
    /// multiple of 16.
    /// </summary>
    /// <param name="text">The size as typed.</param>
    /// <param name="pages">The page count on success.</param>
    /// <param name="error">Why the size was refused, or null.</param>
    /// <returns>Whether the size is usable.</returns>
    public static bool TryParseSize(string text, out int pages, out string? error)
    {
        pages = 0;
        error = null;
        string trimmed = (text ?? string.Empty).Trim();
        long count;
        if (trimmed.EndsWith("MiB", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(trimmed.AsSpan(0, trimmed.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out long mebibytes) || mebibytes > int.MaxValue)
            {
                error = $"size '{trimmed}' is not a number of MiB";
                return false;
            }

            count = mebibytes * (1024 * 1024 / PddbLayout.PageSize);
        }
        else if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            error = $"size '{trimmed}' is neither 4MiB, 98MiB, NMiB nor a page count";
            return false;
        }

        if (count < PddbGeometry.MinimumPages || count % 16 != 0 || count > MaxPages)
        {
            error = $"a PDDB is {PddbGeometry.MinimumPages} to {MaxPages} pages of 4 KiB, a multiple of 16; '{trimmed}' is {count} pages";
            return false;
        }

        pages = (int)count;
        return true;
    }

    /// <summary>
    /// Creates <paramref name="imagePath"/> and its key file and formats a PDDB of <paramref name="pages"/> pages with
    /// fresh device secrets, whose User0 key comes from <paramref name="pin"/>. Without <paramref name="force"/> an
    /// existing image or key file is left alone. The files are flushed before this returns.
    /// </summary>
    /// <param name="imagePath">The image file to create.</param>
    /// <param name="pages">Pages; see <see cref="TryParseSize"/>.</param>
    /// <param name="pin">The PIN's UTF-8 bytes (1 to 72); not kept.</param>
    /// <param name="fast">Skip the noise fill of the data pages.</param>
    /// <param name="force">Delete an existing image and key file first.</param>
    /// <param name="options">The KDF cost (default 7) and other tunables.</param>
    /// <returns><see cref="PddbImageStatus.Ok"/>, or why nothing was created.</returns>
    /// <exception cref="IOException">The operating system failed to create or write a file.</exception>
    public static PddbImageStatus Format(string imagePath, int pages, ReadOnlySpan<byte> pin, bool fast, bool force, PddbOptions? options = null)
    {
        options ??= new PddbOptions();
        if (pin.Length is 0 or > PddbNames.MaxPasswordBytes)
        {
            return PddbImageStatus.InvalidPin;
        }

        string keyFile = KeyFilePathOf(imagePath);
        if (!force)
        {
            if (File.Exists(imagePath))
            {
                return PddbImageStatus.ImageExists;
            }

            if (File.Exists(keyFile))
            {
                return PddbImageStatus.KeyFileExists;
            }
        }
        else
        {
            File.Delete(imagePath);
            File.Delete(keyFile);
        }

        using PddbRandom random = SystemEntropySource.CreatePddbRandom();
        using DeviceSecrets secrets = DeviceSecrets.Generate(random);
        using FileFlash flash = FileFlash.Create(imagePath, pages);
        WriteKeyFile(keyFile, secrets);
        byte[] user0 = new byte[32];
        try
        {
            RootKeys.DeriveUser0(pin, secrets, user0, options.KdfCost);
            PddbEngine.Format(flash, random, user0, secrets.DeviceDna, options, fast);
        }
        finally
        {
            user0.AsSpan().Clear();
        }

        flash.Flush();
        return PddbImageStatus.Ok;
    }

    /// <summary>
    /// Opens an existing image file (exclusively) without mounting it. <see cref="PddbImageStatus.ImageMissing"/> when
    /// there is no such file; <see cref="PddbImageStatus.NoPddb"/> when its length is not a whole number of pages.
    /// </summary>
    /// <param name="imagePath">The image file.</param>
    /// <param name="image">The open image on success (the caller disposes it).</param>
    /// <param name="options">Tunables for the mount (KDF cost 7 by default).</param>
    /// <returns>Whether the file opened.</returns>
    /// <exception cref="IOException">The operating system could not open the file (permissions, locked by another process).</exception>
    public static PddbImageStatus Open(string imagePath, out PddbImage? image, PddbOptions? options = null)
    {
        image = null;
        if (!File.Exists(imagePath))
        {
            return PddbImageStatus.ImageMissing;
        }

        FileFlash flash;
        try
        {
            flash = FileFlash.Open(imagePath);
        }
        catch (InvalidDataException)
        {
            return PddbImageStatus.NoPddb;
        }

        image = new PddbImage(imagePath, flash, options ?? new PddbOptions());
        return PddbImageStatus.Ok;
    }

    /// <summary>
    /// Whether the image looks like a PDDB (its static crypto data page is present), which needs neither the key file
    /// nor the PIN. Callers ask this before prompting for a PIN, so that "no PDDB" is never mistaken for "wrong PIN".
    /// </summary>
    public bool HasPddb()
    {
        ThrowIfDisposed();
        int count = _flash.SectorCount;
        if (count < PddbGeometry.MinimumPages || count % 16 != 0 || count > MaxPages)
        {
            return false;
        }

        return PddbEngine.Probe(_flash) == StaticCryptoDataState.Present;
    }

    /// <summary>Whether the device-secrets file exists.</summary>
    public bool HasKeyFile() => File.Exists(KeyFilePath);

    /// <summary>
    /// Mounts the PDDB with <paramref name="pin"/> and the key file's secrets. Checks in this order: a PDDB is there
    /// (<see cref="PddbImageStatus.NoPddb"/>), the key file is there and well-formed, the PIN is 1 to 72 bytes, the PIN
    /// unwraps the system keys (<see cref="PddbImageStatus.WrongPin"/>, nothing written), the system basis loads
    /// (<see cref="PddbImageStatus.Corrupt"/>). On success <see cref="Engine"/> is set.
    /// </summary>
    /// <param name="pin">The PIN's UTF-8 bytes; not kept.</param>
    /// <returns>Whether the PDDB mounted.</returns>
    /// <exception cref="InvalidOperationException">Already mounted.</exception>
    /// <exception cref="IOException">The key file could not be read.</exception>
    public PddbImageStatus Mount(ReadOnlySpan<byte> pin)
    {
        ThrowIfDisposed();
        if (Engine is not null)
        {
            throw new InvalidOperationException("the image is already mounted");
        }

        if (!HasPddb())
        {
            return PddbImageStatus.NoPddb;
        }

        PddbImageStatus keyStatus = ReadKeyFile(KeyFilePath, out DeviceSecrets? secrets);
        if (keyStatus != PddbImageStatus.Ok)
        {
            return keyStatus;
        }

        using (secrets)
        {
            if (pin.Length is 0 or > PddbNames.MaxPasswordBytes)
            {
                return PddbImageStatus.InvalidPin;
            }

            byte[] user0 = new byte[32];
            try
            {
                RootKeys.DeriveUser0(pin, secrets!, user0, _options.KdfCost);
                PddbStatus status = PddbEngine.Mount(_flash, _random, user0, secrets!.DeviceDna, _options, out PddbEngine? engine);
                Engine = engine;
                return status switch
                {
                    PddbStatus.Ok => PddbImageStatus.Ok,
                    PddbStatus.WrongPin => PddbImageStatus.WrongPin,
                    PddbStatus.NoPddb => PddbImageStatus.NoPddb,
                    PddbStatus.Corrupt => PddbImageStatus.Corrupt,
                    _ => throw new InvalidOperationException("PddbEngine.Mount returned " + status.ToString()),
                };
            }
            finally
            {
                user0.AsSpan().Clear();
            }
        }
    }

    /// <summary>Writes every open basis's pending changes and flushes the file to disk.</summary>
    /// <returns>The engine's answer (the first failure).</returns>
    /// <exception cref="InvalidOperationException">Not mounted.</exception>
    public PddbStatus Sync()
    {
        ThrowIfDisposed();
        PddbEngine engine = Engine ?? throw new InvalidOperationException("the image is not mounted");
        PddbStatus status = engine.Sync();
        _flash.Flush();
        return status;
    }

    /// <summary>Disposes the engine (wiping its keys), flushes and closes the image. Unsynced changes are dropped.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Engine?.Dispose();
        Engine = null;
        _random.Dispose();
        _flash.Dispose();
    }

    /// <summary>Largest image <see cref="FileFlash"/> supports, rounded down to a multiple of 16 pages.</summary>
    internal const int MaxPages = 524_272;

    private static PddbImageStatus ReadKeyFile(string path, out DeviceSecrets? secrets)
    {
        secrets = null;
        if (!File.Exists(path))
        {
            return PddbImageStatus.KeyFileMissing;
        }

        byte[] bytes = new byte[DeviceSecrets.FileSize];
        try
        {
            using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length != DeviceSecrets.FileSize)
            {
                return PddbImageStatus.KeyFileInvalid;
            }

            stream.ReadExactly(bytes);
            return DeviceSecrets.TryRead(bytes, out secrets) ? PddbImageStatus.Ok : PddbImageStatus.KeyFileInvalid;
        }
        finally
        {
            bytes.AsSpan().Clear();
        }
    }

    private static void WriteKeyFile(string path, DeviceSecrets secrets)
    {
        byte[] bytes = new byte[DeviceSecrets.FileSize];
        try
        {
            secrets.Write(bytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            bytes.AsSpan().Clear();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
