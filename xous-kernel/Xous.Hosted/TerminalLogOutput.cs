using System.Text;
using Xous.Log.Core;

namespace Xous.Hosted;

/// <summary>The log server's output on a PC: lines to a text writer (the terminal), errors to a second one.</summary>
public sealed class TerminalLogOutput : ILogOutput
{
    private static readonly Lock s_console = new();
    private readonly TextWriter _output;
    private readonly TextWriter _errors;

    /// <summary>Writes to <paramref name="output"/> and <paramref name="errors"/> (default: stdout and stderr).</summary>
    public TerminalLogOutput(TextWriter? output = null, TextWriter? errors = null)
    {
        _output = output ?? Console.Out;
        _errors = errors ?? Console.Error;
    }

    /// <inheritdoc />
    public void WriteLine(ReadOnlySpan<byte> utf8Line, bool isError)
    {
        string line = Encoding.UTF8.GetString(utf8Line);
        lock (s_console)
        {
            (isError ? _errors : _output).WriteLine(line);
        }
    }
}
