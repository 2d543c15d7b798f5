namespace Xous.IlCompiler.Tests;

/// <summary>Builds emitted C with the cross gcc and runs the image in QEMU virt (Toolchain's flags and command line).</summary>
internal static class Rv32
{
    /// <summary>Why the toolchain cannot be used, or null when gcc and QEMU are both on PATH.</summary>
    public static string? Missing
    {
        get
        {
            var missing = new[] { Toolchain.Gcc, Toolchain.Qemu }.Where(p => !ProcessRunner.IsOnPath(p)).ToArray();
            return missing.Length == 0
                ? null
                : $"{string.Join(" and ", missing)} not on PATH: install gcc-riscv64-unknown-elf, binutils-riscv64-unknown-elf and qemu-system-misc (Debian 12)";
        }
    }

    /// <summary>True when the tests must fail rather than skip without the toolchain (CI=true).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails with a clear message when the toolchain is missing.</summary>
    public static void RequireToolchain()
    {
        if (Missing is string why)
        {
            Assert.Fail("The RV32 toolchain is required: " + why);
        }
    }

    /// <summary>Compiles <paramref name="cFile"/> to an object file with the required flags (-Wall -Werror).</summary>
    public static void CompileOnly(string cFile)
    {
        (int exitCode, string output, string error) = ProcessRunner.Run(
            Toolchain.Gcc,
            [.. Toolchain.CFlags, "-I", Path.Combine(BuildInfo.NativeRuntime, "include"), "-c", "-o", Path.ChangeExtension(cFile, ".o"), cFile],
            TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"gcc rejected {cFile}:\n{output}{error}");
    }

    private static readonly Lazy<string[]> s_runtimeObjects = new(CompileRuntime, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Compiles and links <paramref name="cFile"/> with runtime/native (board qemu-virt) into an ELF image, as runtime/native/build.sh does.</summary>
    public static string Link(string cFile)
    {
        string elf = Path.ChangeExtension(cFile, ".elf");
        string runtime = BuildInfo.NativeRuntime;
        string board = Path.Combine(runtime, "board", "qemu-virt");
        (int exitCode, string output, string error) = ProcessRunner.Run(
            Toolchain.Gcc,
            [
                .. Toolchain.CFlags, "-I", Path.Combine(runtime, "include"), "-T", Path.Combine(board, "link.ld"),
                "-Wl,--no-warn-rwx-segments", "-o", elf, .. s_runtimeObjects.Value, cFile, "-lgcc",
            ],
            TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"gcc could not build {cFile}:\n{output}{error}");
        return elf;
    }

    /// <summary>The runtime's sources (board qemu-virt), compiled once per test run: every program links the same objects.</summary>
    private static string[] CompileRuntime()
    {
        string runtime = BuildInfo.NativeRuntime;
        string board = Path.Combine(runtime, "board", "qemu-virt");
        IEnumerable<string> sources = new[] { Path.Combine(board, "start.S"), Path.Combine(board, "board.c") }
            .Concat(Directory.GetFiles(Path.Combine(runtime, "rt"), "*.c").Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(runtime, "gc")).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".S", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        string directory = BuildInfo.Scratch("runtime-objects");
        var objects = new List<string>();
        foreach (string source in sources)
        {
            string obj = Path.Combine(directory, Path.GetFileName(source) + ".o");
            (int exitCode, string output, string error) = ProcessRunner.Run(
                Toolchain.Gcc, [.. Toolchain.CFlags, "-I", Path.Combine(runtime, "include"), "-c", "-o", obj, source], TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"gcc could not compile {source}:\n{output}{error}");
            objects.Add(obj);
        }

        return [.. objects];
    }

    /// <summary>Runs the image in QEMU and returns its exit status (from the test finisher) and UART output.</summary>
    public static (int ExitCode, string Console) Run(string elf)
    {
        (int exitCode, string output, string error) = ProcessRunner.Run(
            Toolchain.Qemu, [.. Toolchain.QemuArguments, "-kernel", elf], TimeSpan.FromSeconds(120));
        if (error.Length > 0 && exitCode != 0 && output.Length == 0)
        {
            Assert.Fail($"QEMU failed on {elf} (exit {exitCode}):\n{error}");
        }

        return (exitCode, output);
    }
}
