using System;
using System.Collections.Generic;
using Xous.Vault.Credentials;

namespace Xous.Vault.Ctap2;

/// <summary>
/// What getNextAssertion continues from: the remaining discoverable credentials of the last getAssertion, its
/// clientDataHash, flags and extension inputs (the hmac-secret shared secret and salts, wiped by <see cref="Clear"/>).
/// </summary>
internal sealed class AssertionState
{
    public bool Active { get; set; }

    public uint Channel { get; set; }

    public long StartedAt { get; set; }

    public byte[] RpIdHash { get; } = new byte[32];

    public byte[] ClientDataHash { get; } = new byte[32];

    public bool UserPresent { get; set; }

    public bool UserVerified { get; set; }

    public List<ResidentCredential> Remaining { get; } = [];

    public int NextIndex { get; set; }

    public bool GetCredBlob { get; set; }

    public bool LargeBlobKey { get; set; }

    public bool HmacSecret { get; set; }

    public ulong HmacProtocol { get; set; }

    public byte[] SharedSecret { get; } = new byte[64];

    public byte[] Salts { get; } = new byte[64];

    public int SaltLength { get; set; }

    /// <summary>Forgets everything, wiping the hmac-secret material.</summary>
    public void Clear()
    {
        Active = false;
        Remaining.Clear();
        NextIndex = 0;
        SharedSecret.AsSpan().Clear();
        Salts.AsSpan().Clear();
        SaltLength = 0;
        HmacSecret = false;
        GetCredBlob = false;
        LargeBlobKey = false;
    }
}
