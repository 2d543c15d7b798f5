using System.CommandLine;
using Xous.Pddb.Host;
using HostVerbs = Xous.Pddb.Host.PddbCommands;

namespace Xous.Tool;

/// <summary>
/// <c>./xous pddb --image FILE VERB …</c>: the command-line form of <see cref="HostVerbs"/> (Xous.Pddb.Host), which
/// holds the logic; this class only declares the options and forwards them.
/// </summary>
internal static class PddbCommands
{
    /// <summary>The <c>pddb</c> command with its verbs.</summary>
    public static Command Create()
    {
        var image = new Option<string>("--image")
        {
            Description = "The PDDB image file; its device secrets are in IMAGE.keys beside it.",
            Required = true,
            Recursive = true,
        };
        var pin = new Option<string?>("--pin")
        {
            Description = $"The PIN (else ${PddbCommandOptions.PinVariable}, else asked without echo). Visible in the process list: prefer the prompt.",
            Recursive = true,
        };
        var basis = new Option<string?>("--basis")
        {
            Description = "Act on this secret basis (unlocked after the mount).",
            Recursive = true,
        };
        var basisPassword = new Option<string?>("--basis-password")
        {
            Description = $"The basis password (else ${PddbCommandOptions.BasisPasswordVariable}, else asked without echo).",
            Recursive = true,
        };

        PddbCommandOptions Common(ParseResult parse) => new(parse.GetValue(image)!)
        {
            Pin = parse.GetValue(pin),
            Basis = parse.GetValue(basis),
            BasisPassword = parse.GetValue(basisPassword),
        };

        var size = new Option<string>("--size") { Description = "4MiB (hosted, default), 98MiB (Precursor), NMiB, or a page count.", DefaultValueFactory = _ => "4MiB" };
        var fast = new Option<bool>("--fast") { Description = "Skip the noise fill of the data pages (free space then stands out from data)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing image and its key file." };
        var format = new Command("format", "Create the image and its key file and format an empty PDDB with the PIN.") { size, fast, force };
        format.SetAction(parse => Verbs().Format(Common(parse), parse.GetValue(size), parse.GetValue(fast), parse.GetValue(force)));

        var unlock = new Command("unlock", "Check that --basis opens with its password and list its dictionaries.");
        unlock.SetAction(parse => Verbs().Unlock(Common(parse)));

        var createBasis = new Command("create-basis", "Create the secret basis --basis with a password.");
        createBasis.SetAction(parse => Verbs().CreateBasis(Common(parse)));

        var lsDictionary = new Argument<string?>("DICT") { Description = "List this dictionary's keys with their lengths.", Arity = ArgumentArity.ZeroOrOne };
        var ls = new Command("ls", "List the dictionaries, or the keys of DICT.") { lsDictionary };
        ls.SetAction(parse => Verbs().List(Common(parse), parse.GetValue(lsDictionary)));

        var getDictionary = new Argument<string>("DICT");
        var getKey = new Argument<string>("KEY");
        var output = new Option<string?>("--out") { Description = "Write the value to this file (mode 0600) instead of standard output." };
        var text = new Option<bool>("--text") { Description = "Print the value as text when it is printable UTF-8 (else as hex)." };
        var get = new Command("get", "Print a key's value (raw bytes), or write it to a file.") { getDictionary, getKey, output, text };
        get.SetAction(parse => Verbs().Get(Common(parse), parse.GetValue(getDictionary)!, parse.GetValue(getKey)!, parse.GetValue(output), parse.GetValue(text)));

        var putDictionary = new Argument<string>("DICT");
        var putKey = new Argument<string>("KEY");
        var value = new Option<string?>("--value") { Description = "The value, as text (stored as UTF-8)." };
        var file = new Option<string?>("--file") { Description = "Read the value from this file." };
        var createDictionary = new Option<bool>("--create-dict") { Description = "Create DICT when it does not exist." };
        var put = new Command("put", "Store a value (then sync).") { putDictionary, putKey, value, file, createDictionary };
        put.SetAction(parse => Verbs().Put(
            Common(parse), parse.GetValue(putDictionary)!, parse.GetValue(putKey)!, parse.GetValue(value), parse.GetValue(file), parse.GetValue(createDictionary)));

        var rmDictionary = new Argument<string>("DICT");
        var rmKey = new Argument<string?>("KEY") { Description = "Delete only this key (else the whole dictionary).", Arity = ArgumentArity.ZeroOrOne };
        var rm = new Command("rm", "Delete a key, or a dictionary with all its keys (then sync).") { rmDictionary, rmKey };
        rm.SetAction(parse => Verbs().Remove(Common(parse), parse.GetValue(rmDictionary)!, parse.GetValue(rmKey)));

        var stat = new Command("stat", "Size, geometry, open bases, free pages and counters.");
        stat.SetAction(parse => Verbs().Stat(Common(parse)));

        var check = new Command("check", "Verify every page and structure of the open bases; exit 0 only when clean.");
        check.SetAction(parse => Verbs().Check(Common(parse)));

        return new Command("pddb", "Work on a PDDB image file on this PC: format, put, get, ls, rm, stat, check, secret bases. See tools/xous/README.md.")
        {
            image,
            pin,
            basis,
            basisPassword,
            format,
            unlock,
            createBasis,
            ls,
            get,
            put,
            rm,
            stat,
            check,
        };
    }

    private static HostVerbs Verbs() => new(Console.Out, Console.Error, Console.OpenStandardOutput(), new ConsoleSecretPrompt());
}
