using System;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>The PIN/UV subsystem (owned by the PIN work; this file fixes its public surface).</summary>
public sealed class PinSubsystem : IPinUvAuth
{
    /// <summary>Power-up: loads the persistent PIN state, makes a fresh key-agreement key and token.</summary>
    public PinSubsystem(VaultEnvironment environment) => _ = environment;

    /// <summary>authenticatorClientPIN (0x06).</summary>
    public ICtapCommand ClientPin => throw new NotImplementedException();

    /// <summary>authenticatorConfig (0x0D).</summary>
    public ICtapCommand Config => throw new NotImplementedException();

    /// <summary>authenticatorLargeBlobs (0x0C).</summary>
    public ICtapCommand LargeBlobs => throw new NotImplementedException();

    /// <inheritdoc/>
    public bool IsPinSet => throw new NotImplementedException();

    /// <inheritdoc/>
    public bool AlwaysUv => throw new NotImplementedException();

    /// <inheritdoc/>
    public bool ForcePinChange => throw new NotImplementedException();

    /// <inheritdoc/>
    public int MinPinLength => throw new NotImplementedException();

    /// <inheritdoc/>
    public bool EnterpriseAttestationEnabled => throw new NotImplementedException();

    /// <inheritdoc/>
    public bool IsProtocolSupported(ulong protocol) => throw new NotImplementedException();

    /// <inheritdoc/>
    public CtapStatus VerifyPinUvAuthParam(ulong protocol, ReadOnlySpan<byte> message, ReadOnlySpan<byte> pinUvAuthParam, PinUvAuthPermissions permission, string? rpId) =>
        throw new NotImplementedException();

    /// <inheritdoc/>
    public bool TakeTokenUserPresence() => throw new NotImplementedException();

    /// <inheritdoc/>
    public CtapStatus DeriveSharedSecret(ulong protocol, ReadOnlySpan<byte> platformCoseKey, Span<byte> sharedSecret, out int length) =>
        throw new NotImplementedException();

    /// <inheritdoc/>
    public bool VerifyWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> message, ReadOnlySpan<byte> param) =>
        throw new NotImplementedException();

    /// <inheritdoc/>
    public int EncryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> plaintext, Span<byte> output) =>
        throw new NotImplementedException();

    /// <inheritdoc/>
    public bool DecryptWithSharedSecret(ulong protocol, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> ciphertext, Span<byte> output, out int length) =>
        throw new NotImplementedException();

    /// <inheritdoc/>
    public bool IsMinPinLengthRpId(string rpId) => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Reset() => throw new NotImplementedException();
}
