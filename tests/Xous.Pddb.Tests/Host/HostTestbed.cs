using System.Security.Cryptography;
using System.Text;
using Xous.Pddb.Host;

namespace Xous.Pddb.Tests.Host;

/// <summary>A temporary folder with an image path, and a way to run a verb and capture what it printed.</summary>
internal sealed class HostTestbed : IDisposable
{
    /// <summary>A PIN distinctive enough to search every output for.</summary>
    public const string Pin = "0739182645";

    public const string BasisPassword = "correct horse 7461";

    private readonly List<string> _allOutput = new();

    public HostTestbed()
    {
        Folder = Path.Combine(Path.GetTempPath(), "xous-pddb-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Image = Path.Combine(Folder, "test.img");
    }

    public string Folder { get; }

    public string Image { get; }

    public string KeyFile => PddbImage.KeyFilePathOf(Image);

    /// <summary>Environment variables the verbs see (instead of the process's).</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Answers for the prompt, in order; each prompt taken is recorded in <see cref="Prompts"/>.</summary>
    public Queue<string> PromptAnswers { get; } = new();

    public List<string> Prompts { get; } = new();

    /// <summary>Every stdout and stderr text captured so far (for the "PIN never printed" checks).</summary>
    public IReadOnlyList<string> AllOutput => _allOutput;

    public PddbCommandOptions Options(string? pin = Pin, string? basis = null, string? password = null) =>
        new(Image) { Pin = pin, Basis = basis, BasisPassword = password };

    public Result Run(Func<PddbCommands, int> verb, int kdfCost = 4)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var binary = new MemoryStream();
        var commands = new PddbCommands(output, error, binary, new ScriptedPrompt(this), name => Environment.TryGetValue(name, out string? v) ? v : null)
        {
            KdfCost = kdfCost,
        };
        int exit = verb(commands);
        _allOutput.Add(output.ToString());
        _allOutput.Add(error.ToString());
        _allOutput.Add(Encoding.UTF8.GetString(binary.ToArray()));
        return new Result(exit, output.ToString(), error.ToString(), binary.ToArray());
    }

    /// <summary>Formats a fast 4 MiB image with <see cref="Pin"/>.</summary>
    public void Format(string size = "4MiB")
    {
        Result result = Run(c => c.Format(Options(), size, fast: true, force: false));
        Assert.True(result.Exit == 0, result.Error);
    }

    public byte[] ImageHash() => SHA256.HashData(File.ReadAllBytes(Image));

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public sealed record Result(int Exit, string Output, string Error, byte[] Binary);

    private sealed class ScriptedPrompt(HostTestbed owner) : ISecretPrompt
    {
        public byte[]? Read(string prompt, int maxBytes)
        {
            owner.Prompts.Add(prompt);
            return owner.PromptAnswers.Count == 0 ? null : Encoding.UTF8.GetBytes(owner.PromptAnswers.Dequeue());
        }
    }
}
