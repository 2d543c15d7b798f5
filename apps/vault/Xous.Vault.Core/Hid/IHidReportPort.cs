using System;

namespace Xous.Vault.Hid;

/// <summary>
/// The FIDO HID interface as CTAPHID sees it: 64-byte reports in and out, without a report-ID byte. On the device the
/// USB service's HID endpoint; hosted, CTAPHID over UDP (one report per datagram) or Linux /dev/uhid.
/// </summary>
public interface IHidReportPort
{
    /// <summary>The report size, in and out.</summary>
    const int ReportSize = 64;

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (0: do not wait) for one report.</summary>
    /// <param name="report">Receives exactly <see cref="ReportSize"/> bytes.</param>
    /// <param name="timeoutMilliseconds">How long to wait.</param>
    /// <returns>False when nothing arrived in time.</returns>
    bool TryReceive(Span<byte> report, int timeoutMilliseconds);

    /// <summary>Sends one report of exactly <see cref="ReportSize"/> bytes.</summary>
    void Send(ReadOnlySpan<byte> report);
}
