using Xous.Pddb;
using Xous.Pddb.Host;
using Xous.Vault.Host.Serve;

namespace Xous.Vault.Host.Storage;

/// <summary>
/// Vault's storage in a state directory: the PDDB image <c>STATE/vault.pddb</c> and its device-secrets file
/// <c>STATE/vault.pddb.keys</c> (<see cref="PddbImage"/>), formatted with <see cref="ImagePages"/> pages on first
/// start and mounted with the PDDB PIN afterwards; <see cref="Store"/> is the <see cref="PddbVaultStore"/> over it.
/// </summary>
public sealed class VaultStorage : IDisposable
{
    /// <summary>The image's file name in the state directory.</summary>
    public const string ImageFileName = "vault.pddb";

    /// <summary>Pages of a new image: 1024 × 4 KiB = 4 MiB, the hosted PDDB size (room for thousands of credentials).</summary>
    public const int ImagePages = 1024;

    private readonly PddbImage _image;

    private VaultStorage(PddbImage image, bool formatted)
    {
        _image = image;
        Formatted = formatted;
        Store = new PddbVaultStore(image);
    }

    /// <summary>The image file.</summary>
    public string ImagePath => _image.ImagePath;

    /// <summary>Whether this start created the image.</summary>
    public bool Formatted { get; }

    /// <summary>The store the authenticator uses.</summary>
    public PddbVaultStore Store { get; }

    /// <summary>
    /// Opens (formatting on first start) and mounts the image in <paramref name="stateDirectory"/>, which is created
    /// when missing (mode 0700 on Unix).
    /// </summary>
    /// <param name="stateDirectory">The state directory.</param>
    /// <param name="pin">The PDDB PIN's UTF-8 bytes (1 to 72); not kept.</param>
    /// <param name="options">PDDB tunables (tests lower the KDF cost); null for the device's.</param>
    /// <returns>The mounted storage.</returns>
    /// <exception cref="VaultStartupException">The image or key file cannot be used, or the PIN is wrong.</exception>
    public static VaultStorage Open(string stateDirectory, ReadOnlySpan<byte> pin, PddbOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stateDirectory);
        CreatePrivateDirectory(stateDirectory);
        string imagePath = Path.Combine(stateDirectory, ImageFileName);
        string keyPath = PddbImage.KeyFilePathOf(imagePath);
        bool formatted = false;
        try
        {
            if (!File.Exists(imagePath))
            {
                if (File.Exists(keyPath))
                {
                    throw new VaultStartupException(VaultExitCodes.Storage,
                        "the key file " + keyPath + " exists but its image " + imagePath + " does not; restore the image or remove both to start afresh");
                }

                PddbImageStatus formatStatus = PddbImage.Format(imagePath, ImagePages, pin, fast: false, force: false, options);
                if (formatStatus != PddbImageStatus.Ok)
                {
                    throw new VaultStartupException(formatStatus == PddbImageStatus.InvalidPin ? VaultExitCodes.Pin : VaultExitCodes.Storage,
                        "cannot create " + imagePath + ": " + Explain(formatStatus));
                }

                formatted = true;
            }

            PddbImageStatus status = PddbImage.Open(imagePath, out PddbImage? image, options);
            if (status != PddbImageStatus.Ok)
            {
                throw new VaultStartupException(VaultExitCodes.Storage, "cannot open " + imagePath + ": " + Explain(status));
            }

            status = image!.Mount(pin);
            if (status != PddbImageStatus.Ok)
            {
                image.Dispose();
                int code = status is PddbImageStatus.WrongPin or PddbImageStatus.InvalidPin ? VaultExitCodes.Pin : VaultExitCodes.Storage;
                throw new VaultStartupException(code, "cannot mount " + imagePath + ": " + Explain(status));
            }

            return new VaultStorage(image, formatted);
        }
        catch (IOException e)
        {
            throw new VaultStartupException(VaultExitCodes.Storage, "cannot use " + imagePath + ": " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new VaultStartupException(VaultExitCodes.Storage, "cannot use " + imagePath + ": " + e.Message);
        }
    }

    /// <summary>Writes everything committed or not (a final sync at shutdown) and flushes the file.</summary>
    /// <returns>The engine's answer.</returns>
    public PddbStatus Sync() => _image.Sync();

    /// <summary>Closes the image (the engine's keys are wiped). Changes since the last sync are dropped.</summary>
    public void Dispose() => _image.Dispose();

    /// <summary>Creates <paramref name="path"/> (and parents) when missing; mode 0700 on Unix for the new folder.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string Explain(PddbImageStatus status) => status switch
    {
        PddbImageStatus.WrongPin => "wrong PDDB PIN (nothing was changed)",
        PddbImageStatus.InvalidPin => "the PDDB PIN must be 1 to 72 bytes",
        PddbImageStatus.NoPddb => "the file holds no PDDB (not a Vault image, or damaged)",
        PddbImageStatus.KeyFileMissing => "its device-secrets file (.keys) is missing: without it no PIN can open the image",
        PddbImageStatus.KeyFileInvalid => "its device-secrets file (.keys) is damaged",
        PddbImageStatus.Corrupt => "the PDDB is damaged (the system basis does not load)",
        _ => status.ToString(),
    };
}
