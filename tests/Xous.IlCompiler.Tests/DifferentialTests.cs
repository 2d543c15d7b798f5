using System.Text;
using Xous.Differential.Programs;

namespace Xous.IlCompiler.Tests;

/// <summary>
/// The differential suite: every program in tests/differential runs on the host CLR and, compiled by the device
/// compiler, gcc and linked with the runtime, as RV32IMAC in QEMU virt. The transcripts must be byte-identical and the
/// exit statuses equal.
/// </summary>
public sealed class DifferentialTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    /// <summary>Every class of the programs assembly with a public static Main().</summary>
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (Type type in typeof(ExitCode).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ExitCode).Namespace && !t.IsNested && t.GetMethod("Main", Type.EmptyTypes) != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_twenty_programs() => Assert.True(Programs().Count >= 20, $"only {Programs().Count} programs");

    [ToolchainTheory]
    [MemberData(nameof(Programs))]
    public void Host_and_RV32_transcripts_are_identical(string program)
    {
        Rv32.RequireToolchain();
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
