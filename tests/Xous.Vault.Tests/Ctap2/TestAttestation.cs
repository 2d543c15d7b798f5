using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Ctap2;

/// <summary>A batch attestation key and certificate made with BouncyCastle once per test run.</summary>
public static class TestAttestation
{
    private static readonly Lazy<(AttestationMaterial Material, ECPublicKeyParameters PublicKey)> s_material = new(Create);

    public static AttestationMaterial Material => s_material.Value.Material;

    public static ECPublicKeyParameters PublicKey => s_material.Value.PublicKey;

    public static byte[] Aaguid { get; } = Convert.FromHexString("58756f7356617574546573744161677a");

    private static (AttestationMaterial, ECPublicKeyParameters) Create()
    {
        SecureRandom random = new(new Org.BouncyCastle.Crypto.Prng.DigestRandomGenerator(new Org.BouncyCastle.Crypto.Digests.Sha256Digest()));
        random.SetSeed(7);
        ECKeyPairGenerator generator = new();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
        X509V3CertificateGenerator certificate = new();
        X509Name subject = new("C=CH, O=Xous, OU=Authenticator Attestation, CN=Xous Vault Test Batch");
        certificate.SetSerialNumber(BigInteger.One);
        certificate.SetIssuerDN(subject);
        certificate.SetSubjectDN(subject);
        certificate.SetNotBefore(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetNotAfter(new DateTime(2044, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetPublicKey(pair.Public);
        certificate.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        certificate.AddExtension(new DerObjectIdentifier("1.3.6.1.4.1.45724.1.1.4"), false, new DerOctetString(Aaguid));
        X509Certificate cert = certificate.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, random));
        byte[] d = ((ECPrivateKeyParameters)pair.Private).D.ToByteArrayUnsigned();
        byte[] scalar = new byte[32];
        d.CopyTo(scalar, 32 - d.Length);
        return (new AttestationMaterial(scalar, cert.GetEncoded(), Aaguid), (ECPublicKeyParameters)pair.Public);
    }
}
