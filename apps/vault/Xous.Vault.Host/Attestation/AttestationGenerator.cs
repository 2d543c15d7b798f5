using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Xous.Vault.Host.Attestation;

/// <summary>
/// Generates a build's "packed" attestation material with BouncyCastle: an attestation CA (self-signed P-256,
/// CA=true) and a batch key with its certificate signed by the CA — X.509 v3, BasicConstraints CA=false (present,
/// critical), subject C/O/OU="Authenticator Attestation"/CN, and the FIDO AAGUID extension 1.3.6.1.4.1.45724.1.1.4
/// (non-critical, an OCTET STRING holding the 16-byte AAGUID as an OCTET STRING). These are the requirements of
/// python-fido2's packed verifier, libfido2/pamu2fcfg (x5c) and the Fido2 relying-party library
/// (fido-clients.md §2.2, §9.1).
/// </summary>
public static class AttestationGenerator
{
    /// <summary>The product name of the Xous# Vault, and the default of <c>--product-name</c>.</summary>
    public const string DefaultProductName = "Xous# Precursor Vault";

    /// <summary>The AAGUID of "Xous# Precursor Vault" in text form (fixed; chosen at random once for this product).</summary>
    public const string XousPrecursorVaultAaguidText = "e471bffe-75fd-405b-9dad-043b80b1047e";

    /// <summary>The OID of the FIDO AAGUID certificate extension (id-fido-gen-ce-aaguid).</summary>
    public const string AaguidExtensionOid = "1.3.6.1.4.1.45724.1.1.4";

    /// <summary>The OU every FIDO attestation certificate carries.</summary>
    public const string AttestationOrganizationalUnit = "Authenticator Attestation";

    /// <summary>The country in the subjects (a placeholder: the project has no registered seat).</summary>
    public const string Country = "US";

    /// <summary>The organisation in the subjects.</summary>
    public const string Organization = "Xous#";

    /// <summary>The last day of validity of generated certificates (long-lived, as batch certificates are).</summary>
    public static readonly DateTime NotAfter = new(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>The 16 AAGUID bytes of "Xous# Precursor Vault" (RFC 4122 byte order).</summary>
    public static byte[] XousPrecursorVaultAaguid() => Convert.FromHexString(XousPrecursorVaultAaguidText.Replace("-", string.Empty, StringComparison.Ordinal));

    /// <summary>
    /// The AAGUID of a product: the fixed <see cref="XousPrecursorVaultAaguidText"/> for <see cref="DefaultProductName"/>;
    /// for another name, a name-based UUID (version 8, RFC 9562) from SHA-256 of "xous-vault aaguid:" ‖ name, so each
    /// product name keeps one AAGUID across builds.
    /// </summary>
    public static byte[] AaguidFor(string productName)
    {
        ArgumentNullException.ThrowIfNull(productName);
        if (productName == DefaultProductName)
        {
            return XousPrecursorVaultAaguid();
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("xous-vault aaguid:" + productName));
        byte[] aaguid = hash.AsSpan(0, 16).ToArray();
        aaguid[6] = (byte)((aaguid[6] & 0x0F) | 0x80);
        aaguid[8] = (byte)((aaguid[8] & 0x3F) | 0x80);
        return aaguid;
    }

    /// <summary>The AAGUID in its usual text form (lower-case, with hyphens).</summary>
    public static string FormatAaguid(ReadOnlySpan<byte> aaguid)
    {
        if (aaguid.Length != 16)
        {
            throw new ArgumentException("an AAGUID is 16 bytes", nameof(aaguid));
        }

        string hex = Convert.ToHexStringLower(aaguid);
        return hex[..8] + "-" + hex[8..12] + "-" + hex[12..16] + "-" + hex[16..20] + "-" + hex[20..];
    }

    /// <summary>Generates a CA and a batch certificate for <paramref name="productName"/>.</summary>
    /// <param name="productName">The product (1 to 64 characters); goes into the CNs and selects the AAGUID.</param>
    /// <param name="now">The start of validity (a day earlier is used, for clocks that lag).</param>
    /// <returns>The material; dispose it to wipe the private keys' copies.</returns>
    public static GeneratedAttestation Generate(string productName = DefaultProductName, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(productName);
        if (productName.Length is 0 or > 64 || productName.Any(char.IsControl))
        {
            throw new ArgumentException("the product name must be 1 to 64 printable characters", nameof(productName));
        }

        var random = new SecureRandom();
        DateTime notBefore = (now ?? DateTime.UtcNow).ToUniversalTime().Date.AddDays(-1);
        byte[] aaguid = AaguidFor(productName);

        AsymmetricCipherKeyPair caKeys = GenerateKeyPair(random);
        AsymmetricCipherKeyPair batchKeys = GenerateKeyPair(random);
        SubjectPublicKeyInfo caPublic = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(caKeys.Public);
        SubjectPublicKeyInfo batchPublic = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(batchKeys.Public);

        X509Name caName = Name(productName + " Attestation CA", organizationalUnit: null);
        var ca = new X509V3CertificateGenerator();
        ca.SetSerialNumber(NewSerial(random));
        ca.SetIssuerDN(caName);
        ca.SetSubjectDN(caName);
        ca.SetNotBefore(notBefore);
        ca.SetNotAfter(NotAfter);
        ca.SetPublicKey(caKeys.Public);
        ca.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        ca.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        ca.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifier(caPublic)));
        X509Certificate caCertificate = ca.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", caKeys.Private, random));

        var batch = new X509V3CertificateGenerator();
        batch.SetSerialNumber(NewSerial(random));
        batch.SetIssuerDN(caName);
        batch.SetSubjectDN(Name(productName + " Batch Attestation", AttestationOrganizationalUnit));
        batch.SetNotBefore(notBefore);
        batch.SetNotAfter(NotAfter);
        batch.SetPublicKey(batchKeys.Public);
        batch.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        batch.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        batch.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifier(batchPublic)));
        batch.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(KeyIdentifier(caPublic)));
        batch.AddExtension(new DerObjectIdentifier(AaguidExtensionOid), false, new DerOctetString(aaguid));
        X509Certificate batchCertificate = batch.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", caKeys.Private, random));

        var batchPrivate = (ECPrivateKeyParameters)batchKeys.Private;
        return new GeneratedAttestation(
            productName,
            aaguid,
            caCertificate.GetEncoded(),
            PrivateKeyInfoFactory.CreatePrivateKeyInfo(caKeys.Private).GetEncoded(),
            batchCertificate.GetEncoded(),
            PrivateKeyInfoFactory.CreatePrivateKeyInfo(batchKeys.Private).GetEncoded(),
            AttestationFiles.Scalar32(batchPrivate.D));
    }

    private static AsymmetricCipherKeyPair GenerateKeyPair(SecureRandom random)
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        return generator.GenerateKeyPair();
    }

    private static X509Name Name(string commonName, string? organizationalUnit)
    {
        var oids = new List<DerObjectIdentifier> { X509Name.C, X509Name.O };
        var values = new List<string> { Country, Organization };
        if (organizationalUnit is not null)
        {
            oids.Add(X509Name.OU);
            values.Add(organizationalUnit);
        }

        oids.Add(X509Name.CN);
        values.Add(commonName);
        return new X509Name(oids, values);
    }

    private static BigInteger NewSerial(SecureRandom random)
    {
        byte[] bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        bytes[0] |= 0x01;
        return new BigInteger(1, bytes);
    }

    // RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's bytes.
    private static byte[] KeyIdentifier(SubjectPublicKeyInfo publicKey) => SHA1.HashData(publicKey.PublicKey.GetBytes());
}

/// <summary>
/// A freshly generated attestation: the CA and batch certificates (DER), both private keys (PKCS#8 DER) and the batch
/// scalar. <see cref="Dispose"/> zeroes the private key arrays (BouncyCastle's own big integers cannot be wiped).
/// </summary>
public sealed class GeneratedAttestation : IDisposable
{
    internal GeneratedAttestation(string productName, byte[] aaguid, byte[] caCertificateDer, byte[] caPrivateKeyPkcs8, byte[] batchCertificateDer, byte[] batchPrivateKeyPkcs8, byte[] batchPrivateScalar)
    {
        ProductName = productName;
        Aaguid = aaguid;
        CaCertificateDer = caCertificateDer;
        CaPrivateKeyPkcs8 = caPrivateKeyPkcs8;
        BatchCertificateDer = batchCertificateDer;
        BatchPrivateKeyPkcs8 = batchPrivateKeyPkcs8;
        BatchPrivateScalar = batchPrivateScalar;
    }

    /// <summary>The product name in the certificates.</summary>
    public string ProductName { get; }

    /// <summary>The AAGUID (16 bytes).</summary>
    public byte[] Aaguid { get; }

    /// <summary>The CA certificate, DER.</summary>
    public byte[] CaCertificateDer { get; }

    /// <summary>The CA private key, PKCS#8 DER. Secret.</summary>
    public byte[] CaPrivateKeyPkcs8 { get; }

    /// <summary>The batch certificate, DER (what goes into x5c).</summary>
    public byte[] BatchCertificateDer { get; }

    /// <summary>The batch private key, PKCS#8 DER. Secret.</summary>
    public byte[] BatchPrivateKeyPkcs8 { get; }

    /// <summary>The batch private key as a 32-byte big-endian scalar. Secret.</summary>
    public byte[] BatchPrivateScalar { get; }

    /// <summary>Zeroes the private key arrays.</summary>
    public void Dispose()
    {
        CaPrivateKeyPkcs8.AsSpan().Clear();
        BatchPrivateKeyPkcs8.AsSpan().Clear();
        BatchPrivateScalar.AsSpan().Clear();
    }
}
