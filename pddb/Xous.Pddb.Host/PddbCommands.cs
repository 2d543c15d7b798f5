using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Xous.Pddb.Format;

namespace Xous.Pddb.Host;

/// <summary>
/// The verbs of <c>./xous pddb</c> on an image file, each returning an exit code (<see cref="PddbExitCode"/>) and
/// writing to the given writers, so that tests call them without a process. Every verb but <c>format</c> mounts
/// with the PIN first; writes are synced and flushed before the verb returns. The PIN and passwords are wiped after
/// use and never appear in any output.
/// </summary>
public sealed partial class PddbCommands
{
    private const int ReadChunk = 64 * 1024;

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly Stream _binaryOutput;
    private readonly ISecretPrompt? _prompt;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the verbs.</summary>
    /// <param name="output">Standard output (text).</param>
    /// <param name="error">Standard error: every failure's message.</param>
    /// <param name="binaryOutput">Where <c>get</c> writes raw bytes (standard output's stream); <paramref name="output"/> is flushed first.</param>
    /// <param name="prompt">Asks for the PIN and passwords when neither option nor environment gives them; null: never ask.</param>
    /// <param name="environment">Reads an environment variable (default: the process's).</param>
    public PddbCommands(TextWriter output, TextWriter error, Stream binaryOutput, ISecretPrompt? prompt, Func<string, string?>? environment = null)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _error = error ?? throw new ArgumentNullException(nameof(error));
        _binaryOutput = binaryOutput ?? throw new ArgumentNullException(nameof(binaryOutput));
        _prompt = prompt;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>bcrypt cost of the PIN and basis-password derivations: 7 as on the device. Tests lower it for speed.</summary>
    internal int KdfCost { get; set; } = 7;

    /// <summary>
    /// <c>format [--size 4MiB|98MiB|N] [--fast] [--force]</c>: creates the image and its device-secrets file and
    /// formats a PDDB whose PIN is the one given (prompted twice when it comes from the terminal).
    /// </summary>
    /// <param name="options">The image and PIN.</param>
    /// <param name="size">4MiB (default), 98MiB, NMiB, or a page count.</param>
    /// <param name="fast">Skip the noise fill (quicker; free space is then distinguishable from data).</param>
    /// <param name="force">Overwrite an existing image and key file.</param>
    /// <returns>The exit code.</returns>
    public int Format(PddbCommandOptions options, string? size, bool fast, bool force)
    {
        if (!PddbImage.TryParseSize(size ?? "4MiB", out int pages, out string? sizeError))
        {
            return Fail(PddbExitCode.Usage, sizeError!);
        }

        string image = options.Image;
        if (!force && File.Exists(image))
        {
            return ReportImage(PddbImageStatus.ImageExists, image);
        }

        if (!force && File.Exists(PddbImage.KeyFilePathOf(image)))
        {
            return ReportImage(PddbImageStatus.KeyFileExists, image);
        }

        return Guard(image, () =>
        {
            byte[]? pin = ReadSecret(options.Pin, PddbCommandOptions.PinVariable, $"new PIN for {image}: ", confirm: true);
            if (pin is null)
            {
                return Fail(PddbExitCode.Usage, $"no PIN: pass --pin, set {PddbCommandOptions.PinVariable}, or run on a terminal to be asked");
            }

            PddbImageStatus status;
            try
            {
                status = PddbImage.Format(image, pages, pin, fast, force, new PddbOptions { KdfCost = KdfCost });
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pin);
            }

            if (status != PddbImageStatus.Ok)
            {
                return ReportImage(status, image);
            }

            long bytes = (long)pages * PddbLayout.PageSize;
            _output.WriteLine($"formatted {image}: {pages} pages ({Bytes(bytes)}){(fast ? ", fast (no noise fill)" : string.Empty)}");
            _output.WriteLine($"device secrets in {PddbImage.KeyFilePathOf(image)}: keep it with the image; without it no PIN opens the image");
            return PddbExitCode.Ok;
        });
    }

    /// <summary><c>unlock --basis NAME</c>: checks that the basis opens with its password and lists its dictionaries.</summary>
    /// <param name="options">The image, PIN, basis and password.</param>
    /// <returns>The exit code.</returns>
    public int Unlock(PddbCommandOptions options)
    {
        if (options.Basis is null)
        {
            return Fail(PddbExitCode.Usage, "unlock needs --basis NAME");
        }

        return WithMount(options, unlockBasis: true, (image, basis) =>
        {
            var names = new List<string>();
            _ = Engine(image).ListDictionaries(names, basis);
            names.Sort(StringComparer.Ordinal);
            _output.WriteLine($"basis {basis} opens: {names.Count} dictionaries");
            foreach (string name in names)
            {
                _output.WriteLine("  " + name);
            }

            return PddbExitCode.Ok;
        });
    }

    /// <summary><c>create-basis --basis NAME</c>: creates a secret basis with the password given (prompted twice).</summary>
    /// <param name="options">The image, PIN, basis and password.</param>
    /// <returns>The exit code.</returns>
    public int CreateBasis(PddbCommandOptions options)
    {
        if (options.Basis is null)
        {
            return Fail(PddbExitCode.Usage, "create-basis needs --basis NAME");
        }

        string name = options.Basis;
        int invalid = CheckBasisName(name);
        if (invalid != PddbExitCode.Ok)
        {
            return invalid;
        }

        return WithMount(options, unlockBasis: false, (image, _) =>
        {
            byte[]? password = ReadSecret(options.BasisPassword, PddbCommandOptions.BasisPasswordVariable, $"password for the new basis {name}: ", confirm: true);
            if (password is null)
            {
                return Fail(PddbExitCode.Usage, $"no password for basis {name}: pass --basis-password, set {PddbCommandOptions.BasisPasswordVariable}, or run on a terminal to be asked");
            }

            PddbStatus status;
            try
            {
                status = password.Length is 0 or > PddbNames.MaxPasswordBytes ? PddbStatus.InvalidPassword : Engine(image).CreateBasis(name, password);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(password);
            }

            if (status == PddbStatus.AlreadyExists)
            {
                return Fail(PddbExitCode.AlreadyExists, $"a basis {name} with that password exists already");
            }

            if (status != PddbStatus.Ok)
            {
                return ReportStatus(status, "create basis " + name);
            }

            status = image.Sync();
            if (status != PddbStatus.Ok)
            {
                return ReportStatus(status, "sync");
            }

            _output.WriteLine($"created basis {name} (locked; pass --basis {name} to use it)");
            return PddbExitCode.Ok;
        });
    }

    /// <summary><c>ls [DICT]</c>: the dictionaries with their key counts, or the keys of DICT with their lengths.</summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <param name="dictionary">A dictionary, or null for the list of dictionaries.</param>
    /// <returns>The exit code.</returns>
    public int List(PddbCommandOptions options, string? dictionary)
    {
        return WithMount(options, unlockBasis: true, (image, basis) =>
        {
            PddbEngine engine = Engine(image);
            var names = new List<string>();
            if (dictionary is null)
            {
                _ = engine.ListDictionaries(names, basis);
                names.Sort(StringComparer.Ordinal);
                if (names.Count == 0)
                {
                    _output.WriteLine("(no dictionaries)");
                }

                foreach (string name in names)
                {
                    var keys = new List<string>();
                    _ = engine.ListKeys(name, keys, basis);
                    _output.WriteLine($"{name}  ({keys.Count} {(keys.Count == 1 ? "key" : "keys")})");
                }

                return PddbExitCode.Ok;
            }

            int missing = RequireDictionary(engine, dictionary, basis);
            if (missing != PddbExitCode.Ok)
            {
                return missing;
            }

            _ = engine.ListKeys(dictionary, names, basis);
            names.Sort(StringComparer.Ordinal);
            if (names.Count == 0)
            {
                _output.WriteLine($"(no keys in {dictionary})");
            }

            foreach (string key in names)
            {
                _ = engine.GetKeyLength(dictionary, key, out long length, basis);
                _output.WriteLine($"{length.ToString(CultureInfo.InvariantCulture),12}  {key}");
            }

            return PddbExitCode.Ok;
        });
    }

    /// <summary>
    /// <c>get DICT KEY [--out FILE] [--text]</c>: the value's raw bytes to standard output or to FILE; with
    /// <paramref name="text"/>, as text when it is printable UTF-8 (otherwise as hex, with a note on standard error).
    /// </summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="outFile">A file to write the value to (created with mode 0600 on Unix), or null.</param>
    /// <param name="text">Print as text.</param>
    /// <returns>The exit code.</returns>
    public int Get(PddbCommandOptions options, string dictionary, string key, string? outFile, bool text)
    {
        return WithMount(options, unlockBasis: true, (image, basis) =>
        {
            PddbEngine engine = Engine(image);
            int missing = RequireKey(engine, dictionary, key, basis, out long length);
            if (missing != PddbExitCode.Ok)
            {
                return missing;
            }

            if (text && outFile is null)
            {
                byte[] value = ReadAll(engine, dictionary, key, basis, length);
                if (IsPrintable(value))
                {
                    string decoded = Encoding.UTF8.GetString(value);
                    _output.Write(decoded);
                    if (!decoded.EndsWith('\n'))
                    {
                        _output.WriteLine();
                    }
                }
                else
                {
                    _error.WriteLine($"xous pddb: {dictionary}/{key} is {length} bytes and not printable UTF-8 text; printing hex");
                    _output.WriteLine(Convert.ToHexStringLower(value));
                }

                return PddbExitCode.Ok;
            }

            if (outFile is not null)
            {
                using FileStream file = CreatePrivateFile(outFile);
                CopyValue(engine, dictionary, key, basis, file);
                _output.WriteLine($"wrote {length} bytes of {dictionary}/{key} to {outFile}");
                return PddbExitCode.Ok;
            }

            _output.Flush();
            CopyValue(engine, dictionary, key, basis, _binaryOutput);
            _binaryOutput.Flush();
            return PddbExitCode.Ok;
        });
    }

    /// <summary>
    /// <c>put DICT KEY (--value TEXT | --file FILE) [--create-dict]</c>: stores the value (replacing an older one) and
    /// syncs. The dictionary must exist unless <paramref name="createDictionary"/>.
    /// </summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value as text (stored as UTF-8), or null.</param>
    /// <param name="file">A file whose bytes are the value, or null.</param>
    /// <param name="createDictionary">Create the dictionary when it is missing.</param>
    /// <returns>The exit code.</returns>
    public int Put(PddbCommandOptions options, string dictionary, string key, string? value, string? file, bool createDictionary)
    {
        if ((value is null) == (file is null))
        {
            return Fail(PddbExitCode.Usage, "put needs exactly one of --value TEXT and --file FILE");
        }

        if (file is not null && !File.Exists(file))
        {
            return Fail(PddbExitCode.IoError, $"no file {file} to read the value from");
        }

        int invalid = CheckName(dictionary, "dictionary", PddbNames.MaxDictionaryNameBytes) + CheckName(key, "key", PddbNames.MaxKeyNameBytes);
        if (invalid != PddbExitCode.Ok)
        {
            return PddbExitCode.InvalidName;
        }

        return WithMount(options, unlockBasis: true, (image, basis) =>
        {
            PddbEngine engine = Engine(image);
            byte[] bytes;
            if (file is not null)
            {
                long capacity = (long)engine.Geometry.DataPageCount * PddbLayout.VirtualPageSize;
                long fileLength = new FileInfo(file).Length;
                if (fileLength > capacity)
                {
                    return Fail(PddbExitCode.NoSpace, $"{file} is {fileLength} bytes; the PDDB on {options.Image} holds at most {capacity}; nothing was written");
                }

                bytes = File.ReadAllBytes(file);
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(value!);
            }

            if (!DictionaryExists(engine, dictionary, basis))
            {
                if (!createDictionary)
                {
                    return Fail(PddbExitCode.NotFound, $"no dictionary {dictionary}{InBasis(basis)} (pass --create-dict to create it)");
                }

                PddbStatus created = engine.CreateDictionary(dictionary, basis);
                if (created != PddbStatus.Ok)
                {
                    return ReportStatus(created, "create dictionary " + dictionary);
                }
            }

            PddbStatus status = engine.WriteKey(dictionary, key, bytes, basis);
            if (status == PddbStatus.Ok)
            {
                status = image.Sync();
            }

            if (status != PddbStatus.Ok)
            {
                return ReportStatus(status, $"put {dictionary}/{key}");
            }

            _output.WriteLine($"stored {bytes.Length} bytes in {dictionary}/{key}{InBasis(basis)}");
            return PddbExitCode.Ok;
        });
    }

    /// <summary><c>rm DICT [KEY]</c>: deletes a key, or a dictionary with all its keys, and syncs.</summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key, or null to delete the dictionary.</param>
    /// <returns>The exit code.</returns>
    public int Remove(PddbCommandOptions options, string dictionary, string? key)
    {
        return WithMount(options, unlockBasis: true, (image, basis) =>
        {
            PddbEngine engine = Engine(image);
            int missing = key is null ? RequireDictionary(engine, dictionary, basis) : RequireKey(engine, dictionary, key, basis, out _);
            if (missing != PddbExitCode.Ok)
            {
                return missing;
            }

            PddbStatus status = key is null ? engine.DeleteDictionary(dictionary, basis) : engine.DeleteKey(dictionary, key, basis);
            if (status == PddbStatus.Ok)
            {
                status = image.Sync();
            }

            if (status != PddbStatus.Ok)
            {
                return ReportStatus(status, key is null ? "rm " + dictionary : $"rm {dictionary}/{key}");
            }

            _output.WriteLine(key is null ? $"deleted dictionary {dictionary}{InBasis(basis)}" : $"deleted {dictionary}/{key}{InBasis(basis)}");
            return PddbExitCode.Ok;
        });
    }

    private static PddbEngine Engine(PddbImage image) => image.Engine ?? throw new InvalidOperationException("the image is not mounted");

    private static string InBasis(string? basis) => basis is null ? string.Empty : " in basis " + basis;

    private static bool DictionaryExists(PddbEngine engine, string dictionary, string? basis)
    {
        var names = new List<string>();
        _ = engine.ListDictionaries(names, basis);
        return names.Contains(dictionary);
    }

    private int RequireDictionary(PddbEngine engine, string dictionary, string? basis)
    {
        int invalid = CheckName(dictionary, "dictionary", PddbNames.MaxDictionaryNameBytes);
        if (invalid != PddbExitCode.Ok)
        {
            return invalid;
        }

        return DictionaryExists(engine, dictionary, basis) ? PddbExitCode.Ok : Fail(PddbExitCode.NotFound, $"no dictionary {dictionary}{InBasis(basis)}");
    }

    private int RequireKey(PddbEngine engine, string dictionary, string key, string? basis, out long length)
    {
        length = 0;
        int invalid = CheckName(key, "key", PddbNames.MaxKeyNameBytes);
        if (invalid != PddbExitCode.Ok)
        {
            return invalid;
        }

        int missing = RequireDictionary(engine, dictionary, basis);
        if (missing != PddbExitCode.Ok)
        {
            return missing;
        }

        return engine.GetKeyLength(dictionary, key, out length, basis) == PddbStatus.Ok
            ? PddbExitCode.Ok
            : Fail(PddbExitCode.NotFound, $"no key {key} in dictionary {dictionary}{InBasis(basis)}");
    }

    private int CheckName(string name, string kind, int maxBytes)
    {
        if (PddbNames.TryEncode(name, maxBytes, out _))
        {
            return PddbExitCode.Ok;
        }

        int bytes = Encoding.UTF8.GetByteCount(name ?? string.Empty);
        return Fail(PddbExitCode.InvalidName, $"{kind} name '{name}' is not valid: 1 to {maxBytes} bytes of UTF-8 without U+0000 (it is {bytes} bytes)");
    }

    private static byte[] ReadAll(PddbEngine engine, string dictionary, string key, string? basis, long length)
    {
        byte[] value = new byte[length];
        long offset = 0;
        while (offset < length)
        {
            _ = engine.ReadKey(dictionary, key, offset, value.AsSpan((int)offset), out int read, basis);
            if (read == 0)
            {
                break;
            }

            offset += read;
        }

        return value;
    }

    private static void CopyValue(PddbEngine engine, string dictionary, string key, string? basis, Stream destination)
    {
        byte[] buffer = new byte[ReadChunk];
        long offset = 0;
        while (true)
        {
            _ = engine.ReadKey(dictionary, key, offset, buffer, out int read, basis);
            if (read == 0)
            {
                break;
            }

            destination.Write(buffer, 0, read);
            offset += read;
        }

        CryptographicOperations.ZeroMemory(buffer);
    }

    private static bool IsPrintable(byte[] value)
    {
        if (!PddbNames.IsValidUtf8(value))
        {
            return false;
        }

        foreach (char c in Encoding.UTF8.GetString(value))
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private static string Bytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
}
