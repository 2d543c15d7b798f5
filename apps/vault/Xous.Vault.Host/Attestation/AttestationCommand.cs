using Xous.Vault.Host.Serve;

namespace Xous.Vault.Host.Attestation;

/// <summary>
/// <c>xous-vault attestation --out DIR [--product-name NAME] [--force]</c> and <c>./xous vault attestation</c>: generates
/// an attestation CA and a batch certificate and writes the attestation folder (<see cref="AttestationFiles"/>).
/// </summary>
public static class AttestationCommand
{
    /// <summary>Generates and writes; reports to <paramref name="output"/> and <paramref name="errors"/>.</summary>
    /// <returns>0, or <see cref="VaultExitCodes.Attestation"/> when the folder cannot be written.</returns>
    public static int Run(string outputDirectory, string? productName, bool force, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        string product = string.IsNullOrEmpty(productName) ? AttestationGenerator.DefaultProductName : productName;
        try
        {
            using GeneratedAttestation generated = AttestationGenerator.Generate(product);
            AttestationFiles.Write(generated, outputDirectory, force);
            output.WriteLine("attestation for \"" + product + "\" written to " + Path.GetFullPath(outputDirectory) + ":");
            output.WriteLine("  " + AttestationFiles.CaCertificatePem + ", " + AttestationFiles.CaKeyPem + " (0600; keep the CA key offline)");
            output.WriteLine("  " + AttestationFiles.BatchCertificateDer + ", " + AttestationFiles.BatchCertificatePem + ", " + AttestationFiles.BatchKeyPem + " (0600)");
            output.WriteLine("  " + AttestationFiles.AaguidText + ": " + AttestationGenerator.FormatAaguid(generated.Aaguid));
            output.WriteLine("serve with: xous-vault serve --attestation " + outputDirectory);
            return VaultExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            errors.WriteLine("xous-vault attestation: " + e.Message);
            return VaultExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine("xous-vault attestation: " + e.Message);
            return VaultExitCodes.Attestation;
        }
    }
}
