using System.Globalization;
using System.Text;
using Xous.IlCompiler;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench compiler [--quick] [--root DIR]</c> (issue 4, item 5): the same algorithms in device-profile C#
/// (tools/bench/compiler/Xous.Bench.Compiler.Programs, compiled by tools/ilcompiler) and in plain C
/// (tools/bench/compiler/c), both built with the compiler's gcc flags for RV32IMAC and run in QEMU virt, compared by
/// instructions executed (exact: QEMU -icount shift=0) and by code bytes. Method: tools/bench/compiler/README.md.
/// </summary>
internal static class CompilerBench
{
    /// <summary>The goal of issue 4: C# within 1.3× of C in instructions on each benchmark.</summary>
    private const double Goal = 1.3;

    private const string ProgramsProject = "tools/bench/compiler/Xous.Bench.Compiler.Programs/Xous.Bench.Compiler.Programs.csproj";

    /// <summary>Runs the suite; writes docs/benchmarks.md unless <paramref name="quick"/>. Returns the exit status.</summary>
    public static int Run(string root, bool quick)
    {
        if (Rv32Images.Missing is string missing)
        {
            return Fail(missing);
        }

        string sources = Path.Combine(root, "tools", "bench", "compiler");
        string driver = Path.Combine(sources, "driver");
        string work = Path.Combine(Environment.GetEnvironmentVariable("XousArtifacts") is { Length: > 0 } artifacts ? artifacts : Path.Combine(root, "artifacts"), "bench-compiler");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var images = new Rv32Images(Path.Combine(root, "runtime", "native"), [Path.Combine(sources, "c"), driver]);

        Console.WriteLine("==> checksums on the host (the C# kernels on the CLR)");
        var expected = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (CompilerBenchmark benchmark in CompilerBenchmarks.All)
        {
            uint host = benchmark.RunOnHost();
            if (benchmark.Reference is { } reference && reference.Compute() is uint value && value != host)
            {
                return Fail($"{benchmark.Name}: the C# kernel gives {host} on the CLR, {reference.What} gives {value}");
            }

            Console.WriteLine($"    {benchmark.Name,-10} {host,10}  {(benchmark.Reference is { } r ? "= " + r.What : "(no .NET reference: the C image must agree)")}");
            expected[benchmark.Name] = host;
        }

        Console.WriteLine("==> C image: gcc " + string.Join(' ', Toolchain.CFlags) + "; qemu -icount shift=0");
        string measureObject = Path.Combine(work, "measure.o");
        if (DevicePrograms.Compile(images, Path.Combine(driver, "measure.c"), measureObject, []) is string measureError)
        {
            return Fail("gcc rejects measure.c: " + measureError);
        }

        var cObjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in CompilerBenchmarks.All.Select(b => b.Name).Append("main"))
        {
            string objectFile = Path.Combine(work, name + ".o");
            if (DevicePrograms.Compile(images, Path.Combine(sources, "c", name + ".c"), objectFile, []) is string error)
            {
                return Fail($"gcc rejects {name}.c: {error}");
            }

            cObjects[name] = objectFile;
        }

        string cImage = Path.Combine(work, "bench-c.elf");
        ToolResult link = images.Link([.. cObjects.Values, measureObject], cImage);
        if (!link.Succeeded)
        {
            return Fail("the C image does not link: " + link.FirstErrorLine());
        }

        ToolResult cRun = Rv32Images.Run(cImage);
        if (!cRun.Succeeded)
        {
            return Fail($"the C image failed in QEMU (exit {cRun.ExitCode}{(cRun.TimedOut ? ", timed out" : "")}):\n{cRun.Output}{cRun.Error}");
        }

        InstructionCounts cCounts = InstructionCounts.Parse(cRun.Output);
        if (cCounts.ValidationError() is string counterError)
        {
            return Fail("C image: " + counterError);
        }

        var c = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        foreach (CompilerBenchmark benchmark in CompilerBenchmarks.All)
        {
            if (!cCounts.TryGetKernel(benchmark.Name, out ulong instructions, out uint checksum) || checksum != expected[benchmark.Name])
            {
                return Fail($"{benchmark.Name}: the C kernel's checksum is not {expected[benchmark.Name]}; the image printed:\n{cRun.Output}");
            }

            c[benchmark.Name] = new Measurement(instructions, Rv32Images.FunctionBytes(cImage, cObjects[benchmark.Name]), null);
            Console.WriteLine($"    {benchmark.Name,-10} {instructions,12:N0} instructions {c[benchmark.Name].Bytes,7:N0} code bytes  checksum {checksum} ok");
        }

        Console.WriteLine($"    counter: spin loops differ by exactly {InstructionCounts.SpinDifference:N0}; empty call {cCounts.EmptyCall} instructions (subtracted)");

        Console.WriteLine("==> C# programs: dotnet build -p:XousFlavour=device, tools/ilcompiler, the same gcc flags and QEMU");
        DeviceBuild build = DevicePrograms.Build(root, ProgramsProject);
        var csharp = new Dictionary<string, Measurement>(StringComparer.Ordinal);
        bool miscompiled = false;
        foreach (CompilerBenchmark benchmark in CompilerBenchmarks.All)
        {
            Measurement measured = build.Error is string buildError
                ? new Measurement(null, null, "does not build for the device: " + buildError)
                : DevicePrograms.Measure(images, benchmark.Name, benchmark.EntryType, build, driver, measureObject, work, expected[benchmark.Name], ref miscompiled);
            csharp[benchmark.Name] = measured;
            Console.WriteLine(measured.Problem is string problem
                ? $"    {benchmark.Name,-10} {problem}"
                : $"    {benchmark.Name,-10} {measured.Instructions,12:N0} instructions {measured.Bytes,7:N0} code bytes  checksum ok");
        }

        List<string> table = Table(c, csharp, cCounts);
        Console.WriteLine();
        foreach (string line in table)
        {
            Console.WriteLine(line);
        }

        if (!quick)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "compiler", BenchmarkFile.Section(
                "./xous bench compiler",
                "The same algorithms in device-profile C# (compiled by tools/ilcompiler) and in plain C, both built with " +
                "gcc " + string.Join(' ', Toolchain.CFlags.Where(f => f is "-O2" or "-march=rv32imac")) + " and run in QEMU virt. " +
                "Instructions: retired instructions of one call of the kernel (its input generation included), read from " +
                "instret before and after (exact under QEMU -icount shift=0), less the cost of calling an empty function " +
                "the same way. Code bytes: the function symbols of the kernel's own translation unit in the linked image " +
                "(for C#, all the C emitted for the benchmark, corlib code included; runtime functions such as memset and " +
                "the collector count for neither side; tables are data). Goal of issue 4: C# within 1.3× of C in " +
                "instructions. Method, inputs and checksums: tools/bench/compiler/README.md.",
                table));
            Console.WriteLine("figures written to " + file);
        }

        if (miscompiled)
        {
            Console.Error.WriteLine("bench compiler: a C# program gives a wrong checksum on the device (see the table)");
            return 1;
        }

        return 0;
    }

    private static List<string> Table(Dictionary<string, Measurement> c, Dictionary<string, Measurement> csharp, InstructionCounts counts)
    {
        var table = new List<string>
        {
            "| benchmark | C instructions | C# instructions | C#/C | C code bytes | C# code bytes | C#/C size | goal: C# ≤ 1.3× C |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        };
        foreach (CompilerBenchmark benchmark in CompilerBenchmarks.All)
        {
            Measurement cs = csharp[benchmark.Name];
            Measurement cm = c[benchmark.Name];
            double? ratio = cs.Instructions is ulong n ? (double)n / cm.Instructions!.Value : null;
            double? sizeRatio = cs.Bytes is long b && cm.Bytes is long cb && cb > 0 ? (double)b / cb : null;
            string goal = cs.Problem is string problem
                ? "— " + MarkdownText(problem)
                : ratio <= Goal ? "met" : "not met";
            table.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {benchmark.Name} | {cm.Instructions:N0} | {Cell(cs.Problem == null ? cs.Instructions : null)} | {Ratio(cs.Problem == null ? ratio : null)} | {Cell(cm.Bytes)} | {Cell(cs.Bytes)} | {Ratio(sizeRatio)} | {goal} |"));
        }

        table.Add("");
        table.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Counter check in every image: two 2-instruction loops of {InstructionCounts.ShortSpin:N0} and {InstructionCounts.LongSpin:N0} iterations differ by exactly {InstructionCounts.SpinDifference:N0} instructions; the empty call subtracted from each kernel costs {counts.EmptyCall} instructions."));
        return table;
    }

    /// <summary>Text for a table cell: markdown's active characters escaped (messages hold <c>Span`1</c>, <c>UInt32*</c>, <c>&lt;T&gt;</c>).</summary>
    private static string MarkdownText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '|' or '<' or '>' or '[' or ']')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Cell<T>(T? value)
        where T : struct, IFormattable => value is T v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Ratio(double? value) =>
        value is double v ? v.ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("bench compiler: " + message);
        return 1;
    }
}
