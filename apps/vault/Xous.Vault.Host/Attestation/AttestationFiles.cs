using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using Xous.Vault.Environment;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Xous.Vault.Host.Attestation;

/// <summary>
/// The attestation folder: <c>ca-cert.pem</c>, <c>ca-key.pem</c> (0600), <c>batch-cert.der</c>, <c>batch-cert.pem</c>,
/// <c>batch-key.pem</c> (0600, PKCS#8) and <c>aaguid.txt</c>. Writes a <see cref="GeneratedAttestation"/> and loads the
/// batch half back as <see cref="AttestationMaterial"/> for <c>serve</c>.
/// </summary>
/// <remarks>
/// Threat notes: the CA key signs batch certificates and belongs offline; serve never reads it. The batch key is
/// shared by every authenticator of the batch (that is what batch attestation means); key files are created with
/// mode 0600 and their text is built in byte and char arrays that are zeroed, never in strings. Loading checks that
/// the key is a P-256 key and that it matches the certificate's public key.
/// </remarks>
public static class AttestationFiles
{
    /// <summary>The CA certificate (PEM).</summary>
    public const string CaCertificatePem = "ca-cert.pem";

    /// <summary>The CA private key (PKCS#8 PEM, mode 0600).</summary>
    public const string CaKeyPem = "ca-key.pem";

    /// <summary>The batch certificate (DER) — what serve puts into x5c.</summary>
    public const string BatchCertificateDer = "batch-cert.der";

    /// <summary>The batch certificate (PEM), for tools.</summary>
    public const string BatchCertificatePem = "batch-cert.pem";

    /// <summary>The batch private key (PKCS#8 PEM, mode 0600).</summary>
    public const string BatchKeyPem = "batch-key.pem";

    /// <summary>The AAGUID as text.</summary>
    public const string AaguidText = "aaguid.txt";

    private const string CertificateLabel = "CERTIFICATE";
    private const string PrivateKeyLabel = "PRIVATE KEY";
    private const string EcPrivateKeyLabel = "EC PRIVATE KEY";
    private const int MaxKeyFileBytes = 4096;

    /// <summary>
    /// Writes every file into <paramref name="directory"/> (created when missing). Without <paramref name="force"/> an
    /// existing key file is left alone and <see cref="IOException"/> is thrown, so a CA is never overwritten by mistake.
    /// </summary>
    public static void Write(GeneratedAttestation attestation, string directory, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        string caKey = Path.Combine(directory, CaKeyPem);
        string batchKey = Path.Combine(directory, BatchKeyPem);
        if (!force && (File.Exists(caKey) || File.Exists(batchKey)))
        {
            throw new IOException("attestation keys already exist in " + directory + " (use --force to replace them)");
        }

        WritePem(Path.Combine(directory, CaCertificatePem), CertificateLabel, attestation.CaCertificateDer, secret: false);
        WritePem(caKey, PrivateKeyLabel, attestation.CaPrivateKeyPkcs8, secret: true);
        WriteAll(Path.Combine(directory, BatchCertificateDer), attestation.BatchCertificateDer, secret: false);
        WritePem(Path.Combine(directory, BatchCertificatePem), CertificateLabel, attestation.BatchCertificateDer, secret: false);
        WritePem(batchKey, PrivateKeyLabel, attestation.BatchPrivateKeyPkcs8, secret: true);
        WriteAll(Path.Combine(directory, AaguidText), Encoding.ASCII.GetBytes(AttestationGenerator.FormatAaguid(attestation.Aaguid) + "\n"), secret: false);
    }

    /// <summary>Whether <paramref name="directory"/> holds the two files serve needs.</summary>
    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, BatchCertificateDer)) && File.Exists(Path.Combine(directory, BatchKeyPem));

    /// <summary>
    /// Loads <c>batch-cert.der</c> and <c>batch-key.pem</c> from <paramref name="directory"/>. The AAGUID comes from
    /// the certificate's AAGUID extension (else from <c>aaguid.txt</c>); when both exist they must agree.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing, malformed, or the key does not match the certificate.</exception>
    public static AttestationMaterial Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string certificatePath = Path.Combine(directory, BatchCertificateDer);
        string keyPath = Path.Combine(directory, BatchKeyPem);
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            throw new InvalidDataException("the attestation folder " + directory + " needs " + BatchCertificateDer + " and " + BatchKeyPem);
        }

        byte[] certificateDer = File.ReadAllBytes(certificatePath);
        X509Certificate certificate;
        try
        {
            certificate = new X509CertificateParser().ReadCertificate(certificateDer)
                          ?? throw new InvalidDataException(certificatePath + " holds no certificate");
        }
        catch (Exception e) when (e is CertificateException or IOException or ArgumentException or InvalidCastException)
        {
            throw new InvalidDataException(certificatePath + " is not a DER X.509 certificate");
        }

        if (certificate.GetPublicKey() is not ECPublicKeyParameters certificateKey)
        {
            throw new InvalidDataException(certificatePath + " does not hold an EC public key");
        }

        byte[] aaguid = AaguidOf(certificate) ?? ReadAaguidText(directory)
                        ?? throw new InvalidDataException("no AAGUID: " + certificatePath + " has no AAGUID extension and " + AaguidText + " is missing");
        byte[]? textAaguid = ReadAaguidText(directory);
        if (textAaguid is not null && !textAaguid.AsSpan().SequenceEqual(aaguid))
        {
            throw new InvalidDataException(AaguidText + " does not match the AAGUID extension of " + certificatePath);
        }

        byte[] scalar = ReadPrivateScalar(keyPath);
        try
        {
            ECPoint derived = certificateKey.Parameters.G.Multiply(new BigInteger(1, scalar)).Normalize();
            if (!derived.Equals(certificateKey.Q.Normalize()))
            {
                throw new InvalidDataException(keyPath + " does not belong to the certificate in " + certificatePath);
            }

            return new AttestationMaterial(scalar, certificateDer, aaguid);
        }
        finally
        {
            scalar.AsSpan().Clear();
        }
    }

    /// <summary>The AAGUID extension's 16 bytes, or null when the certificate has none.</summary>
    /// <exception cref="InvalidDataException">The extension is present but is not an OCTET STRING of 16 bytes.</exception>
    public static byte[]? AaguidOf(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Asn1OctetString? value = certificate.GetExtensionValue(new DerObjectIdentifier(AttestationGenerator.AaguidExtensionOid));
        if (value is null)
        {
            return null;
        }

        try
        {
            byte[] inner = Asn1OctetString.GetInstance(Asn1Object.FromByteArray(value.GetOctets())).GetOctets();
            return inner.Length == 16 ? inner : throw new InvalidDataException("the AAGUID extension does not hold 16 bytes");
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw new InvalidDataException("the AAGUID extension is not an OCTET STRING");
        }
    }

    /// <summary>A P-256 private scalar as 32 big-endian bytes.</summary>
    public static byte[] Scalar32(BigInteger d)
    {
        ArgumentNullException.ThrowIfNull(d);
        byte[] raw = d.ToByteArrayUnsigned();
        if (raw.Length > 32)
        {
            raw.AsSpan().Clear();
            throw new ArgumentException("the scalar does not fit 32 bytes", nameof(d));
        }

        byte[] scalar = new byte[32];
        raw.CopyTo(scalar, 32 - raw.Length);
        raw.AsSpan().Clear();
        return scalar;
    }

    private static byte[] ReadPrivateScalar(string keyPath)
    {
        var info = new FileInfo(keyPath);
        if (info.Length > MaxKeyFileBytes)
        {
            throw new InvalidDataException(keyPath + " is too large for a P-256 key");
        }

        byte[] file = File.ReadAllBytes(keyPath);
        byte[]? der = null;
        try
        {
            der = DecodePem(file, PrivateKeyLabel, out bool pkcs8) ?? throw new InvalidDataException(keyPath + " holds no PRIVATE KEY or EC PRIVATE KEY block");
            ECPrivateKeyParameters key;
            try
            {
                if (pkcs8)
                {
                    key = PrivateKeyFactory.CreateKey(der) as ECPrivateKeyParameters
                          ?? throw new InvalidDataException(keyPath + " is not an EC private key");
                }
                else
                {
                    var structure = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(der));
                    key = new ECPrivateKeyParameters("EC", structure.GetKey(), SecObjectIdentifiers.SecP256r1);
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or SecurityUtilityException)
            {
                throw new InvalidDataException(keyPath + " is not a PKCS#8 or SEC1 EC private key");
            }

            if (key.PublicKeyParamSet is not null && !key.PublicKeyParamSet.Equals(SecObjectIdentifiers.SecP256r1))
            {
                throw new InvalidDataException(keyPath + " is not a P-256 key");
            }

            return Scalar32(key.D);
        }
        finally
        {
            file.AsSpan().Clear();
            der?.AsSpan().Clear();
        }
    }

    // Finds "-----BEGIN PRIVATE KEY-----" (PKCS#8) or "-----BEGIN EC PRIVATE KEY-----" (SEC1) and decodes its base64
    // without making strings of the key text.
    private static byte[]? DecodePem(byte[] file, string pkcs8Label, out bool pkcs8)
    {
        pkcs8 = true;
        int start = IndexOf(file, Encoding.ASCII.GetBytes("-----BEGIN " + pkcs8Label + "-----"), out int headerLength);
        string label = pkcs8Label;
        if (start < 0)
        {
            start = IndexOf(file, Encoding.ASCII.GetBytes("-----BEGIN " + EcPrivateKeyLabel + "-----"), out headerLength);
            label = EcPrivateKeyLabel;
            pkcs8 = false;
        }

        if (start < 0)
        {
            return null;
        }

        int bodyStart = start + headerLength;
        int end = IndexOf(file.AsSpan(bodyStart).ToArray(), Encoding.ASCII.GetBytes("-----END " + label + "-----"), out _);
        if (end < 0)
        {
            return null;
        }

        char[] base64 = new char[end];
        int count = 0;
        byte[] der = new byte[end];
        try
        {
            for (int i = bodyStart; i < bodyStart + end; i++)
            {
                byte b = file[i];
                if (b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                {
                    continue;
                }

                base64[count++] = (char)b;
            }

            if (!Convert.TryFromBase64Chars(base64.AsSpan(0, count), der, out int written))
            {
                throw new InvalidDataException("the PEM block is not valid base64");
            }

            return der.AsSpan(0, written).ToArray();
        }
        finally
        {
            base64.AsSpan().Clear();
            der.AsSpan().Clear();
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, out int length)
    {
        length = needle.Length;
        return haystack.AsSpan().IndexOf(needle);
    }

    private static byte[]? ReadAaguidText(string directory)
    {
        string path = Path.Combine(directory, AaguidText);
        if (!File.Exists(path))
        {
            return null;
        }

        string text = File.ReadAllText(path).Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        try
        {
            byte[] bytes = Convert.FromHexString(text);
            return bytes.Length == 16 ? bytes : throw new InvalidDataException(path + " does not hold a 16-byte AAGUID");
        }
        catch (FormatException)
        {
            throw new InvalidDataException(path + " does not hold a hexadecimal AAGUID");
        }
    }

    private static void WritePem(string path, string label, byte[] der, bool secret)
    {
        byte[] header = Encoding.ASCII.GetBytes("-----BEGIN " + label + "-----\n");
        byte[] footer = Encoding.ASCII.GetBytes("-----END " + label + "-----\n");
        char[] base64 = new char[((der.Length + 2) / 3) * 4];
        int lines = (base64.Length + 63) / 64;
        byte[] text = new byte[header.Length + base64.Length + lines + footer.Length];
        try
        {
            if (!Convert.TryToBase64Chars(der, base64, out int written) || written != base64.Length)
            {
                throw new InvalidOperationException("base64 encoding failed");
            }

            header.CopyTo(text, 0);
            int position = header.Length;
            for (int i = 0; i < base64.Length; i++)
            {
                text[position++] = (byte)base64[i];
                if (i % 64 == 63 || i == base64.Length - 1)
                {
                    text[position++] = (byte)'\n';
                }
            }

            footer.CopyTo(text, position);
            WriteAll(path, text, secret);
        }
        finally
        {
            base64.AsSpan().Clear();
            text.AsSpan().Clear();
        }
    }

    private static void WriteAll(string path, byte[] bytes, bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.Delete(path); // UnixCreateMode applies only when the file is created
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
