using System.Runtime.InteropServices;
using Xous.Pddb.Host;
using Xous.Vault.Host.Presence;

namespace Xous.Vault.Host.Serve;

/// <summary>
/// <c>xous-vault serve</c>: composes Vault (<see cref="VaultService"/>), prints <c>PORT=N</c> on standard output once
/// the UDP socket is bound, the start-up lines on standard error, and serves until SIGINT or SIGTERM; then syncs the
/// PDDB, closes the sockets and exits 0.
/// </summary>
public static class ServeCommand
{
    /// <summary>Runs the server; returns the exit code (<see cref="VaultExitCodes"/>).</summary>
    public static int Run(VaultServiceOptions options, string? pddbPin)
    {
        ArgumentNullException.ThrowIfNull(options);
        TextWriter errors = Console.Error;
        using var stopping = new CancellationTokenSource();
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        byte[]? pin = PddbPinSource.Resolve(pddbPin, System.Environment.GetEnvironmentVariable, new ConsoleSecretPrompt(),
            "PDDB PIN for " + Path.Combine(options.StateDirectory, Storage.VaultStorage.ImageFileName) + ": ", out string pinSource);
        if (pin is null)
        {
            errors.WriteLine("xous-vault: " + PddbPinSource.MissingMessage);
            return VaultExitCodes.Pin;
        }

        TerminalUserPresence? terminal = null;
        VaultService service;
        try
        {
            service = VaultService.Open(options, pin, clock =>
            {
                if (options.UserPresence.Kind == UserPresenceKind.Prompt)
                {
                    terminal = new TerminalUserPresence(errors);
                    return terminal;
                }

                return options.UserPresence.CreateNonInteractive(clock, Warn);
            }, stopping.Token, Warn);
        }
        catch (VaultStartupException e)
        {
            errors.WriteLine("xous-vault: " + e.Message);
            return e.ExitCode;
        }
        finally
        {
            pin.AsSpan().Clear();
        }

        using (service)
        {
            Console.Out.WriteLine("PORT=" + service.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Console.Out.Flush();
            errors.WriteLine("xous-vault: PDDB PIN from " + pinSource);
            foreach (StartupLine line in service.StartupLines)
            {
                errors.WriteLine("xous-vault: " + (line.IsWarning ? "WARNING: " : string.Empty) + line.Text);
            }

            terminal?.StartStandardInputReader();
            errors.WriteLine("xous-vault: serving; Ctrl-C or SIGTERM stops");
            errors.Flush();
            service.Run(stopping.Token);
            bool synced = service.Shutdown(out string? problem);
            errors.WriteLine(synced ? "xous-vault: stopped (PDDB synced, sockets closed)" : "xous-vault: stopped; " + problem);
            return synced ? VaultExitCodes.Ok : VaultExitCodes.StoreFailed;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        void Warn(string text) => errors.WriteLine("xous-vault: WARNING: " + text);
    }
}
