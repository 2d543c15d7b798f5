using System;

namespace Xous.Pddb;

/// <summary>Tunables of a mounted PDDB. The defaults are the device's.</summary>
public sealed class PddbOptions
{
    /// <summary>bcrypt cost of the key derivations (PIN and secret-basis passwords); Xous uses 7.</summary>
    public int KdfCost { get; set; } = 7;

    /// <summary>
    /// Asked before the free-space cache is refilled from the pages no <i>open</i> basis uses. Pages of a locked secret
    /// basis look free and may then be overwritten (as in Xous, where the user is asked to unlock every basis first).
    /// Returning false makes the operation fail with <see cref="PddbStatus.RefillNotApproved"/>. Null approves.
    /// </summary>
    public Func<bool>? ApproveFreeSpaceRefill { get; set; }

    /// <summary>Pending large-key pages that trigger an automatic sync (bounds the RAM a stream write may hold).</summary>
    public int AutoSyncPendingPages { get; set; } = 256;

    /// <summary>Most bases open at once, the system basis included.</summary>
    public int MaxOpenBases { get; set; } = 16;
}
