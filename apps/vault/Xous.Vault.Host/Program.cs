using System.CommandLine;
using System.Net;
using Xous.Vault.Host.Attestation;
using Xous.Vault.Host.Presence;
using Xous.Vault.Host.Serve;

namespace Xous.Vault.Host;

/// <summary>
/// <c>xous-vault</c>: Vault on a PC. <c>serve</c> runs the authenticator (CTAPHID over UDP, optionally /dev/uhid) on a
/// PDDB image in a state directory; <c>attestation</c> generates an attestation CA and batch certificate. See README.md.
/// </summary>
internal static class Program
{
    private static int Main(string[] args) => CreateRoot().Parse(args).Invoke();

    private static RootCommand CreateRoot()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "UDP HOST:PORT for CTAPHID (one 64-byte report per datagram); port 0 picks a free one. PORT=<n> is printed on stdout.",
            DefaultValueFactory = _ => "127.0.0.1:" + VaultServiceOptions.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var stateDirectory = new Option<string?>("--state-dir")
        {
            Description = "Where the PDDB image (vault.pddb + vault.pddb.keys) and a generated attestation live. Default $XDG_DATA_HOME/xous-vault or ~/.local/share/xous-vault.",
        };
        var userPresence = new Option<string>("--user-presence")
        {
            Description = "prompt (ask on this terminal; default), auto (INSECURE), deny, timeout, delay=MS (INSECURE), file:PATH (tests: the word is read at each request).",
            DefaultValueFactory = _ => "prompt",
        };
        var uhid = new Option<bool>("--uhid") { Description = "Also appear as a FIDO HID device through /dev/uhid (Linux; needs write access)." };
        var attestation = new Option<string?>("--attestation")
        {
            Description = "Folder from `xous-vault attestation` (batch-cert.der, batch-key.pem). Without it a development attestation is generated into STATE/attestation.",
        };
        var pddbPin = new Option<string?>("--pddb-pin")
        {
            Description = "The PDDB PIN (else $XOUS_PDDB_PIN, else asked without echo). Visible in the process list: prefer the prompt.",
        };
        var clockOffset = new Option<long>("--boot-clock-offset-ms")
        {
            Description = "TEST HOOK: add this to the uptime clock, e.g. 11000 to close the 10 s reset window without waiting.",
        };
        var serve = new Command("serve", "Run the authenticator until SIGINT/SIGTERM.")
        {
            listen, stateDirectory, userPresence, uhid, attestation, pddbPin, clockOffset,
        };
        serve.SetAction(parse =>
        {
            if (!VaultServiceOptions.TryParseListen(parse.GetValue(listen)!, out IPEndPoint? endPoint, out string? error) ||
                !UserPresencePolicy.TryParse(parse.GetValue(userPresence), out UserPresencePolicy? policy, out error))
            {
                Console.Error.WriteLine("xous-vault serve: " + error);
                return VaultExitCodes.Usage;
            }

            long offset = parse.GetValue(clockOffset);
            if (offset < 0)
            {
                Console.Error.WriteLine("xous-vault serve: --boot-clock-offset-ms must be 0 or more");
                return VaultExitCodes.Usage;
            }

            var options = new VaultServiceOptions
            {
                Listen = endPoint!,
                StateDirectory = parse.GetValue(stateDirectory) ?? VaultServiceOptions.DefaultStateDirectory(),
                UserPresence = policy!,
                Uhid = parse.GetValue(uhid),
                AttestationDirectory = parse.GetValue(attestation),
                BootClockOffsetMilliseconds = offset,
            };
            return ServeCommand.Run(options, parse.GetValue(pddbPin));
        });

        var output = new Option<string>("--out") { Description = "The folder to write the attestation files into.", Required = true };
        var productName = new Option<string>("--product-name")
        {
            Description = "The product in the certificates' CN; \"" + AttestationGenerator.DefaultProductName + "\" has the fixed AAGUID " +
                          AttestationGenerator.XousPrecursorVaultAaguidText + ".",
            DefaultValueFactory = _ => AttestationGenerator.DefaultProductName,
        };
        var force = new Option<bool>("--force") { Description = "Replace existing key files in the folder." };
        var generate = new Command("attestation", "Generate an attestation CA and a batch certificate (packed attestation with x5c).")
        {
            output, productName, force,
        };
        generate.SetAction(parse => AttestationCommand.Run(parse.GetValue(output)!, parse.GetValue(productName), parse.GetValue(force), Console.Out, Console.Error));

        return new RootCommand("xous-vault: the Xous# Vault FIDO authenticator on a PC (CTAPHID over UDP or /dev/uhid, storage in a PDDB image).")
        {
            serve,
            generate,
        };
    }
}
