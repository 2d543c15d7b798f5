using System.Text;
using Xous.Differential.Programs;

namespace Xous.IlCompiler.Tests;

/// <summary>
/// The differential suite: every program in tests/differential runs on the host CLR and, compiled by the device
/// compiler, gcc and linked with the runtime, as RV32IMAC in QEMU virt. The transcripts must be byte-identical and the
/// exit statuses equal. The programs are split over four test classes so that xunit runs them in parallel (one class
/// per core); <c>./xous test differential</c> runs just these.
/// </summary>
internal static class DifferentialPrograms
{
    /// <summary>How many test classes share the programs.</summary>
    public const int Parts = 4;

    /// <summary>Every class of the programs assembly with a public static Main().</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ExitCode).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(ExitCode).Namespace && !t.IsNested && t.GetMethod("Main", Type.EmptyTypes) != null)
        .Select(t => t.Name)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The programs of one part (every <see cref="Parts"/>-th, so each part has a mix).</summary>
    public static TheoryData<string> Part(int part)
    {
        var data = new TheoryData<string>();
        for (int i = part; i < All.Count; i += Parts)
        {
            data.Add(All[i]);
        }

        return data;
    }

    /// <summary>Runs one program on both sides and compares.</summary>
    public static void Check(string program)
    {
        Rv32.RequireToolchain();
        DifferentialFixture fixture = DifferentialFixture.Shared;
        Assert.True(fixture.BuildSucceeded, "the device flavour of tests/differential did not build:\n" + fixture.BuildOutput);
        Type type = typeof(ExitCode).Assembly.GetType(typeof(ExitCode).Namespace + "." + program, throwOnError: true)!;
        (int hostExit, string hostTranscript) = HostRunner.Run(type);

        CompilerResult compiled = Compiler.Compile(new CompilerOptions(fixture.ProgramsAssembly, fixture.References, type.FullName));
        string directory = BuildInfo.Scratch("differential");
        string cFile = Path.Combine(directory, program + ".c");
        File.WriteAllText(cFile, compiled.CSource);
        string elf = Rv32.Link(cFile);
        (int deviceExit, string deviceTranscript) = Rv32.Run(elf);

        Assert.Equal(Escape(hostTranscript), Escape(deviceTranscript));
        Assert.Equal(Encoding.UTF8.GetBytes(hostTranscript), Encoding.UTF8.GetBytes(deviceTranscript));
        Assert.Equal(hostExit, deviceExit);
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal);
}

/// <summary>The suite's size.</summary>
public sealed class DifferentialSuiteTests
{
    [Fact]
    public void The_suite_has_at_least_two_hundred_programs() =>
        Assert.True(DifferentialPrograms.All.Count >= 200, $"only {DifferentialPrograms.All.Count} programs");
}

/// <summary>Part 1 of 4 of the differential suite.</summary>
public sealed class DifferentialTests1
{
    public static TheoryData<string> Programs() => DifferentialPrograms.Part(0);

    [ToolchainTheory]
    [MemberData(nameof(Programs))]
    public void Host_and_RV32_transcripts_are_identical(string program) => DifferentialPrograms.Check(program);
}

/// <summary>Part 2 of 4 of the differential suite.</summary>
public sealed class DifferentialTests2
{
    public static TheoryData<string> Programs() => DifferentialPrograms.Part(1);

    [ToolchainTheory]
    [MemberData(nameof(Programs))]
    public void Host_and_RV32_transcripts_are_identical(string program) => DifferentialPrograms.Check(program);
}

/// <summary>Part 3 of 4 of the differential suite.</summary>
public sealed class DifferentialTests3
{
    public static TheoryData<string> Programs() => DifferentialPrograms.Part(2);

    [ToolchainTheory]
    [MemberData(nameof(Programs))]
    public void Host_and_RV32_transcripts_are_identical(string program) => DifferentialPrograms.Check(program);
}

/// <summary>Part 4 of 4 of the differential suite.</summary>
public sealed class DifferentialTests4
{
    public static TheoryData<string> Programs() => DifferentialPrograms.Part(3);

    [ToolchainTheory]
    [MemberData(nameof(Programs))]
    public void Host_and_RV32_transcripts_are_identical(string program) => DifferentialPrograms.Check(program);
}

/// <summary>
/// A theory that needs the RV32 toolchain: reported as skipped, with the reason, when gcc or QEMU is missing — except
/// under CI=true, where it runs and fails with the reason.
/// </summary>
public sealed class ToolchainTheoryAttribute : TheoryAttribute
{
    public ToolchainTheoryAttribute()
    {
        if (Rv32.Missing is string why && !Rv32.IsCi)
        {
            Skip = why;
        }
    }
}
