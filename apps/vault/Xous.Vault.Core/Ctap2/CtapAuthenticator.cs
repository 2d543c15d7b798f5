using System;
using Xous.Vault.Environment;

namespace Xous.Vault.Ctap2;

/// <summary>The CTAP 2.1 + U2F application (owned by the CTAP2 work; this file fixes its public surface).</summary>
public sealed class CtapAuthenticator : ICtapApplication
{
    /// <summary>Power-up: loads or creates the persistent state through the environment's store.</summary>
    public CtapAuthenticator(VaultEnvironment environment) => _ = environment;

    /// <inheritdoc/>
    public int ProcessCbor(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context) => throw new NotImplementedException();

    /// <inheritdoc/>
    public int ProcessApdu(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context) => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Wink() => throw new NotImplementedException();

    /// <inheritdoc/>
    public void ChannelReset(uint channel) => throw new NotImplementedException();
}
