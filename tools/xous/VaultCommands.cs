using System.CommandLine;
using Xous.Vault.Host.Attestation;

namespace Xous.Tool;

/// <summary>
/// <c>./xous vault attestation --out DIR [--product-name NAME] [--force]</c>: the attestation generator of
/// <c>apps/vault/Xous.Vault.Host</c> (<see cref="AttestationCommand"/>), which holds the logic; this class only
/// declares the options.
/// </summary>
internal static class VaultCommands
{
    /// <summary>The <c>vault</c> command with its verbs.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder for ca-cert.pem, ca-key.pem, batch-cert.der/.pem, batch-key.pem and aaguid.txt.", Required = true };
        var productName = new Option<string>("--product-name")
        {
            Description = "The product in the certificates; \"" + AttestationGenerator.DefaultProductName + "\" (default) has the fixed AAGUID " +
                          AttestationGenerator.XousPrecursorVaultAaguidText + ".",
            DefaultValueFactory = _ => AttestationGenerator.DefaultProductName,
        };
        var force = new Option<bool>("--force") { Description = "Replace existing key files in the folder." };
        var attestation = new Command("attestation", "Generate an attestation CA and a batch certificate and key for packed attestation (x5c).")
        {
            output,
            productName,
            force,
        };
        attestation.SetAction(parse => AttestationCommand.Run(parse.GetValue(output)!, parse.GetValue(productName), parse.GetValue(force), Console.Out, Console.Error));
        return new Command("vault", "Vault on this PC: `attestation` makes a build's attestation material. The authenticator itself runs in `./xous run`.")
        {
            attestation,
        };
    }
}
