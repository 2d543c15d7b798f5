using System;

namespace Xous.Vault;

/// <summary>One CTAP2 command handler, called by the authenticator's dispatcher with the command byte removed.</summary>
public interface ICtapCommand
{
    /// <summary>
    /// Processes the command. <paramref name="parameters"/> is the CBOR parameter map (may be empty). On Ok the CBOR
    /// response body (without the status byte; empty for none) is in <paramref name="response"/>[..<paramref name="responseLength"/>].
    /// </summary>
    CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength);
}
