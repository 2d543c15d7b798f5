using Xous.Abi;
using Xous.Log.Api;
using Xous.Log.Core;
using Xous.Runtime;

namespace Xous.Log.Server;

/// <summary>
/// The log process (<c>xous-log</c>): serves <see cref="ILog"/> on the well-known SID <see cref="LogServerId.Sid"/>
/// with a <see cref="LogCore"/> writing to an <see cref="ILogOutput"/> (the console UART on the device, the terminal
/// hosted). It does not register with the name server: every process reaches it by its well-known SID, the name
/// server included, so logging works before names is up.
/// </summary>
public static class LogServer
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "xous-log";

    /// <summary>Runs the server until its SID is destroyed or the process is ended.</summary>
    /// <returns>0 after a requested stop, otherwise the kernel error that ended the loop.</returns>
    public static int Run(ProcessContext context, ILogOutput output)
    {
        XousError error = context.Kernel.CreateServerWithAddress(LogServerId.Sid);
        if (error != XousError.NoError)
        {
            return (int)error;
        }

        output.WriteLine("INFO  [xous-log] serving on its well-known SID"u8, isError: false);
        var core = new LogCore(output);
        var loop = new ServerLoop(context.Kernel, LogServerId.Sid);
        error = loop.Run(new LogDispatcher(core));
        return error == XousError.NoError ? 0 : (int)error;
    }
}
