using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xous.Vault.Environment;
using Xous.Vault.Host.Attestation;

namespace Xous.Vault.Tests.Host;

/// <summary>The attestation generator's certificates, parsed by .NET's own X.509 code, and the files serve loads.</summary>
public sealed class AttestationGeneratorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void BatchCertificateMeetsThePackedAttestationRequirements()
    {
        using GeneratedAttestation generated = AttestationGenerator.Generate();
        using var certificate = X509CertificateLoader.LoadCertificate(generated.BatchCertificateDer);

        Assert.Equal(3, certificate.Version);
        X509BasicConstraintsExtension constraints = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(constraints.CertificateAuthority);

        X500DistinguishedName subject = certificate.SubjectName;
        var parts = subject.EnumerateRelativeDistinguishedNames().ToDictionary(n => n.GetSingleElementType().Value!, n => n.GetSingleElementValue());
        Assert.Equal("Authenticator Attestation", parts["2.5.4.11"]);
        Assert.Equal("US", parts["2.5.4.6"]);
        Assert.Equal("Xous#", parts["2.5.4.10"]);
        Assert.Equal("Xous# Precursor Vault Batch Attestation", parts["2.5.4.3"]);

        X509Extension aaguid = Assert.Single(certificate.Extensions.Cast<X509Extension>(), e => e.Oid!.Value == "1.3.6.1.4.1.45724.1.1.4");
        Assert.False(aaguid.Critical);
        byte[] expected = [0x04, 0x10, .. Convert.FromHexString("e471bffe75fd405b9dad043b80b1047e")];
        Assert.Equal(expected, aaguid.RawData);
        Assert.Equal(AttestationGenerator.XousPrecursorVaultAaguid(), generated.Aaguid);
        Assert.True(certificate.NotAfter.ToUniversalTime().Year >= 2099);
        Assert.Equal("1.2.840.10045.2.1", certificate.PublicKey.Oid.Value); // id-ecPublicKey
        Assert.Equal(256, certificate.GetECDsaPublicKey()!.KeySize);
    }

    [Fact]
    public void BatchCertificateChainsToItsCaAndNotToAnotherOne()
    {
        using GeneratedAttestation generated = AttestationGenerator.Generate();
        using GeneratedAttestation other = AttestationGenerator.Generate();
        using var batch = X509CertificateLoader.LoadCertificate(generated.BatchCertificateDer);
        using var ca = X509CertificateLoader.LoadCertificate(generated.CaCertificateDer);
        using var otherCa = X509CertificateLoader.LoadCertificate(other.CaCertificateDer);

        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(ca.SubjectName.RawData, batch.IssuerName.RawData);
        Assert.True(BuildChain(batch, ca), "the batch certificate does not chain to its CA");
        Assert.False(BuildChain(batch, otherCa), "the batch certificate chains to a foreign CA");
    }

    [Fact]
    public void FilesRoundTripIntoAttestationMaterialWhoseKeyMatchesTheCertificate()
    {
        using GeneratedAttestation generated = AttestationGenerator.Generate();
        AttestationFiles.Write(generated, _directory.Path);
        AttestationMaterial material = AttestationFiles.Load(_directory.Path);

        Assert.Equal(generated.BatchCertificateDer, material.CertificateDer);
        Assert.Equal(generated.BatchPrivateScalar, material.BatchPrivateKey);
        Assert.Equal(generated.Aaguid, material.Aaguid);
        Assert.Equal("e471bffe-75fd-405b-9dad-043b80b1047e\n", File.ReadAllText(Path.Combine(_directory.Path, "aaguid.txt")));

        // A signature made with the loaded scalar verifies under the certificate's public key.
        using var certificate = X509CertificateLoader.LoadCertificate(material.CertificateDer);
        using ECDsa verifier = certificate.GetECDsaPublicKey()!;
        ECParameters publicParameters = verifier.ExportParameters(false);
        using var signer = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = material.BatchPrivateKey, Q = publicParameters.Q });
        byte[] signature = signer.SignData("challenge"u8, HashAlgorithmName.SHA256);
        Assert.True(verifier.VerifyData("challenge"u8, signature, HashAlgorithmName.SHA256));

        // The PEM certificate is the DER one, and OpenSSL-style tools can read the files.
        using var pem = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_directory.Path, "batch-cert.pem")));
        Assert.Equal(generated.BatchCertificateDer, pem.RawData);
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_directory.Path, "ca-cert.pem")));
        Assert.Equal(generated.CaCertificateDer, ca.RawData);
        using var pkcs8 = ECDsa.Create();
        pkcs8.ImportFromPem(File.ReadAllText(Path.Combine(_directory.Path, "batch-key.pem")));
        Assert.Equal(material.BatchPrivateKey, pkcs8.ExportParameters(true).D);
    }

    [Fact]
    public void KeyFilesAreOwnerOnlyAndAreNotOverwrittenWithoutForce()
    {
        using GeneratedAttestation first = AttestationGenerator.Generate();
        using GeneratedAttestation second = AttestationGenerator.Generate();
        AttestationFiles.Write(first, _directory.Path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory.Path, "batch-key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory.Path, "ca-key.pem")));
        }

        Assert.Throws<IOException>(() => AttestationFiles.Write(second, _directory.Path));
        Assert.Equal(first.BatchCertificateDer, AttestationFiles.Load(_directory.Path).CertificateDer);
        AttestationFiles.Write(second, _directory.Path, force: true);
        Assert.Equal(second.BatchCertificateDer, AttestationFiles.Load(_directory.Path).CertificateDer);
    }

    [Fact]
    public void LoadRefusesAKeyOfAnotherCertificateAndMissingOrDamagedFiles()
    {
        Assert.Throws<InvalidDataException>(() => AttestationFiles.Load(_directory.Path));

        using GeneratedAttestation first = AttestationGenerator.Generate();
        using GeneratedAttestation second = AttestationGenerator.Generate();
        AttestationFiles.Write(first, _directory.Path);
        File.Copy(Path.Combine(WriteElsewhere(second), "batch-key.pem"), Path.Combine(_directory.Path, "batch-key.pem"), overwrite: true);
        InvalidDataException mismatch = Assert.Throws<InvalidDataException>(() => AttestationFiles.Load(_directory.Path));
        Assert.Contains("does not belong", mismatch.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_directory.Path, "batch-key.pem"), "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");
        Assert.Throws<InvalidDataException>(() => AttestationFiles.Load(_directory.Path));

        File.WriteAllBytes(Path.Combine(_directory.Path, "batch-cert.der"), [0x30, 0x03, 0x02, 0x01, 0x00]);
        Assert.Throws<InvalidDataException>(() => AttestationFiles.Load(_directory.Path));
    }

    [Fact]
    public void LoadRefusesAnAaguidTextThatDisagreesWithTheCertificate()
    {
        using GeneratedAttestation generated = AttestationGenerator.Generate();
        AttestationFiles.Write(generated, _directory.Path);
        File.WriteAllText(Path.Combine(_directory.Path, "aaguid.txt"), "00000000-0000-0000-0000-000000000001\n");
        Assert.Throws<InvalidDataException>(() => AttestationFiles.Load(_directory.Path));
    }

    [Fact]
    public void OtherProductNamesGetTheirOwnStableAaguid()
    {
        byte[] a = AttestationGenerator.AaguidFor("Test Product");
        Assert.Equal(a, AttestationGenerator.AaguidFor("Test Product"));
        Assert.NotEqual(a, AttestationGenerator.AaguidFor("Test Product 2"));
        Assert.NotEqual(AttestationGenerator.XousPrecursorVaultAaguid(), a);
        Assert.Equal(0x80, a[6] & 0xF0); // version 8
        Assert.Equal(0x80, a[8] & 0xC0); // RFC variant

        using GeneratedAttestation generated = AttestationGenerator.Generate("Test Product");
        using var certificate = X509CertificateLoader.LoadCertificate(generated.BatchCertificateDer);
        Assert.Contains("CN=Test Product Batch Attestation", certificate.Subject, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AttestationGenerator.Generate(string.Empty));
        Assert.Throws<ArgumentException>(() => AttestationGenerator.Generate("bad\nname"));
    }

    [Fact]
    public void CommandWritesTheFolderAndReportsAnExistingOne()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, AttestationCommand.Run(_directory.Path, null, false, output, errors));
        Assert.Contains("e471bffe-75fd-405b-9dad-043b80b1047e", output.ToString(), StringComparison.Ordinal);
        Assert.True(AttestationFiles.Exists(_directory.Path));

        Assert.Equal(5, AttestationCommand.Run(_directory.Path, null, false, output, errors));
        Assert.Contains("already exist", errors.ToString(), StringComparison.Ordinal);
    }

    private string WriteElsewhere(GeneratedAttestation attestation)
    {
        string other = Path.Combine(_directory.Path, "other");
        AttestationFiles.Write(attestation, other);
        return other;
    }

    private static bool BuildChain(X509Certificate2 leaf, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
