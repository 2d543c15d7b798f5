using Xous.Names.Api;
using Xous.Runtime;
using Xous.Ticktimer.Api;

namespace Xous.Hosted;

/// <summary>
/// An ordinary client program: connects to the ticktimer <em>by name</em> through the name server (so it proves names,
/// ConnectForProcess and the ticktimer work together), sleeps, and logs the system's uptime once a minute.
/// </summary>
public static class Uptime
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "uptime";

    /// <summary>How long the first sleep is.</summary>
    public const uint FirstSleepMs = 500;

    /// <summary>Runs until the process is ended.</summary>
    public static int Run(ProcessContext context)
    {
        Logger log = context.CreateLogger(ProgramName);
        NamesStatus status = context.ConnectByName(TicktimerServerName, out Xous.Abi.Cid connection);
        if (status != NamesStatus.Ok)
        {
            log.Error("could not connect to " + TicktimerServerName + " by name: " + status.ToString());
            return 1;
        }

        var ticktimer = new TicktimerClient(new KernelChannel(context.Kernel, connection));
        ulong before = ticktimer.ElapsedMs();
        ticktimer.SleepMs(FirstSleepMs);
        ulong after = ticktimer.ElapsedMs();
        log.Info("connected to " + TicktimerServerName + " by name; slept " + FirstSleepMs.ToString() + " ms (ticktimer: " +
                 (after - before).ToString() + " ms)");
        try
        {
            while (true)
            {
                ticktimer.SleepMs(60_000);
                log.Info("up " + (ticktimer.ElapsedMs() / 1000).ToString() + " s");
            }
        }
        catch (Xous.Ipc.IpcException e) when (e.TransportError == Xous.Abi.XousError.ProcessTerminated)
        {
            return 0; // the system is shutting down
        }
    }

    private const string TicktimerServerName = Xous.Ticktimer.Server.TicktimerServer.RegisteredName;
}
