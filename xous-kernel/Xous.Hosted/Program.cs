using System.CommandLine;
using Xous.Hosted;

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
var run = new Command("run", "Run the hosted Precursor: the kernel, the base services and the launch plan's programs.")
{
    processes,
    headless,
    exitAfter,
};
run.SetAction(parse => Launcher.Run(
    parse.GetValue(processes) == "inproc" ? ProcessMode.InProcess : ProcessMode.OsProcess,
    parse.GetValue(headless),
    parse.GetValue(exitAfter)));

return new RootCommand("The hosted Precursor (Xous#).") { run }.Parse(args).Invoke();
