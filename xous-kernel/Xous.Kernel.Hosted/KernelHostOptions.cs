using Xous.Abi;

namespace Xous.Kernel.Hosted;

/// <summary>How a <see cref="KernelHost"/> is set up.</summary>
public sealed class KernelHostOptions
{
    /// <summary>The kernel's tables and limits; null for the defaults.</summary>
    public KernelConfig? Config { get; init; }

    /// <summary>Receives every line the host logs (refused handshakes, malformed packets, terminated processes).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The TCP address (ip:port) to listen on for OS processes; null for the environment variable
    /// <c>XOUS_LISTEN_ADDR</c>, or <c>127.0.0.1:0</c> (an ephemeral port) when that is unset.
    /// </summary>
    public string? ListenAddress { get; init; }
}

/// <summary>A process of the host ended.</summary>
public sealed class ProcessExitedEventArgs : EventArgs
{
    /// <summary>Creates the notification.</summary>
    public ProcessExitedEventArgs(string name, Pid process, uint exitCode)
    {
        Name = name;
        Process = process;
        ExitCode = exitCode;
    }

    /// <summary>The name the process was registered with.</summary>
    public string Name { get; }

    /// <summary>Its process id (free for reuse from now on).</summary>
    public Pid Process { get; }

    /// <summary>Its exit code (see <see cref="HostedProtocol"/> for the codes the host itself gives).</summary>
    public uint ExitCode { get; }
}

/// <summary>A registered process and the stream of an in-process unit connected to it.</summary>
/// <param name="Name">The process's name.</param>
/// <param name="Process">Its process id.</param>
/// <param name="Key">The key the unit sends in the handshake (secret).</param>
/// <param name="Stream">The unit's end of the stream; the kernel serves the other end.</param>
public sealed record InProcessAttachment(string Name, Pid Process, byte[] Key, System.IO.Stream Stream);
