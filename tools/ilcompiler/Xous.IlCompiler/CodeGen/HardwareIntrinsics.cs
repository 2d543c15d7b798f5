namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// The intrinsics of runtime/Xous.Hardware: CSR access, fences, <c>wfi</c>, <c>ecall</c> and volatile MMIO. Each call
/// becomes a call of an always-inlined function of runtime/native/include/xous_hw.h, so it costs its instruction and
/// nothing more. <see cref="Intrinsics"/> merges these entries into its table; docs/hardware-intrinsics.md lists them.
/// </summary>
internal static class HardwareIntrinsics
{
    /// <summary>The defining assembly.</summary>
    public const string Assembly = "Xous.Hardware";

    /// <summary>The C header the emitted code must include for these intrinsics.</summary>
    public const string Header = "xous_hw.h";

    private const string Csr = "Xous.Hardware.Csr::";
    private const string Barrier = "Xous.Hardware.Barrier::";
    private const string Cpu = "Xous.Hardware.Cpu::";
    private const string Mmio = "Xous.Hardware.Mmio::";

    /// <summary>The table entries: (assembly, <c>Type::Name(ParameterTypes)</c>) and the C that replaces the call.</summary>
    internal static IEnumerable<KeyValuePair<(string Assembly, string Method), Intrinsic>> Entries { get; } =
    [
        Entry(Csr + "Read(System.Int32)", Value(a => $"xous_csr_read((int32_t)({a[0]}))")),
        Entry(Csr + "Write(System.Int32,System.UInt32)", Statement(a => $"xous_csr_write((int32_t)({a[0]}), (uint32_t)({a[1]}));")),
        Entry(Csr + "ReadSet(System.Int32,System.UInt32)", Value(a => $"xous_csr_read_set((int32_t)({a[0]}), (uint32_t)({a[1]}))")),
        Entry(Csr + "ReadClear(System.Int32,System.UInt32)", Value(a => $"xous_csr_read_clear((int32_t)({a[0]}), (uint32_t)({a[1]}))")),
        Entry(Barrier + "Fence()", Statement(_ => "xous_fence();")),
        Entry(Barrier + "FenceI()", Statement(_ => "xous_fence_i();")),
        Entry(Barrier + "CompilerBarrier()", Statement(_ => "xous_compiler_barrier();")),
        Entry(Cpu + "Wfi()", Statement(_ => "xous_wfi();")),
        // EcallRegisters is eight uint fields A0..A7 in order (a test checks it), i.e. eight consecutive uint32_t in C.
        Entry(Cpu + "Ecall(Xous.Hardware.EcallRegisters&)", Statement(a => $"xous_ecall((uint32_t*)(void*)({a[0]}));")),
        Entry(Mmio + "Read8(System.UIntPtr)", Value(a => $"xous_mmio_read8((uintptr_t)({a[0]}))")),
        Entry(Mmio + "Read16(System.UIntPtr)", Value(a => $"xous_mmio_read16((uintptr_t)({a[0]}))")),
        Entry(Mmio + "Read32(System.UIntPtr)", Value(a => $"xous_mmio_read32((uintptr_t)({a[0]}))")),
        Entry(Mmio + "Write8(System.UIntPtr,System.Byte)", Statement(a => $"xous_mmio_write8((uintptr_t)({a[0]}), (uint8_t)({a[1]}));")),
        Entry(Mmio + "Write16(System.UIntPtr,System.UInt16)", Statement(a => $"xous_mmio_write16((uintptr_t)({a[0]}), (uint16_t)({a[1]}));")),
        Entry(Mmio + "Write32(System.UIntPtr,System.UInt32)", Statement(a => $"xous_mmio_write32((uintptr_t)({a[0]}), (uint32_t)({a[1]}));")),
    ];

    private static KeyValuePair<(string Assembly, string Method), Intrinsic> Entry(string method, Intrinsic intrinsic) =>
        new((Assembly, method), intrinsic);

    private static Intrinsic Statement(Func<string[], string> statement) =>
        new((translator, _, arguments) => translator.EmitStatement(statement(arguments)));

    /// <summary>An intrinsic whose C is an expression: the call pushes its value, typed as the callee's return type.</summary>
    private static Intrinsic Value(Func<string[], string> expression) =>
        new((translator, callee, arguments) => translator.PushResult(callee.Signature.ReturnType, expression(arguments)));
}
