using Xous.Hosted;

namespace Xous.Kernel.Hosted;

/// <summary>Public constants of the hosted protocol (docs/hosted-protocol.md).</summary>
public static class HostedProtocol
{
    /// <summary>Bytes of the process key a client sends first.</summary>
    public const int KeyLength = HostedWire.KeyLength;

    /// <summary>
    /// a1 of the hosted-only PlatformSpecific (46) call that ends the calling thread with return value a2. The
    /// kernel answers nothing.
    /// </summary>
    public const uint ThreadExitMagic = HostedWire.ThreadExitMagic;

    /// <summary>Exit code of a process whose stream ended (EOF, also in the middle of a packet) or failed.</summary>
    public const uint ConnectionLostExitCode = 0x8000_0001;

    /// <summary>Exit code of a process that declared a payload larger than <see cref="KernelConfig.MaxMessageBytes"/>.</summary>
    public const uint ProtocolViolationExitCode = 0x8000_0002;

    /// <summary>Exit code given to every process still alive when the host shuts down.</summary>
    public const uint HostShutdownExitCode = 0x8000_0003;

    /// <summary>Bytes of a packet header on this host: the TID and eight words (72 on a 64-bit host).</summary>
    public static int HeaderSize => HostedWire.HeaderSize;
}
