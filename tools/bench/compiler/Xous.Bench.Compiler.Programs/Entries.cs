namespace Xous.Bench.Compiler.Programs;

// The entry points tools/ilcompiler compiles, one per benchmark. Each Main returns the kernel's checksum, which
// becomes the result of the emitted xous_main; the measuring driver (../driver/csharp_main.c) calls that between two
// reads of instret and prints the checksum itself, so that no printing falls inside the measured instructions.

/// <summary>The sha256 benchmark: <see cref="Sha256.Run"/>.</summary>
public static class Sha256Program
{
    /// <summary>Runs the kernel; the result is its checksum.</summary>
    public static int Main() => (int)Sha256.Run();
}

/// <summary>The aes256 benchmark: <see cref="Aes256.Run"/>.</summary>
public static class Aes256Program
{
    /// <summary>Runs the kernel; the result is its checksum.</summary>
    public static int Main() => (int)Aes256.Run();
}

/// <summary>The modmul256 benchmark: <see cref="ModMul256.Run"/>.</summary>
public static class ModMul256Program
{
    /// <summary>Runs the kernel; the result is its checksum.</summary>
    public static int Main() => (int)ModMul256.Run();
}

/// <summary>The linkedwalk benchmark: <see cref="LinkedWalk.Run"/>.</summary>
public static class LinkedWalkProgram
{
    /// <summary>Runs the kernel; the result is its checksum.</summary>
    public static int Main() => (int)LinkedWalk.Run();
}

/// <summary>The cborparse benchmark: <see cref="CborParse.Run"/>.</summary>
public static class CborParseProgram
{
    /// <summary>Runs the kernel; the result is its checksum.</summary>
    public static int Main() => (int)CborParse.Run();
}
