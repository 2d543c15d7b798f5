using System;

namespace Xous.Vault.Environment;

/// <summary>
/// The "packed" attestation material of a build: the batch private key (a P-256 scalar, big-endian), the batch
/// certificate (DER, X.509 v3, CA=false, subject C/O/OU="Authenticator Attestation"/CN, AAGUID extension) that goes
/// into x5c, and the AAGUID fixed per product. Generated per build by `./xous vault attestation` (docs/vault-storage.md).
/// </summary>
public sealed class AttestationMaterial
{
    /// <summary>Creates the material; copies the arrays.</summary>
    public AttestationMaterial(ReadOnlySpan<byte> batchPrivateKey, ReadOnlySpan<byte> certificateDer, ReadOnlySpan<byte> aaguid)
    {
        if (batchPrivateKey.Length != 32)
        {
            throw new ArgumentException("The batch private key must be a 32-byte P-256 scalar.", nameof(batchPrivateKey));
        }

        if (aaguid.Length != 16)
        {
            throw new ArgumentException("The AAGUID must be 16 bytes.", nameof(aaguid));
        }

        if (certificateDer.Length == 0 || certificateDer.Length > 1024)
        {
            throw new ArgumentException("The batch certificate must be 1 to 1024 bytes of DER.", nameof(certificateDer));
        }

        BatchPrivateKey = batchPrivateKey.ToArray();
        CertificateDer = certificateDer.ToArray();
        Aaguid = aaguid.ToArray();
    }

    /// <summary>The batch private key (P-256 scalar, 32 bytes big-endian). Never leaves the authenticator.</summary>
    public byte[] BatchPrivateKey { get; }

    /// <summary>The batch certificate, DER.</summary>
    public byte[] CertificateDer { get; }

    /// <summary>The AAGUID, 16 bytes.</summary>
    public byte[] Aaguid { get; }
}
