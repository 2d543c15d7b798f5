using Xous.Pddb.Host;
using Xous.Vault.Host.Presence;
using Xous.Vault.Host.Serve;

namespace Xous.Hosted;

/// <summary>The <c>run</c> verb: start the system, wait for Ctrl-C, q, Shutdown or <c>--exit-after</c>, stop cleanly.</summary>
internal static class Launcher
{
    /// <param name="mode">OS processes or in-process units.</param>
    /// <param name="headless">No key reader (and no PIN prompt).</param>
    /// <param name="exitAfterSeconds">Stop after this long.</param>
    /// <param name="vault">Vault's options and the PIN's source; null runs without Vault (<c>--no-vault</c>).</param>
    /// <param name="pddbPin">The <c>--pddb-pin</c> value, or null.</param>
    public static int Run(ProcessMode mode, bool headless, double? exitAfterSeconds, VaultServiceOptions? vault, string? pddbPin)
    {
        using VaultLaunch? vaultLaunch = vault is null ? null : PrepareVault(vault, pddbPin, headless);
        using var stop = new ManualResetEventSlim(false);
        string reason = "";
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            reason = "Ctrl-C";
            stop.Set();
        };

        using var system = new HostedSystem(mode);
        Console.WriteLine("kernel: hosted Precursor starting (" + (mode == ProcessMode.InProcess ? "in-process units" : "OS processes") +
                          ")" + (headless ? ", headless" : ", press q to quit, p to list processes"));
        system.Start(vaultLaunch is null ? Programs.All : [.. Programs.All, VaultProgram.Create(vaultLaunch)]);

        TerminalUserPresence? prompt = vaultLaunch?.Terminal;
        if (!headless && !Console.IsInputRedirected)
        {
            var keys = new Thread(() => ReadKeys(system, stop, () => reason = "q", prompt)) { IsBackground = true, Name = "keys" };
            keys.Start();
        }
        else if (prompt is not null && Console.IsInputRedirected)
        {
            prompt.StartStandardInputReader(); // answers come as lines on standard input
        }
        else if (prompt is not null)
        {
            Console.WriteLine("kernel: WARNING: --headless on a terminal: nobody can answer Vault's prompts (each request times out); use --user-presence auto for tests");
        }

        int timeoutMs = exitAfterSeconds is double seconds ? checked((int)(seconds * 1000)) : Timeout.Infinite;
        int signalled = WaitHandle.WaitAny([stop.WaitHandle, system.Host.ShutdownSignal], timeoutMs);
        reason = signalled switch
        {
            WaitHandle.WaitTimeout => "--exit-after " + exitAfterSeconds!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s",
            1 => "a process called Shutdown",
            _ => reason,
        };

        int unexpected = system.UnexpectedExits;
        Console.WriteLine("kernel: stopping (" + reason + ")");
        system.Stop();
        Console.WriteLine(unexpected == 0 ? "kernel: stopped cleanly" : "kernel: stopped; " + unexpected.ToString() + " process(es) had failed");
        return unexpected == 0 ? 0 : 1;
    }

    // While Vault's prompt waits, every key answers it (y approves, anything else declines), so q and p cannot steal
    // the answer and a stray key never approves.
    private static void ReadKeys(HostedSystem system, ManualResetEventSlim stop, Action quitting, TerminalUserPresence? prompt)
    {
        while (!stop.IsSet)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (prompt is not null && prompt.TryAnswer(key.KeyChar.ToString()))
            {
                continue;
            }

            if (key.KeyChar is 'q' or 'Q')
            {
                quitting();
                stop.Set();
            }
            else if (key.KeyChar is 'p' or 'P')
            {
                Console.WriteLine("kernel: live processes:" + Environment.NewLine + "  " +
                                  string.Join(Environment.NewLine + "  ", system.DescribeProcesses()));
            }
        }
    }

    /// <summary>
    /// Vault's PIN and prompt, decided before anything runs: the PIN from <c>--pddb-pin</c>, <c>$XOUS_PDDB_PIN</c> or the
    /// terminal (not in headless mode). Without a PIN Vault is left out of the launch plan, with a message saying why;
    /// the rest of the system runs.
    /// </summary>
    private static VaultLaunch? PrepareVault(VaultServiceOptions options, string? pddbPin, bool headless)
    {
        string image = Path.Combine(options.StateDirectory, Xous.Vault.Host.Storage.VaultStorage.ImageFileName);
        byte[]? pin = PddbPinSource.Resolve(pddbPin, Environment.GetEnvironmentVariable, headless ? null : new ConsoleSecretPrompt(),
            "PDDB PIN for the hosted Vault (" + image + (File.Exists(image) ? "" : ", created on first start") + "): ", out string source);
        if (pin is null)
        {
            Console.WriteLine("kernel: vault not started: " + PddbPinSource.MissingMessage + (headless ? " (--headless never asks)" : string.Empty));
            return null;
        }

        Console.WriteLine("kernel: vault: PDDB PIN from " + source);
        TerminalUserPresence? terminal = options.UserPresence.Kind == UserPresenceKind.Prompt ? new TerminalUserPresence(Console.Error) : null;
        return new VaultLaunch(options, pin, terminal);
    }
}
