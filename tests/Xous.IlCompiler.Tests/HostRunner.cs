using System.Diagnostics;
using System.Reflection;
using System.Text;
using Xous.Diagnostics;

namespace Xous.IlCompiler.Tests;

/// <summary>
/// Runs a differential program's <c>Main</c> on the host CLR with the transcript sink installed. An unhandled
/// exception ends the transcript as the device runtime reports one: .NET's first line
/// (<c>Unhandled exception. Type: Message</c>) and the method that threw.
/// </summary>
internal static class HostRunner
{
    private static readonly Lock s_gate = new();

    public static (int ExitCode, string Transcript) Run(Type program)
    {
        MethodInfo main = program.GetMethod("Main", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
            ?? throw new InvalidOperationException(program.FullName + " has no public static Main()");
        var output = new StringBuilder();
        lock (s_gate)
        {
            Transcript.SetSink(text => output.Append(text));
            try
            {
                object? result = main.Invoke(null, null);
                return (result is int code ? code : 0, output.ToString());
            }
            catch (TargetInvocationException e) when (e.InnerException is Exception thrown)
            {
                // The first frame in the program: checked arithmetic throws from a runtime helper on the host.
                MethodBase? site = new StackTrace(thrown).GetFrames()
                    .Select(f => f.GetMethod())
                    .FirstOrDefault(m => m?.DeclaringType?.Assembly == program.Assembly);
                output.Append($"Unhandled exception. {thrown.GetType().FullName}: {thrown.Message}\n");
                output.Append($"   at {site?.DeclaringType?.FullName}.{site?.Name}\n");
                return (CodeGenExitStatus.UnhandledException, output.ToString());
            }
            finally
            {
                Transcript.SetSink(null);
            }
        }
    }
}

/// <summary>Exit statuses the emitted code uses.</summary>
internal static class CodeGenExitStatus
{
    /// <summary>A program that ends with an unhandled exception (docs/ilcompiler.md).</summary>
    public const int UnhandledException = 134;
}
