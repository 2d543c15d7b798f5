using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Xous.Hardware;
using Xous.IlCompiler.CodeGen;

namespace Xous.IlCompiler.Tests;

/// <summary>
/// The hardware intrinsics of runtime/Xous.Hardware (docs/hardware-intrinsics.md): every public method has one, the
/// host bodies refuse to run, and the device programs of tests/device-programs, compiled and run as RV32 in QEMU virt,
/// see the hardware do what each intrinsic promises. The instructions are checked in the disassembly.
/// </summary>
public sealed partial class HardwareIntrinsicsTests(DeviceProgramsFixture fixture) : IClassFixture<DeviceProgramsFixture>
{
    private const string Objdump = "riscv64-unknown-elf-objdump";

    /// <summary>Public methods written in C# on top of the intrinsics (they have device bodies of their own).</summary>
    private static readonly string[] s_builtOnIntrinsics = ["Xous.Hardware.Csr::ReadCycle64()", "Xous.Hardware.Csr::ReadInstret64()"];

    // ---- The table and the library agree (no toolchain needed) ----

    [Fact]
    public void Every_public_method_of_Xous_Hardware_is_an_intrinsic_or_built_on_them()
    {
        string[] intrinsics = HardwareIntrinsics.Entries.Select(e => e.Key.Method).ToArray();
        string[] publicMethods = PublicMethods().Select(IntrinsicName).ToArray();
        Assert.All(HardwareIntrinsics.Entries, e => Assert.Equal("Xous.Hardware", e.Key.Assembly));
        Assert.Empty(publicMethods.Except(intrinsics).Except(s_builtOnIntrinsics));
        Assert.Empty(intrinsics.Except(publicMethods));
        Assert.Empty(s_builtOnIntrinsics.Except(publicMethods));
        Assert.Equal(intrinsics.Length, intrinsics.Distinct().Count());
    }

    [Fact]
    public void The_compiler_table_holds_every_hardware_intrinsic()
    {
        var names = Intrinsics.Names.ToHashSet();
        Assert.All(HardwareIntrinsics.Entries, e => Assert.Contains($"[{e.Key.Assembly}]{e.Key.Method}", names));
    }

    [Fact]
    public void On_the_host_every_method_throws_PlatformNotSupportedException()
    {
        foreach (MethodInfo method in PublicMethods())
        {
            object?[] arguments = method.GetParameters()
                .Select(p => p.ParameterType.IsByRef ? Activator.CreateInstance(p.ParameterType.GetElementType()!) : Activator.CreateInstance(p.ParameterType))
                .ToArray();
            var thrown = Assert.Throws<TargetInvocationException>(() => method.Invoke(null, arguments));
            var refusal = Assert.IsType<PlatformNotSupportedException>(thrown.InnerException);
            Assert.Contains("runs only on the device", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EcallRegisters_is_exactly_eight_uints_A0_to_A7_in_order()
    {
        FieldInfo[] fields = typeof(EcallRegisters).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.Equal(["A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7"], fields.OrderBy(f => f.MetadataToken).Select(f => f.Name));
        Assert.All(fields, f => Assert.Equal(typeof(uint), f.FieldType));
        Assert.True(typeof(EcallRegisters).IsLayoutSequential);
    }

    [Fact]
    public void Every_CSR_constant_has_a_case_in_xous_hw_h_and_read_only_ones_are_read_only()
    {
        string header = File.ReadAllText(Path.Combine(BuildInfo.NativeRuntime, "include", "xous_hw.h"));
        int[] readOnly = CsrList(header, "XOUS_HW_READ_ONLY_CSRS");
        int[] writable = CsrList(header, "XOUS_HW_WRITABLE_CSRS");
        int[] constants = typeof(Csr).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(constants.Order(), readOnly.Concat(writable).Order());
        Assert.All(readOnly, n => Assert.Equal(3, (n >> 10) & 3));
        Assert.All(writable, n => Assert.NotEqual(3, (n >> 10) & 3));
    }

    [Fact]
    public void Docs_list_every_hardware_intrinsic_and_its_C()
    {
        string docs = File.ReadAllText(Path.Combine(BuildInfo.Root, "docs", "hardware-intrinsics.md"));
        string header = File.ReadAllText(Path.Combine(BuildInfo.NativeRuntime, "include", "xous_hw.h"));
        foreach (string method in HardwareIntrinsics.Entries.Select(e => e.Key.Method).Concat(s_builtOnIntrinsics))
        {
            Assert.Contains("`" + method + "`", docs, StringComparison.Ordinal);
        }

        foreach (Match function in CFunctionPattern().Matches(header))
        {
            Assert.Contains("`" + function.Groups[1].Value, docs, StringComparison.Ordinal);
        }
    }

    // ---- The device programs on RV32 (QEMU virt) ----

    [ToolchainFact]
    public void Misa_is_RV32IMAC_with_supervisor_and_user_modes()
    {
        Program run = Run("Misa");
        Assert.Equal("misa=0x40141105\nxlen=32\nextensions=ACIMSU\nmhartid=0x00000000\n", run.Console);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("xous_csr_read((int32_t)(", run.CSource, StringComparison.Ordinal);
        Assert.Contains("#include \"xous_hw.h\"", run.CSource, StringComparison.Ordinal);
    }

    [ToolchainFact]
    public void A_constant_CSR_number_is_one_csrr_and_no_switch()
    {
        Program run = Run("Misa");
        Instruction[] code = Disassemble(run.Elf);
        Instruction read = Assert.Single(code, i => i.Mnemonic == "csrr" && i.Operands.EndsWith(",misa", StringComparison.Ordinal));
        Assert.Contains(read.Function, ProgramFunctions("Misa"));
        Assert.DoesNotContain(code, i => i.Operands.Contains("xous_hw_unsupported_csr", StringComparison.Ordinal));
    }

    [ToolchainFact]
    public void CSR_numbers_known_only_at_run_time_reach_the_same_registers()
    {
        Program run = Run("CsrNumberAtRunTime");
        Assert.Equal("misa by run-time number matches: True\nsscratch written by run-time number: 0x5a5a0010\n", run.Console);
        Assert.Equal(0, run.ExitCode);
    }

    [ToolchainFact]
    public void Write_ReadSet_and_ReadClear_round_trip_through_mscratch()
    {
        Program run = Run("ScratchRegisters");
        Assert.Equal(
            "written: 0x12345678\nReadSet returned: 0x12345678\nafter set: 0x92345679\nReadClear returned: 0x92345679\n" +
            "after clear: 0x92345001\nmscratch: 0x00000000\nsscratch: 0xcafef00d\n",
            run.Console);
        Assert.Equal(0, run.ExitCode);
    }

    [ToolchainFact]
    public void Counters_advance_by_at_least_the_loop_and_the_64_bit_reads_are_monotonic()
    {
        Program run = Run("Counters");
        Assert.Equal(0, run.ExitCode);
        foreach (string check in new[]
        {
            "loop sum=49995000", "minstret advanced by at least the loop: True", "instret64 advanced by at least the loop: True",
            "mcycle advanced: True", "ReadCycle64 and ReadInstret64 monotonic: True", "instreth matches ReadInstret64: True",
        })
        {
            Assert.Contains(check + "\n", run.Console, StringComparison.Ordinal);
        }
    }

    [ToolchainFact]
    public void With_icount_minstret_counts_the_loop_instructions()
    {
        // Without -icount QEMU's instret is host ticks; with -icount shift=0 it is one per instruction.
        const int iterations = 10000; // Counters.Iterations
        Program run = Run("Counters", "-icount", "shift=0");
        Assert.Equal(0, run.ExitCode);
        uint delta = uint.Parse(DeltaPattern().Match(run.Console).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(delta, (uint)iterations, 10u * iterations);
    }

    [ToolchainFact]
    public void Fences_run_and_are_fence_and_fence_i_in_the_program()
    {
        Program run = Run("Fences");
        Assert.Equal("fences ran, value=3\n", run.Console);
        Assert.Equal(0, run.ExitCode);
        Instruction[] code = Disassemble(run.Elf);
        string[] program = ProgramFunctions("Fences");
        Assert.Contains(code, i => i.Mnemonic == "fence" && program.Contains(i.Function));
        Instruction fenceI = Assert.Single(code, i => i.Mnemonic == "fence.i");
        Assert.Contains(fenceI.Function, program);
    }

    [ToolchainFact]
    public void Mmio_accesses_touch_exactly_their_width_and_drive_the_UART()
    {
        Program run = Run("MmioWidths");
        Assert.Equal(
            "after Write8: 0x112233aa\nafter Write16 at +2: 0xbbcc33aa\nRead8 at +1: 0x00000033\nRead16 at +0: 0x000033aa\n" +
            "Read32: 0xbbcc33aa\nafter Write32: 0x01020304\nuart: ok\n",
            run.Console);
        Assert.Equal(0, run.ExitCode);
        Instruction[] code = Disassemble(run.Elf).Where(i => ProgramFunctions("MmioWidths").Contains(i.Function)).ToArray();
        foreach (string width in new[] { "sb", "sh", "sw", "lbu", "lhu", "lw" })
        {
            Assert.Contains(code, i => i.Mnemonic == width);
        }
    }

    [ToolchainFact]
    public void Wfi_returns_when_the_CLINT_timer_is_pending_with_interrupts_globally_off()
    {
        Program run = Run("TimerWakeup");
        Assert.Equal(
            "mtime advanced: True\ntimer pending with mtimecmp at the maximum: False\nwoke with the timer pending: True\n" +
            "mtime reached mtimecmp: True\nwaited in wfi: True\ntimer pending after mtimecmp reset: False\n",
            run.Console);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Disassemble(run.Elf), i => i.Mnemonic == "wfi" && ProgramFunctions("TimerWakeup").Contains(i.Function));
    }

    [ToolchainFact]
    public void An_ecall_in_machine_mode_traps_to_the_board_handler_which_reports_cause_11_and_exits_101()
    {
        Program run = Run("EcallTrap");
        Instruction ecall = Assert.Single(Disassemble(run.Elf), i => i.Mnemonic == "ecall");
        Assert.Contains(ecall.Function, ProgramFunctions("EcallTrap"));
        Assert.Equal($"before ecall\npanic: trap mcause=0x0000000b mepc=0x{ecall.Address:x8} mtval=0x00000000\n", run.Console);
        Assert.Equal(101, run.ExitCode);
    }

    [ToolchainFact]
    public void Ecall_passes_a0_to_a7_in_and_takes_them_back_from_the_handler()
    {
        Program run = Run("EcallRoundTrip");
        Assert.Equal(
            "a0=0x00000900\na1=0x00000201\na2=0x00000302\na3=0x00000403\na4=0x00000504\na5=0x00000605\na6=0x00000706\n" +
            "a7=0x0000000b\nmtvec restored: True\n",
            run.Console);
        Assert.Equal(0, run.ExitCode);
    }

    [ToolchainFact]
    public void An_unsupported_CSR_number_panics_naming_it()
    {
        Program run = Run("UnsupportedCsrRead");
        Assert.Equal("reading CSR 0x7c0\npanic: unsupported CSR 0x000007c0 for Csr.Read\n", run.Console);
        Assert.Equal(101, run.ExitCode);
    }

    [ToolchainFact]
    public void Writing_a_read_only_CSR_panics_instead_of_trapping()
    {
        Program run = Run("ReadOnlyCsrWrite");
        Assert.Equal("writing cycle\npanic: unsupported CSR 0x00000c00 for Csr.Write\n", run.Console);
        Assert.Equal(101, run.ExitCode);
        Assert.DoesNotContain(Disassemble(run.Elf), i => i.Mnemonic is "csrw" or "csrrw" && i.Operands.StartsWith("cycle", StringComparison.Ordinal));
    }

    // ---- Helpers ----

    private sealed record Program(int ExitCode, string Console, string Elf, string CSource);

    private sealed record Instruction(string Function, uint Address, string Mnemonic, string Operands);

    private Program Run(string program, params string[] extraQemuArguments)
    {
        Rv32.RequireToolchain();
        Assert.True(fixture.BuildSucceeded, "the device flavour of tests/device-programs did not build:\n" + fixture.BuildOutput);
        CompilerResult compiled = Compiler.Compile(new CompilerOptions(fixture.ProgramsAssembly, fixture.References, "Xous.Device.Programs." + program));
        string directory = BuildInfo.Scratch("hardware");
        string cFile = Path.Combine(directory, program + (extraQemuArguments.Length > 0 ? "-extra" : "") + ".c");
        File.WriteAllText(cFile, compiled.CSource);
        string elf = Rv32.Link(cFile);
        if (extraQemuArguments.Length == 0)
        {
            (int exitCode, string console) = Rv32.Run(elf);
            return new Program(exitCode, console, elf, compiled.CSource);
        }

        (int status, string output, string error) = ProcessRunner.Run(
            Toolchain.Qemu, [.. Toolchain.QemuArguments, .. extraQemuArguments, "-kernel", elf], TimeSpan.FromSeconds(30));
        Assert.True(output.Length > 0 || status == 0, $"QEMU failed on {elf} (exit {status}):\n{error}");
        return new Program(status, output, elf, compiled.CSource);
    }

    /// <summary>The functions a program's code can end up in: its own, or xous_main when gcc inlined it there.</summary>
    private static string[] ProgramFunctions(string program) => ["xous_main", "Xous_Device_Programs_" + program + "__Main"];

    private static Instruction[] Disassemble(string elf)
    {
        Assert.True(ProcessRunner.IsOnPath(Objdump), Objdump + " is not on PATH (binutils-riscv64-unknown-elf)");
        (int exitCode, string output, string error) = ProcessRunner.Run(Objdump, ["-d", "--no-show-raw-insn", elf], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, error);
        var instructions = new List<Instruction>();
        string function = "";
        foreach (string line in output.Split('\n'))
        {
            Match start = FunctionPattern().Match(line);
            if (start.Success)
            {
                function = start.Groups[1].Value;
                continue;
            }

            Match instruction = InstructionPattern().Match(line);
            if (instruction.Success)
            {
                instructions.Add(new Instruction(
                    function,
                    uint.Parse(instruction.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    instruction.Groups[2].Value,
                    instruction.Groups[3].Value.Trim()));
            }
        }

        Assert.NotEmpty(instructions);
        return [.. instructions];
    }

    private static IEnumerable<MethodInfo> PublicMethods() =>
        typeof(Csr).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .OrderBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>The compiler's identity of a method (<c>MethodDesc.FullName</c>): <c>Namespace.Type::Name(ParameterTypes)</c>.</summary>
    private static string IntrinsicName(MethodInfo method) =>
        $"{method.DeclaringType!.FullName}::{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName))})";

    private static int[] CsrList(string header, string macro)
    {
        int start = header.IndexOf("#define " + macro + "(X)", StringComparison.Ordinal);
        Assert.True(start >= 0, macro + " is not in xous_hw.h");
        int end = header.IndexOf("\n\n", start, StringComparison.Ordinal);
        return CsrEntryPattern().Matches(header[start..end])
            .Select(m => int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
    }

    [GeneratedRegex(@"^[0-9a-f]+ <([^>]+)>:$")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"^\s*([0-9a-f]+):\s+(\S+)(.*)$")]
    private static partial Regex InstructionPattern();

    [GeneratedRegex(@"X\(0x([0-9A-Fa-f]+),")]
    private static partial Regex CsrEntryPattern();

    [GeneratedRegex(@"XOUS_HW_INLINE \w+ (xous_\w+)\(")]
    private static partial Regex CFunctionPattern();

    [GeneratedRegex(@"minstret delta=(\d+)")]
    private static partial Regex DeltaPattern();
}

/// <summary>
/// A fact that needs the RV32 toolchain: skipped with the reason when gcc or QEMU is missing, except under CI=true,
/// where it runs and fails with the reason.
/// </summary>
public sealed class ToolchainFactAttribute : FactAttribute
{
    public ToolchainFactAttribute()
    {
        if (Rv32.Missing is string why && !Rv32.IsCi)
        {
            Skip = why;
        }
    }
}
