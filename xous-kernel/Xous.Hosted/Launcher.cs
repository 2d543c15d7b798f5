namespace Xous.Hosted;

/// <summary>The <c>run</c> verb: start the system, wait for Ctrl-C, q, Shutdown or <c>--exit-after</c>, stop cleanly.</summary>
internal static class Launcher
{
    public static int Run(ProcessMode mode, bool headless, double? exitAfterSeconds)
    {
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
        system.Start(Programs.All);

        if (!headless && !Console.IsInputRedirected)
        {
            var keys = new Thread(() => ReadKeys(system, stop, () => reason = "q")) { IsBackground = true, Name = "keys" };
            keys.Start();
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

    private static void ReadKeys(HostedSystem system, ManualResetEventSlim stop, Action quitting)
    {
        while (!stop.IsSet)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
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
}
