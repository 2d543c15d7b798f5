using System;

namespace Xous.Vault.Credentials;

/// <summary>The signature algorithms a credential can have (the byte stored inside a credential ID).</summary>
internal enum CredentialAlgorithm : byte
{
    /// <summary>ECDSA P-256 with SHA-256 (COSE -7).</summary>
    Es256 = 1,

    /// <summary>Ed25519 (COSE -8).</summary>
    EdDsa = 2,
}

/// <summary>
/// What a credential ID carries once opened: the private key seed, the algorithm, the credProtect level, whether it is
/// resident, whether hmac-secret was requested, and (non-resident) the credBlob. Wipe it with <see cref="Dispose"/>.
/// </summary>
internal sealed class CredentialSecrets : IDisposable
{
    /// <summary>Seed bytes: the private key and CredRandom are derived from them.</summary>
    public const int SeedLength = 32;

    /// <summary>COSE algorithm identifier of ES256.</summary>
    public const int CoseEs256 = -7;

    /// <summary>COSE algorithm identifier of EdDSA.</summary>
    public const int CoseEdDsa = -8;

    private readonly byte[] _credBlob = new byte[AuthenticatorLimits.MaxCredBlobLength];

    /// <summary>The algorithm.</summary>
    public CredentialAlgorithm Algorithm { get; set; }

    /// <summary>Whether a resident record belongs to this ID.</summary>
    public bool Resident { get; set; }

    /// <summary>Whether the credential was made with hmac-secret.</summary>
    public bool HmacSecret { get; set; }

    /// <summary>credProtect level 1–3.</summary>
    public byte CredProtect { get; set; } = 1;

    /// <summary>The private seed (wiped by <see cref="Dispose"/>).</summary>
    public byte[] Seed { get; } = new byte[SeedLength];

    /// <summary>credBlob length (0 when none).</summary>
    public int CredBlobLength { get; private set; }

    /// <summary>The credBlob carried by a non-resident credential ID.</summary>
    public ReadOnlySpan<byte> CredBlob => _credBlob.AsSpan(0, CredBlobLength);

    /// <summary>The COSE algorithm identifier.</summary>
    public int CoseAlgorithm => Algorithm == CredentialAlgorithm.EdDsa ? CoseEdDsa : CoseEs256;

    /// <summary>Sets the credBlob (at most <see cref="AuthenticatorLimits.MaxCredBlobLength"/> bytes).</summary>
    public void SetCredBlob(ReadOnlySpan<byte> value)
    {
        if (value.Length > _credBlob.Length)
        {
            throw new ArgumentException("credBlob is longer than the limit.", nameof(value));
        }

        _credBlob.AsSpan().Clear();
        value.CopyTo(_credBlob);
        CredBlobLength = value.Length;
    }

    /// <summary>Wipes the seed and the credBlob.</summary>
    public void Dispose()
    {
        Seed.AsSpan().Clear();
        _credBlob.AsSpan().Clear();
        CredBlobLength = 0;
    }
}
