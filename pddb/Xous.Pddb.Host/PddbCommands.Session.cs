using System.Security.Cryptography;
using System.Text;
using Xous.Hal;
using Xous.Pddb.Format;

namespace Xous.Pddb.Host;

/// <summary>Mounting, credentials and the messages of failures.</summary>
public sealed partial class PddbCommands
{
    /// <summary>
    /// Opens and mounts the image (and unlocks <see cref="PddbCommandOptions.Basis"/> when <paramref name="unlockBasis"/>),
    /// runs <paramref name="body"/>, and closes everything. Failures before the body print one message and return its
    /// exit code. The order of the checks keeps "no PDDB" apart from "wrong PIN" (reference §8 row 9): the image is
    /// probed before the PIN is even asked for.
    /// </summary>
    private int WithMount(PddbCommandOptions options, bool unlockBasis, Func<PddbImage, string?, int> body)
    {
        return Guard(options.Image, () =>
        {
            string image = options.Image;
            PddbImageStatus status = PddbImage.Open(image, out PddbImage? opened, new PddbOptions { KdfCost = KdfCost });
            if (status != PddbImageStatus.Ok)
            {
                return ReportImage(status, image);
            }

            using PddbImage pddb = opened!;
            if (!pddb.HasPddb())
            {
                return ReportImage(PddbImageStatus.NoPddb, image);
            }

            if (!pddb.HasKeyFile())
            {
                return ReportImage(PddbImageStatus.KeyFileMissing, image);
            }

            byte[]? pin = ReadSecret(options.Pin, PddbCommandOptions.PinVariable, $"PIN for {image}: ", confirm: false);
            if (pin is null)
            {
                return Fail(PddbExitCode.Usage, $"no PIN: pass --pin, set {PddbCommandOptions.PinVariable}, or run on a terminal to be asked");
            }

            try
            {
                status = pddb.Mount(pin);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pin);
            }

            if (status != PddbImageStatus.Ok)
            {
                return ReportImage(status, image);
            }

            string? basis = null;
            if (unlockBasis && options.Basis is not null)
            {
                int unlocked = UnlockBasis(pddb.Engine!, options);
                if (unlocked != PddbExitCode.Ok)
                {
                    return unlocked;
                }

                basis = options.Basis;
            }

            return body(pddb, basis);
        });
    }

    private int UnlockBasis(PddbEngine engine, PddbCommandOptions options)
    {
        string name = options.Basis!;
        int invalid = CheckBasisName(name);
        if (invalid != PddbExitCode.Ok)
        {
            return invalid;
        }

        byte[]? password = ReadSecret(options.BasisPassword, PddbCommandOptions.BasisPasswordVariable, $"password of basis {name}: ", confirm: false);
        if (password is null)
        {
            return Fail(PddbExitCode.Usage, $"no password for basis {name}: pass --basis-password, set {PddbCommandOptions.BasisPasswordVariable}, or run on a terminal to be asked");
        }

        PddbStatus status;
        try
        {
            status = password.Length is 0 or > PddbNames.MaxPasswordBytes ? PddbStatus.InvalidPassword : engine.UnlockBasis(name, password);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }

        return status switch
        {
            PddbStatus.Ok => PddbExitCode.Ok,
            PddbStatus.NotFound => Fail(PddbExitCode.NotFound, BasisNotFoundMessage(name)),
            _ => ReportStatus(status, "unlock basis " + name),
        };
    }

    /// <summary>The one message for an unknown basis and a wrong password (deniability: they must look the same).</summary>
    internal static string BasisNotFoundMessage(string name) => $"no basis {name} opens with that password";

    private int CheckBasisName(string name)
    {
        if (name.Length == 0 || name[0] == '.' || !PddbNames.TryEncode(name, PddbNames.MaxBasisNameBytes, out _))
        {
            return Fail(
                PddbExitCode.InvalidName,
                $"basis name '{name}' is not valid: 1 to {PddbNames.MaxBasisNameBytes} bytes of UTF-8, no U+0000, not starting with '.'");
        }

        return PddbExitCode.Ok;
    }

    /// <summary>
    /// The secret from the option, else the environment variable, else the prompt (twice when
    /// <paramref name="confirm"/>). Null when none gave one. The caller wipes the bytes.
    /// </summary>
    private byte[]? ReadSecret(string? fromOption, string variable, string prompt, bool confirm)
    {
        string? text = fromOption ?? _environment(variable);
        if (text is not null)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        if (_prompt is null)
        {
            return null;
        }

        byte[]? first = _prompt.Read(prompt, PddbNames.MaxPasswordBytes);
        if (first is null || !confirm)
        {
            return first;
        }

        byte[]? second = _prompt.Read("again: ", PddbNames.MaxPasswordBytes);
        try
        {
            if (second is null || !CryptographicOperations.FixedTimeEquals(first, second))
            {
                CryptographicOperations.ZeroMemory(first);
                _error.WriteLine("xous pddb: the two entries differ");
                return null;
            }

            return first;
        }
        finally
        {
            if (second is not null)
            {
                CryptographicOperations.ZeroMemory(second);
            }
        }
    }

    private int ReportImage(PddbImageStatus status, string image) => status switch
    {
        PddbImageStatus.ImageMissing => Fail(PddbExitCode.ImageFile, $"no image file {image} (create one with `./xous pddb --image {image} format`)"),
        PddbImageStatus.ImageExists => Fail(PddbExitCode.ImageFile, $"{image} exists; format would destroy it (pass --force to overwrite it)"),
        PddbImageStatus.KeyFileExists => Fail(
            PddbExitCode.KeyFile, $"the device-secrets file {PddbImage.KeyFilePathOf(image)} exists; format would replace it (pass --force to overwrite it)"),
        PddbImageStatus.KeyFileMissing => Fail(
            PddbExitCode.KeyFile, $"the device-secrets file {PddbImage.KeyFilePathOf(image)} is missing: without it no PIN can open this image"),
        PddbImageStatus.KeyFileInvalid => Fail(
            PddbExitCode.KeyFile, $"the device-secrets file {PddbImage.KeyFilePathOf(image)} is damaged ({DeviceSecrets.FileSize} bytes starting with XPDS expected): no PIN can open this image without it"),
        PddbImageStatus.NoPddb => Fail(
            PddbExitCode.NoPddb, $"no PDDB on {image}: it is blank or not a PDDB (use `./xous pddb --image {image} format` to create one)"),
        PddbImageStatus.WrongPin => Fail(PddbExitCode.WrongPin, $"wrong PIN for {image} (the PDDB is there; nothing was changed)"),
        PddbImageStatus.Corrupt => Fail(PddbExitCode.Corrupt, $"the PDDB on {image} is damaged: the PIN is right but the system basis is missing or unreadable"),
        PddbImageStatus.InvalidPin => Fail(PddbExitCode.InvalidName, $"a PIN is 1 to {PddbNames.MaxPasswordBytes} bytes of UTF-8"),
        _ => throw new InvalidOperationException("unexpected image status " + status.ToString()),
    };

    /// <summary>Reports an engine status that is not <see cref="PddbStatus.Ok"/>; <paramref name="what"/> names the operation.</summary>
    private int ReportStatus(PddbStatus status, string what) => status switch
    {
        PddbStatus.Ok => PddbExitCode.Ok,
        PddbStatus.NotFound => Fail(PddbExitCode.NotFound, $"{what}: not found"),
        PddbStatus.AlreadyExists => Fail(PddbExitCode.AlreadyExists, $"{what}: it exists already"),
        PddbStatus.InvalidName => Fail(PddbExitCode.InvalidName, $"{what}: a name is not valid ({NameLimits})"),
        PddbStatus.InvalidPassword => Fail(PddbExitCode.InvalidName, $"{what}: a password is 1 to {PddbNames.MaxPasswordBytes} bytes of UTF-8"),
        PddbStatus.LimitReached => Fail(PddbExitCode.Problems, $"{what}: a limit is reached (dictionaries per basis, keys per dictionary, open bases or the size of a value)"),
        PddbStatus.NoSpace => Fail(PddbExitCode.NoSpace, $"{what}: the PDDB is full; nothing was written"),
        PddbStatus.Corrupt => Fail(PddbExitCode.Corrupt, $"{what}: the PDDB is damaged"),
        PddbStatus.RefillNotApproved => Fail(PddbExitCode.NoSpace, $"{what}: the free-space cache is empty and refilling it was not approved"),
        _ => Fail(PddbExitCode.Problems, $"{what}: {status}"),
    };

    private static string NameLimits =>
        $"names are UTF-8 without U+0000: a basis 1 to {PddbNames.MaxBasisNameBytes} bytes, a dictionary 1 to {PddbNames.MaxDictionaryNameBytes} bytes, a key 1 to {PddbNames.MaxKeyNameBytes} bytes";

    private int Fail(int exitCode, string message)
    {
        _error.WriteLine("xous pddb: " + message);
        return exitCode;
    }

    /// <summary>Runs <paramref name="action"/>, turning the operating system's file errors into one message and an exit code.</summary>
    private int Guard(string image, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FlashDeviceException)
        {
            return Fail(PddbExitCode.IoError, $"file error with {image}: {e.Message}");
        }
    }
}
