using Xous.Log.Server;
using Xous.Names.Server;
using Xous.Runtime;
using Xous.Ticktimer.Server;

namespace Xous.Hosted;

/// <summary>What a hosted program is given besides its process context: the host stand-ins for its hardware.</summary>
public sealed class HostDevices : IDisposable
{
    /// <summary>Devices writing the log to <paramref name="logOutput"/>; <paramref name="stopping"/> is cancelled when the system stops.</summary>
    public HostDevices(TerminalLogOutput logOutput, CancellationToken stopping = default)
    {
        LogOutput = logOutput;
        Stopping = stopping;
    }

    /// <summary>
    /// Cancelled at the start of <see cref="HostedSystem.Stop"/>, before the kernel ends the processes: a program that
    /// serves something outside Xous (Vault's UDP socket) watches it to finish its work and exit by itself.
    /// </summary>
    public CancellationToken Stopping { get; }

    /// <summary>The console UART of the log server.</summary>
    public TerminalLogOutput LogOutput { get; }

    /// <summary>The ticktimer block.</summary>
    public HostTickTimer TickTimer { get; } = new();

    /// <summary>Stops the devices (wakes a thread waiting on the alarm).</summary>
    public void Dispose() => TickTimer.Dispose();
}

/// <summary>
/// A program of the launch plan: its name and its main. <paramref name="RunsInLauncher"/>: the program is an in-process
/// unit even with <c>--processes os</c>, because it needs what only the launcher's process has (the terminal's keys, a
/// secret handed over in memory); it watches <see cref="HostDevices.Stopping"/> and returns from its main by itself,
/// and <see cref="HostedSystem.Stop"/> waits for it before the kernel ends the other processes.
/// </summary>
public sealed record HostedProgram(string Name, Func<ProcessContext, HostDevices, int> Main, bool RunsInLauncher = false);

/// <summary>The programs the hosted system can run, in launch order (the hosted launch plan).</summary>
public static class Programs
{
    /// <summary>The base services, in the order they start: log first (everyone logs), then names, then ticktimer.</summary>
    public static IReadOnlyList<HostedProgram> BaseServices { get; } =
    [
        new(LogServer.ProgramName, static (context, devices) => LogServer.Run(context, devices.LogOutput)),
        new(NamesServer.ProgramName, static (context, _) => NamesServer.Run(context)),
        new(TicktimerServer.ProgramName, static (context, devices) => TicktimerServer.Run(context, devices.TickTimer)),
    ];

    /// <summary>Every program: the base services and <see cref="Uptime"/>.</summary>
    public static IReadOnlyList<HostedProgram> All { get; } = [.. BaseServices, new(Uptime.ProgramName, static (context, _) => Uptime.Run(context))];

    /// <summary>Finds a program by name.</summary>
    public static HostedProgram? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
