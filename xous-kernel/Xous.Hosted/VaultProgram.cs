using Xous.Runtime;
using Xous.Vault.Environment;
using Xous.Vault.Host.Presence;
using Xous.Vault.Host.Serve;

namespace Xous.Hosted;

/// <summary>
/// What the launcher decided for the hosted Vault before the system starts: the <c>serve</c> options, the PDDB PIN
/// (asked on the terminal before any program runs, so no key reader competes for it) and, for
/// <c>--user-presence prompt</c>, the terminal prompt the launcher's key reader feeds.
/// </summary>
public sealed class VaultLaunch : IDisposable
{
    private readonly byte[] _pin;

    /// <summary>Takes ownership of <paramref name="pin"/> (wiped on dispose or after the mount).</summary>
    public VaultLaunch(VaultServiceOptions options, byte[] pin, TerminalUserPresence? terminal)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _pin = pin ?? throw new ArgumentNullException(nameof(pin));
        Terminal = terminal;
    }

    /// <summary>The options (listen address, state directory, policy, attestation).</summary>
    public VaultServiceOptions Options { get; }

    /// <summary>The terminal prompt when the policy is <c>prompt</c>; null otherwise.</summary>
    public TerminalUserPresence? Terminal { get; }

    /// <summary>The PIN bytes until they are wiped.</summary>
    internal ReadOnlySpan<byte> Pin => _pin;

    /// <summary>Wipes the PIN.</summary>
    public void Dispose() => _pin.AsSpan().Clear();
}

/// <summary>
/// Vault as a program of the hosted Precursor (<c>./xous run</c>): the same composition as <c>xous-vault serve</c>
/// (<see cref="VaultService"/>), logging through the log server. It runs in the launcher's process in both process
/// modes (<see cref="HostedProgram.RunsInLauncher"/>): the y/n prompt needs the terminal's keys, which the launcher's
/// key reader owns, and the PIN is handed over in memory rather than through an environment variable.
/// </summary>
public static class VaultProgram
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "vault";

    /// <summary>The launch-plan entry for <paramref name="launch"/>.</summary>
    public static HostedProgram Create(VaultLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return new HostedProgram(ProgramName, (context, devices) => Run(context, devices, launch), RunsInLauncher: true);
    }

    private static int Run(ProcessContext context, HostDevices devices, VaultLaunch launch)
    {
        Logger log = context.CreateLogger(ProgramName);
        VaultService service;
        try
        {
            service = VaultService.Open(launch.Options, launch.Pin, clock => launch.Terminal is IUserPresence terminal
                    ? terminal
                    : launch.Options.UserPresence.CreateNonInteractive(clock, text => log.Warn(text)),
                devices.Stopping, text => log.Warn(text));
        }
        catch (VaultStartupException e)
        {
            log.Error("not started: " + e.Message);
            return e.ExitCode;
        }
        finally
        {
            launch.Dispose();
        }

        using (service)
        {
            foreach (StartupLine line in service.StartupLines)
            {
                if (line.IsWarning)
                {
                    log.Warn(line.Text);
                }
                else
                {
                    log.Info(line.Text);
                }
            }

            log.Info("serving FIDO (CTAPHID) on udp " + service.LocalEndPoint + (launch.Terminal is null ? string.Empty : "; answer prompts with y or n"));
            service.Run(devices.Stopping);
            bool synced = service.Shutdown(out string? problem);
            if (synced)
            {
                log.Info("stopped (PDDB synced, socket closed)");
                return 0;
            }

            log.Error("stopped; " + problem);
            return VaultExitCodes.StoreFailed;
        }
    }
}
