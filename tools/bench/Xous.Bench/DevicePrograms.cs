using Xous.IlCompiler;
using DeviceCompiler = Xous.IlCompiler.Compiler;

namespace Xous.Bench;

/// <summary>
/// Device-profile C# programs as RV32 images for the instruction-counting suites (<c>compiler</c>, <c>crypto</c>):
/// builds a programs project in the device flavour, compiles one entry class with tools/ilcompiler, links it with the
/// measuring driver (tools/bench/compiler/driver) and runs it in QEMU with an exact instruction counter.
/// </summary>
internal static class DevicePrograms
{
    /// <summary>
    /// Everything a suite needs before measuring its kernels: a fresh work folder (<c>artifacts/bench-NAME</c>, or under
    /// XousArtifacts), the measuring driver's object, and <paramref name="projectRelative"/> built for the device. Null,
    /// with the reason printed as "bench <paramref name="suite"/>: …", when one of them fails.
    /// </summary>
    public static DeviceSuite? Prepare(string root, string suite, string projectRelative)
    {
        if (Rv32Images.Missing is string missing)
        {
            Console.Error.WriteLine("bench " + suite + ": " + missing);
            return null;
        }

        string driver = Path.Combine(root, "tools", "bench", "compiler", "driver");
        string work = Path.Combine(Environment.GetEnvironmentVariable("XousArtifacts") is { Length: > 0 } artifacts ? artifacts : Path.Combine(root, "artifacts"), "bench-" + suite);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var images = new Rv32Images(Path.Combine(root, "runtime", "native"), [driver]);
        string measureObject = Path.Combine(work, "measure.o");
        if (Compile(images, Path.Combine(driver, "measure.c"), measureObject, []) is string measureError)
        {
            Console.Error.WriteLine("bench " + suite + ": gcc rejects measure.c: " + measureError);
            return null;
        }

        Console.WriteLine("==> RV32: dotnet build -p:XousFlavour=device, tools/ilcompiler, gcc, QEMU -icount shift=0");
        DeviceBuild build = Build(root, projectRelative);
        if (build.Error is string buildError)
        {
            Console.Error.WriteLine("bench " + suite + ": the programs do not build for the device: " + buildError);
            return null;
        }

        return new DeviceSuite(images, driver, work, measureObject, build);
    }

    /// <summary><see cref="Measure(Rv32Images, string, string, DeviceBuild, string, string, string, uint, ref bool, int?, TimeSpan?)"/> for a prepared suite.</summary>
    public static Measurement Measure(DeviceSuite suite, string name, string entryType, uint expected, ref bool miscompiled, int? heapBytes = null, TimeSpan? timeout = null) =>
        Measure(suite.Images, name, entryType, suite.Build, suite.Driver, suite.MeasureObject, suite.Work, expected, ref miscompiled, heapBytes, timeout);

    /// <summary>Builds <paramref name="projectRelative"/> in the device flavour (Release) and finds the assembly and its references.</summary>
    public static DeviceBuild Build(string root, string projectRelative)
    {
        string project = Path.Combine(root, projectRelative);
        ToolResult build = ToolProcess.Run(
            "dotnet", ["build", project, "-c", "Release", "-p:XousFlavour=device", "-nologo", "-v", "q"], TimeSpan.FromMinutes(10), root);
        if (!build.Succeeded)
        {
            return new DeviceBuild(null, [], build.TimedOut ? "dotnet build timed out" : Shorten(build.FirstErrorLine(), root));
        }

        ToolResult query = ToolProcess.Run(
            "dotnet", ["msbuild", project, "-p:Configuration=Release", "-p:XousFlavour=device", "-nologo", "-getProperty:TargetPath"], TimeSpan.FromMinutes(2), root);
        string assembly = query.Output.Trim();
        if (!query.Succeeded || !File.Exists(assembly))
        {
            return new DeviceBuild(null, [], "the device build's output was not found (" + query.FirstErrorLine() + ")");
        }

        string[] references = Directory.GetFiles(Path.GetDirectoryName(assembly)!, "*.dll").Where(f => f != assembly).Order(StringComparer.Ordinal).ToArray();
        return new DeviceBuild(assembly, references, null);
    }

    /// <summary>
    /// Compiles the entry class <paramref name="entryType"/> of <paramref name="build"/>, links it with the driver
    /// (csharp_main.c, which measures the call of Main as the kernel <paramref name="name"/>) and runs it; the checksum
    /// Main returns must be <paramref name="expected"/>, else <paramref name="miscompiled"/> is set. Kernels that need
    /// more than the runtime's default heap or longer than a minute in QEMU pass <paramref name="heapBytes"/> and
    /// <paramref name="timeout"/>.
    /// </summary>
    public static Measurement Measure(
        Rv32Images images, string name, string entryType, DeviceBuild build, string driver, string measureObject, string work, uint expected, ref bool miscompiled,
        int? heapBytes = null, TimeSpan? timeout = null)
    {
        CompilerResult compiled;
        try
        {
            compiled = DeviceCompiler.Compile(new CompilerOptions(build.Assembly!, build.References, entryType));
        }
        catch (CompilationException e)
        {
            return new Measurement(null, null, "does not compile yet: " + FirstLine(e.Message));
        }

        // The emitted entry (int xous_main(void)) is renamed so that the driver can measure it like a C kernel.
        string cFile = Path.Combine(work, "csharp_" + name + ".c");
        File.WriteAllText(cFile, compiled.CSource);
        string kernelObject = Path.ChangeExtension(cFile, ".o");
        if (Compile(images, cFile, kernelObject, ["-Dxous_main=xous_bench_csharp_main"]) is string gccError)
        {
            return new Measurement(null, null, "gcc rejects the emitted C: " + gccError);
        }

        string driverObject = Path.Combine(work, "csharp_main_" + name + ".o");
        if (Compile(images, Path.Combine(driver, "csharp_main.c"), driverObject, ["-DXOUS_BENCH_NAME=\"" + name + "\""]) is string driverError)
        {
            return new Measurement(null, null, "gcc rejects csharp_main.c: " + driverError);
        }

        string image = Path.Combine(work, "bench-csharp-" + name + ".elf");
        ToolResult link = images.Link([kernelObject, driverObject, measureObject], image, heapBytes);
        if (!link.Succeeded)
        {
            return new Measurement(null, null, "does not link: " + link.FirstErrorLine());
        }

        long? bytes = Rv32Images.FunctionBytes(image, kernelObject);
        ToolResult run = Rv32Images.Run(image, timeout);
        string lastLine = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
        if (!run.Succeeded)
        {
            return new Measurement(null, bytes, run.TimedOut ? "does not finish on the device (timed out)" : $"fails on the device (exit {run.ExitCode}): {lastLine}");
        }

        InstructionCounts counts = InstructionCounts.Parse(run.Output);
        if (counts.ValidationError() is string counterError)
        {
            return new Measurement(null, bytes, "counter: " + counterError);
        }

        if (!counts.TryGetKernel(name, out ulong instructions, out uint checksum))
        {
            return new Measurement(null, bytes, "printed no count: " + lastLine);
        }

        if (checksum != expected)
        {
            miscompiled = true;
            return new Measurement(instructions, bytes, $"WRONG checksum on the device: {checksum}, expected {expected}");
        }

        return new Measurement(instructions, bytes, null);
    }

    /// <summary>Compiles one C file; null on success, else gcc's first error (without the file's folder).</summary>
    public static string? Compile(Rv32Images images, string source, string objectFile, IEnumerable<string> extraFlags)
    {
        ToolResult result = images.Compile(source, objectFile, extraFlags);
        return result.Succeeded
            ? null
            : result.FirstErrorLine().Replace(Path.GetDirectoryName(source) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>An MSBuild error line without the repository path and the trailing <c>[project]</c>.</summary>
    private static string Shorten(string line, string root)
    {
        string shorter = line.Replace(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        int project = shorter.LastIndexOf(" [", StringComparison.Ordinal);
        return project > 0 && shorter.EndsWith(']') ? shorter[..project] : shorter;
    }
}

/// <summary>One side's figures for one benchmark (instructions of one call, code bytes), or why there are none.</summary>
internal sealed record Measurement(ulong? Instructions, long? Bytes, string? Problem);

/// <summary>The device flavour of a programs project: the assembly and its references, or why it did not build.</summary>
internal sealed record DeviceBuild(string? Assembly, IReadOnlyList<string> References, string? Error);

/// <summary>A prepared instruction-counting suite (<see cref="DevicePrograms.Prepare"/>).</summary>
internal sealed record DeviceSuite(Rv32Images Images, string Driver, string Work, string MeasureObject, DeviceBuild Build);
