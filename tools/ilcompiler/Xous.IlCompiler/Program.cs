using System.CommandLine;
using Xous.IlCompiler;

var input = new Argument<FileInfo>("assembly") { Description = "The device-flavour assembly with the entry point." };
var references = new Option<FileInfo[]>("--reference", "-r")
{
    Description = "Another assembly the program uses (Xous.CoreLib at least). Repeat for each.",
    AllowMultipleArgumentsPerToken = true,
};
var entry = new Option<string?>("--entry", "-e") { Description = "The type whose static Main() is the entry point (default: the assembly's entry point)." };
var output = new Option<FileInfo>("--output", "-o") { Description = "The C file to write.", Required = true };

var root = new RootCommand("xous-ilc: compiles device-flavour .NET assemblies to C for riscv64-unknown-elf-gcc -march=rv32imac (docs/ilcompiler.md).")
{
    input, references, entry, output,
};
root.SetAction(parse =>
{
    var options = new CompilerOptions(
        parse.GetValue(input)!.FullName,
        (parse.GetValue(references) ?? []).Select(f => f.FullName).ToArray(),
        parse.GetValue(entry));
    try
    {
        CompilerResult result = Compiler.Compile(options);
        File.WriteAllText(parse.GetValue(output)!.FullName, result.CSource);
        Console.WriteLine($"xous-ilc: {result.Methods.Count} methods -> {parse.GetValue(output)!.FullName}");
        return 0;
    }
    catch (CompilationException e)
    {
        Console.Error.WriteLine("xous-ilc: error: " + e.Message);
        return 1;
    }
});
return root.Parse(args).Invoke();
