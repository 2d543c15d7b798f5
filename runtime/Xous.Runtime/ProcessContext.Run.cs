using System;
using System.Threading;
using Xous.Abi;
using Xous.Ipc;
using Xous.Log.Api;

namespace Xous.Runtime;

/// <summary>The process entry wrapper and the panic path.</summary>
public sealed partial class ProcessContext
{
    /// <summary>
    /// Runs a program's main (docs/runtime.md, "Running a program"): sends <paramref name="programName"/> to the log
    /// once if given, runs <paramref name="main"/>, and ends the process with TerminateProcess(its result). An
    /// exception that escapes main is reported as a panic (<see cref="Panic(Exception)"/>) and the process ends with
    /// <see cref="PanicReport.ExitCode"/>.
    /// <para>
    /// Pass no program name in a process whose log server is not running (early boot) or is this process (the log
    /// server itself): sending it waits for the log server to exist.
    /// </para>
    /// </summary>
    /// <returns>The exit code, when TerminateProcess returns (a hosted port whose transport is gone; a test port).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is null.</exception>
    public int Run(Func<ProcessContext, int> main, string? programName = null)
    {
        if (main == null)
        {
            throw new ArgumentNullException(nameof(main));
        }

        int exitCode;
        try
        {
            if (programName != null)
            {
                _output.ProgramName(programName);
            }

            exitCode = main(this);
        }
        catch (Exception exception)
        {
            // The one blanket catch (house rule 8): at the process's root nothing can handle the exception any more; it
            // is caught only to send the panic report before the process ends (docs/runtime.md, "Panics").
            Panic(exception);
            return (int)PanicReport.ExitCode;
        }

        _kernel.TerminateProcess((uint)exitCode);
        return exitCode;
    }

    /// <summary>
    /// Reports <paramref name="exception"/> as a panic and ends the process (<see cref="Panic(ReadOnlySpan{char})"/>).
    /// The text is the exception's <see cref="Exception.ToString"/>: "Type: message" on the device (whose corlib knows
    /// type names without reflection), plus the stack trace on the host.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public void Panic(Exception exception)
    {
        if (exception == null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        Panic(exception.ToString());
    }

    /// <summary>
    /// Sends <paramref name="text"/> (UTF-8, at most <see cref="PanicReport.MaxTextBytes"/>) to the log server as a
    /// panic report and ends the process with TerminateProcess(<see cref="PanicReport.ExitCode"/>). Only the first
    /// panicking thread reports; a later one only terminates. When no log server can be reached (none exists yet, or it
    /// fails while reporting) the report is skipped. Returns only if TerminateProcess does (see <see cref="Run"/>).
    /// </summary>
    public void Panic(ReadOnlySpan<char> text)
    {
        if (Interlocked.Exchange(ref _panicking, 1) == 0)
        {
            Span<byte> utf8 = stackalloc byte[PanicReport.MaxTextBytes];
            int length = Utf8Text.Encode(text, utf8);
            ILog? log = LogForPanic();
            if (log != null)
            {
                try
                {
                    PanicReport.Send(log, utf8.Slice(0, length));
                }
                catch (IpcException)
                {
                    // The log server died or refused the report: there is nobody left to tell; end the process anyway.
                }
            }
        }

        _kernel.TerminateProcess(PanicReport.ExitCode);
    }

    // A panic must not wait for a log server that may never exist: connect with TryConnect if not connected yet.
    private ILog? LogForPanic()
    {
        ILog? log = Volatile.Read(ref _log);
        if (log != null)
        {
            return log;
        }

        if (_kernel.TryConnect(LogServerId.Sid, out Cid connection) != XousError.NoError)
        {
            return null;
        }

        return Publish(ref _log, new LogClient(new KernelChannel(_kernel, connection)));
    }
}
