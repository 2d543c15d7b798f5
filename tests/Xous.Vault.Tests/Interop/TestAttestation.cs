using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Interop;

/// <summary>
/// Attestation material for the in-process authenticator: a self-signed P-256 CA and a batch certificate meeting the
/// packed-attestation rules (X.509 v3, CA=false, OU="Authenticator Attestation", AAGUID extension), made with
/// System.Security.Cryptography so the relying party library sees an independent issuer.
/// </summary>
internal static class TestAttestation
{
    /// <summary>The AAGUID the tests use.</summary>
    public static readonly byte[] Aaguid = Convert.FromHexString("58f1b9a7d0c3470e9c4b2a6e1f00c0de");

    private static readonly Lazy<(AttestationMaterial Material, X509Certificate2 Root)> s_material = new(Create);

    /// <summary>The material (created once per test run).</summary>
    public static AttestationMaterial Material => s_material.Value.Material;

    /// <summary>The CA certificate that signed the batch certificate.</summary>
    public static X509Certificate2 Root => s_material.Value.Root;

    private static (AttestationMaterial, X509Certificate2) Create()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("C=CH, O=Xous Test, CN=Xous Test Attestation CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        X509Certificate2 root = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));

        using var batchKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var batchRequest = new CertificateRequest(
            "C=CH, O=Xous Test, OU=Authenticator Attestation, CN=Xous Test Batch", batchKey, HashAlgorithmName.SHA256);
        batchRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var aaguid = new AsnWriter(AsnEncodingRules.DER);
        aaguid.WriteOctetString(Aaguid);
        batchRequest.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.45724.1.1.4", aaguid.Encode(), false));
        using X509Certificate2 batch = batchRequest.Create(root, now.AddDays(-1), now.AddYears(15), [1, 2, 3, 4, 5, 6, 7, 8]);
        byte[] scalar = batchKey.ExportParameters(true).D!;
        var material = new AttestationMaterial(scalar, batch.RawData, Aaguid);
        CryptographicOperations.ZeroMemory(scalar);
        return (material, root);
    }
}
