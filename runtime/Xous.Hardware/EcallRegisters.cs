using System.Runtime.InteropServices;

namespace Xous.Hardware;

/// <summary>
/// The argument and result registers of an <c>ecall</c> (<see cref="Cpu.Ecall"/>), in register order. The device
/// compiler hands the struct to C as eight consecutive <c>uint32_t</c>, so the fields and their order are fixed:
/// exactly <c>A0</c>…<c>A7</c>, nothing else.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct EcallRegisters
{
    /// <summary><c>a0</c>: in Xous, the syscall number going in and the result kind coming back.</summary>
    public uint A0;

    /// <summary><c>a1</c>.</summary>
    public uint A1;

    /// <summary><c>a2</c>.</summary>
    public uint A2;

    /// <summary><c>a3</c>.</summary>
    public uint A3;

    /// <summary><c>a4</c>.</summary>
    public uint A4;

    /// <summary><c>a5</c>.</summary>
    public uint A5;

    /// <summary><c>a6</c>.</summary>
    public uint A6;

    /// <summary><c>a7</c>.</summary>
    public uint A7;
}
