using System.CommandLine;
using Xous.Tool;

// `run` and `bench` hand their arguments, unparsed and in order, to the program they start.
if (args.Length > 0 && args[0] is "run" or "bench")
{
    RepositoryLayout layout = RepositoryLayout.Locate();
    return args[0] == "run" ? HostedCommands.Run(layout, args[1..]) : HostedCommands.Bench(layout, args[1..]);
}

var configuration = new Option<string>("--configuration", "-c")
{
    Description = "Build configuration.",
    DefaultValueFactory = _ => "Debug",
};

var device = new Option<bool>("--device")
{
    Description = "Build the device flavour: every device-profile assembly against Xous.CoreLib alone.",
};

var build = new Command("build", "Build the solution (host flavour), or with --device the device flavour.")
{
    device,
    configuration,
};
build.SetAction(parse => Commands.Build(RepositoryLayout.Locate(), parse.GetValue(device), parse.GetValue(configuration)!));

var test = new Command("test", "Build both flavours, check formatting and run every test suite; prints the counts.")
{
    configuration,
};
test.SetAction(parse => Commands.Test(RepositoryLayout.Locate(), parse.GetValue(configuration)!));
var differential = new Command("differential", "Only the compiler's differential suite: every tests/differential program on the host and as RV32 in QEMU.")
{
    configuration,
};
differential.SetAction(parse => Commands.TestDifferential(RepositoryLayout.Locate(), parse.GetValue(configuration)!));
test.Subcommands.Add(differential);

var root = new RootCommand("Xous#: the Precursor firmware and microkernel OS in C#. See README.md.")
{
    build,
    test,
    new Command("run", "Run the hosted Precursor (kernel, base services, programs, Vault on udp 127.0.0.1:8111); `./xous run --help` lists its options."),
    new Command("bench", "Run a benchmark suite, e.g. `./xous bench ipc`; figures go to docs/benchmarks.md."),
    PddbCommands.Create(),
    VaultCommands.Create(),
};

return root.Parse(args).Invoke();
