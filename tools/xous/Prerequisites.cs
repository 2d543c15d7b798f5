using System.Diagnostics;

namespace Xous.Tool;

/// <summary>
/// Debian packages a test suite needs (the RISC-V toolchain and QEMU for the device suites; python-fido2, libfido2 and
/// gcc for the Vault interop suites; AFL++ for the fuzz smoke run). Missing ones are installed with apt-get when
/// running as root; otherwise the suite cannot run, which is a failure under CI=true (a suite never skips silently in
/// CI) and a clear message elsewhere.
/// </summary>
/// <remarks>
/// A probe is a command looked up on PATH, an absolute path that must exist (a header, say), or "python:MODULE",
/// which Debian's /usr/bin/python3 must import (a pyenv python3 earlier on PATH cannot see Debian's modules).
/// </remarks>
internal static class Prerequisites
{
    /// <summary>What the device suites need: a command that proves the package is there, and the package.</summary>
    public static readonly (string Command, string Package)[] DeviceToolchain =
    [
        ("riscv64-unknown-elf-gcc", "gcc-riscv64-unknown-elf"),
        ("riscv64-unknown-elf-objdump", "binutils-riscv64-unknown-elf"),
        ("qemu-system-riscv32", "qemu-system-misc"),
    ];

    /// <summary>What tests/interop/run.sh needs: python-fido2 + pytest on Debian's python, libfido2 (CLIs and headers), gcc.</summary>
    public static readonly (string Command, string Package)[] InteropTools =
    [
        ("python:fido2", "python3-fido2"),
        ("python:pytest", "python3-pytest"),
        ("python:pytest_timeout", "python3-pytest-timeout"),
        ("/usr/include/fido.h", "libfido2-dev"),
        ("fido2-token", "fido2-tools"),
        ("fido2-cred", "fido2-tools"),
        ("fido2-assert", "fido2-tools"),
        ("gcc", "gcc"),
    ];

    /// <summary>What tests/fuzz/run.sh needs: AFL++ (afl-fuzz drives the SharpFuzz-instrumented targets).</summary>
    public static readonly (string Command, string Package)[] FuzzTools =
    [
        ("afl-fuzz", "afl++"),
    ];

    /// <summary>
    /// Makes sure every command of <paramref name="needs"/> is on PATH, installing the missing packages when root.
    /// </summary>
    /// <returns>Null when all are there, otherwise why not (for the problem list).</returns>
    public static string? Ensure(IReadOnlyList<(string Command, string Package)> needs)
    {
        List<string> missing = needs.Where(n => !Present(n.Command)).Select(n => n.Package).Distinct().ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        if (!IsRoot())
        {
            return "missing Debian packages " + string.Join(", ", missing) + " and not root to install them: sudo apt-get install -y " +
                   string.Join(' ', missing);
        }

        Console.WriteLine("==> apt-get install " + string.Join(' ', missing));
        if (Apt("update", "-qq") != 0 || Apt(["install", "-y", "-qq", "--no-install-recommends", .. missing]) != 0)
        {
            return "apt-get could not install " + string.Join(", ", missing);
        }

        List<string> still = needs.Where(n => !Present(n.Command)).Select(n => n.Command).ToList();
        return still.Count == 0 ? null : "still missing after apt-get: " + string.Join(", ", still);
    }

    private static int Apt(params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get") { UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process apt = Process.Start(start) ?? throw new InvalidOperationException("Could not start apt-get.");
        apt.WaitForExit();
        return apt.ExitCode;
    }

    private static bool Present(string probe)
    {
        if (probe.StartsWith("python:", StringComparison.Ordinal))
        {
            return PythonImports(probe["python:".Length..]);
        }

        return Path.IsPathRooted(probe) ? File.Exists(probe) : OnPath(probe);
    }

    private static bool PythonImports(string module)
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python))
        {
            return false;
        }

        var start = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import " + module);
        using Process python = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python + ".");
        python.StandardOutput.ReadToEnd();
        python.StandardError.ReadToEnd();
        python.WaitForExit();
        return python.ExitCode == 0;
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));

    private static bool IsRoot() => Environment.UserName == "root";
}
