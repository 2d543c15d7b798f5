using System.CommandLine;
using System.Net;
using Xous.Hosted;
using Xous.Vault.Host.Presence;
using Xous.Vault.Host.Serve;

// Child mode: `Xous.Hosted process <program>`, started by the kernel host with XOUS_SERVER etc. in the environment.
if (args.Length == 2 && args[0] == "process")
{
    HostedProgram? program = Programs.Find(args[1]);
    if (program is null)
    {
        Console.Error.WriteLine("xous-hosted: no program named " + args[1]);
        return 2;
    }

    // Ctrl-C in the terminal reaches every process of the group; the kernel host ends this one.
    Console.CancelKeyPress += (_, e) => e.Cancel = true;
    return HostedSystem.RunAsChild(program);
}

var processes = new Option<string>("--processes")
{
    Description = "How programs run: `os` (each an OS process on a local socket) or `inproc` (in-process units on in-memory streams).",
    DefaultValueFactory = _ => "os",
};
processes.AcceptOnlyFromAmong("os", "inproc");
var headless = new Option<bool>("--headless")
{
    Description = "No interactive terminal: don't read keys (q = quit, p = processes); for scripts and CI.",
};
var exitAfter = new Option<double?>("--exit-after")
{
    Description = "Shut down cleanly after this many seconds; the exit code is 0 if no process failed.",
};
var userPresence = new Option<string>("--user-presence")
{
    Description = "Vault's user presence: prompt (ask on this terminal: y approves; default) or auto (INSECURE: approves everything); also deny, timeout, delay=MS, file:PATH.",
    DefaultValueFactory = _ => "prompt",
};
var vaultPort = new Option<int>("--vault-port")
{
    Description = "Vault's CTAPHID-over-UDP port on 127.0.0.1 (0 picks a free one).",
    DefaultValueFactory = _ => VaultServiceOptions.DefaultPort,
};
var vaultState = new Option<string?>("--vault-state")
{
    Description = "Vault's state directory (PDDB image, key file, development attestation). Default: artifacts/run/vault in the repository.",
};
var vaultAttestation = new Option<string?>("--vault-attestation")
{
    Description = "An attestation folder from `./xous vault attestation`; default: generated into the state directory.",
};
var pddbPin = new Option<string?>("--pddb-pin")
{
    Description = "Vault's PDDB PIN (else $XOUS_PDDB_PIN, else asked on the terminal before start; never in --headless).",
};
var noVault = new Option<bool>("--no-vault") { Description = "Do not run Vault." };
var run = new Command("run", "Run the hosted Precursor: the kernel, the base services and the launch plan's programs, and Vault.")
{
    processes,
    headless,
    exitAfter,
    userPresence,
    vaultPort,
    vaultState,
    vaultAttestation,
    pddbPin,
    noVault,
};
run.SetAction(parse =>
{
    VaultServiceOptions? vault = null;
    if (!parse.GetValue(noVault))
    {
        if (!UserPresencePolicy.TryParse(parse.GetValue(userPresence), out UserPresencePolicy? policy, out string? error))
        {
            Console.Error.WriteLine("xous run: " + error);
            return 2;
        }

        int port = parse.GetValue(vaultPort);
        if (port is < 0 or > 65535)
        {
            Console.Error.WriteLine("xous run: --vault-port must be 0 to 65535");
            return 2;
        }

        vault = new VaultServiceOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, port),
            StateDirectory = parse.GetValue(vaultState) ?? DefaultVaultState(),
            UserPresence = policy!,
            AttestationDirectory = parse.GetValue(vaultAttestation),
        };
    }

    return Launcher.Run(
        parse.GetValue(processes) == "inproc" ? ProcessMode.InProcess : ProcessMode.OsProcess,
        parse.GetValue(headless),
        parse.GetValue(exitAfter),
        vault,
        parse.GetValue(pddbPin));
});

return new RootCommand("The hosted Precursor (Xous#).") { run }.Parse(args).Invoke();

// artifacts/run/vault under the repository ($XOUS_ROOT, set by ./xous), else under the working directory.
static string DefaultVaultState()
{
    string? root = Environment.GetEnvironmentVariable("XOUS_ROOT");
    return Path.Combine(string.IsNullOrEmpty(root) ? Directory.GetCurrentDirectory() : root, "artifacts", "run", "vault");
}
