namespace System;

/// <summary>The width of <see cref="nint"/> and <see cref="nuint"/>: 32 bits on the device (RV32), 64 on most hosts.</summary>
internal static class NativeWord
{
    /// <summary>Whether <see cref="nuint"/> is 64 bits wide; a constant after compilation for one target.</summary>
    internal static unsafe bool Is64Bit => sizeof(nuint) == sizeof(ulong);
}
