using System;
using Xous.Vault.Environment;

namespace Xous.Vault.Hid;

/// <summary>The CTAPHID layer (owned by the CTAPHID work; this file fixes its public surface).</summary>
public sealed class CtapHidServer
{
    /// <summary>Creates the CTAPHID layer over a report port.</summary>
    public CtapHidServer(IHidReportPort port, IMonotonicClock clock, IUserPresence userPresence, ICtapApplication application)
    {
        _ = port;
        _ = clock;
        _ = userPresence;
        _ = application;
    }

    /// <summary>Waits up to <paramref name="maxWaitMilliseconds"/> for one report, handles it (running a completed request) and the timers.</summary>
    /// <returns>Whether a report was handled.</returns>
    public bool ProcessOne(int maxWaitMilliseconds) => throw new NotImplementedException();
}
