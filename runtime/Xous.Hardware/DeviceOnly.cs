using System;

namespace Xous.Hardware;

/// <summary>The host behaviour of every intrinsic: there is no hardware to touch, so the call is a bug.</summary>
internal static class DeviceOnly
{
    /// <summary>The exception an intrinsic's host body throws.</summary>
    /// <param name="member">The intrinsic, as <c>Type.Method</c>.</param>
    public static PlatformNotSupportedException Exception(string member) =>
        new("Xous.Hardware." + member + " runs only on the device: tools/ilcompiler replaces the call with RV32 " +
            "instructions, and on the host it has no implementation. Host code (tests, hosted mode) must reach " +
            "hardware through a HAL interface instead.");
}
