using System.Globalization;
using System.Text.RegularExpressions;
using Xous.IlCompiler;

namespace Xous.Bench;

/// <summary>
/// Builds the compiler suite's RV32 images with the device compiler's gcc flags (<see cref="Toolchain.CFlags"/>),
/// linked with runtime/native (board qemu-virt) as the compiler's tests link them; runs them in QEMU with an exact
/// instruction counter; and attributes code bytes to translation units.
/// </summary>
internal sealed partial class Rv32Images(string nativeRuntime, IReadOnlyList<string> includeDirectories)
{
    private static readonly TimeSpan s_gccTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_qemuTimeout = TimeSpan.FromMinutes(1);

    /// <summary>binutils' readelf of the cross toolchain.</summary>
    public static string ReadElf => Toolchain.Gcc[..^"gcc".Length] + "readelf";

    /// <summary>Why the images cannot be built or run (what is missing from PATH), or null.</summary>
    public static string? Missing
    {
        get
        {
            string[] missing = new[] { Toolchain.Gcc, ReadElf, Toolchain.Qemu }.Where(p => !ToolProcess.IsOnPath(p)).ToArray();
            return missing.Length == 0
                ? null
                : $"{string.Join(", ", missing)} not on PATH: install gcc-riscv64-unknown-elf, binutils-riscv64-unknown-elf and qemu-system-misc (Debian 12)";
        }
    }

    /// <summary>
    /// QEMU's arguments: the compiler's machine (<see cref="Toolchain.QemuArguments"/>) with <c>-icount shift=0</c>,
    /// under which instret counts every executed instruction exactly (without it QEMU reads the host's clock).
    /// </summary>
    public static IReadOnlyList<string> QemuArguments(string elf) => [.. Toolchain.QemuArguments, "-icount", "shift=0", "-kernel", elf];

    /// <summary>Compiles one C file to an object file with the compiler's flags and <paramref name="extraFlags"/>.</summary>
    public ToolResult Compile(string source, string objectFile, IEnumerable<string> extraFlags) =>
        ToolProcess.Run(
            Toolchain.Gcc,
            [.. Toolchain.CFlags, .. Includes(), .. extraFlags, "-c", "-o", objectFile, source],
            s_gccTimeout);

    /// <summary>
    /// Links object files with runtime/native into an image for QEMU virt; <paramref name="heapBytes"/> overrides the
    /// runtime's default heap (<c>XOUS_HEAP_SIZE</c>, 1 MiB) when given.
    /// </summary>
    public ToolResult Link(IEnumerable<string> objectFiles, string elf, int? heapBytes = null)
    {
        string board = Path.Combine(nativeRuntime, "board", "qemu-virt");
        IEnumerable<string> runtimeSources = new[] { Path.Combine(board, "start.S"), Path.Combine(board, "board.c") }
            .Concat(Directory.GetFiles(Path.Combine(nativeRuntime, "rt"), "*.c").Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(nativeRuntime, "gc")).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".S", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        return ToolProcess.Run(
            Toolchain.Gcc,
            [
                .. Toolchain.CFlags, "-I", Path.Combine(nativeRuntime, "include"), "-T", Path.Combine(board, "link.ld"),
                "-Wl,--no-warn-rwx-segments",
                .. (heapBytes is int heap ? ["-Wl,--defsym=XOUS_HEAP_SIZE=" + heap.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>()),
                "-o", elf, .. runtimeSources, .. objectFiles, "-lgcc",
            ],
            s_gccTimeout);
    }

    /// <summary>Runs the image (one minute unless <paramref name="timeout"/> says otherwise); the console is the output, the exit status that of the test finisher.</summary>
    public static ToolResult Run(string elf, TimeSpan? timeout = null) => ToolProcess.Run(Toolchain.Qemu, QemuArguments(elf), timeout ?? s_qemuTimeout);

    /// <summary>
    /// The code bytes of one translation unit in a linked image: the sum of the sizes of the function symbols that
    /// came from <paramref name="objectFile"/> — its local functions (those after its FILE symbol in the image's
    /// symbol table) and the global functions it defines. Sizes are taken from the image, after linker relaxation.
    /// Null when readelf fails.
    /// </summary>
    public static long? FunctionBytes(string elf, string objectFile)
    {
        IReadOnlyList<ElfSymbol>? own = ReadSymbols(objectFile);
        IReadOnlyList<ElfSymbol>? image = ReadSymbols(elf);
        string? file = own?.FirstOrDefault(s => s.Type == "FILE")?.Name;
        if (own == null || image == null || file == null)
        {
            return null;
        }

        var globals = own.Where(s => s.Type == "FUNC" && s.Binding == "GLOBAL" && s.Section != "UND").Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        long bytes = 0;
        string? currentFile = null;
        foreach (ElfSymbol symbol in image)
        {
            if (symbol.Type == "FILE")
            {
                currentFile = symbol.Name;
            }
            else if (symbol.Type == "FUNC" && (symbol.Binding == "LOCAL" ? currentFile == file : globals.Contains(symbol.Name)))
            {
                bytes += symbol.Size;
            }
        }

        return bytes;
    }

    private static IReadOnlyList<ElfSymbol>? ReadSymbols(string file)
    {
        ToolResult result = ToolProcess.Run(ReadElf, ["-sW", file], s_gccTimeout);
        if (!result.Succeeded)
        {
            return null;
        }

        var symbols = new List<ElfSymbol>();
        foreach (string line in result.Output.Split('\n'))
        {
            Match match = SymbolLine().Match(line);
            if (match.Success)
            {
                string size = match.Groups["size"].Value;
                symbols.Add(new ElfSymbol(
                    match.Groups["name"].Value.Trim(),
                    match.Groups["type"].Value,
                    match.Groups["bind"].Value,
                    match.Groups["ndx"].Value,
                    size.StartsWith("0x", StringComparison.Ordinal)
                        ? long.Parse(size.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                        : long.Parse(size, CultureInfo.InvariantCulture)));
            }
        }

        return symbols;
    }

    private IEnumerable<string> Includes() =>
        new[] { Path.Combine(nativeRuntime, "include") }.Concat(includeDirectories).SelectMany(d => new[] { "-I", d });

    // "   64: 800017a6   570 FUNC    LOCAL  DEFAULT    1 sha256_compress" (readelf -sW; large sizes in hex).
    [GeneratedRegex(@"^\s*\d+:\s+[0-9a-fA-F]+\s+(?<size>0x[0-9a-fA-F]+|\d+)\s+(?<type>\w+)\s+(?<bind>\w+)\s+\w+\s+(?<ndx>\S+)\s?(?<name>.*)$")]
    private static partial Regex SymbolLine();

    private sealed record ElfSymbol(string Name, string Type, string Binding, string Section, long Size);
}
