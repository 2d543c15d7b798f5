using Xous.Abi;
using Xous.Pddb.Api;
using Xous.Runtime;

namespace Xous.Pddb.Server;

/// <summary>
/// The PDDB server process: serves <see cref="IPddb"/> on the well-known SID <see cref="PddbServerId.Sid"/> with a
/// <see cref="PddbService"/> over the platform's <see cref="IPddbServiceEnvironment"/>. Starts unmounted; a client (the
/// boot UI, or the first app that needs it) calls TryMount, and the server asks the user for the PIN itself.
/// </summary>
public static class PddbServer
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "xous-pddb";

    /// <summary>Runs the server until its SID is destroyed or the process is ended.</summary>
    /// <returns>0 after a requested stop, otherwise the kernel error that ended the loop.</returns>
    public static int Run(ProcessContext context, IPddbServiceEnvironment environment)
    {
        XousError error = context.Kernel.CreateServerWithAddress(PddbServerId.Sid);
        if (error != XousError.NoError)
        {
            return (int)error;
        }

        var loop = new ServerLoop(context.Kernel, PddbServerId.Sid);
        using var service = new PddbService(environment);
        var dispatcher = new PddbDispatcher(service);
        service.AttachCounters(dispatcher.Counters);
        environment.Report("serving on its well-known SID (unmounted)");
        error = loop.Run(dispatcher);
        return error == XousError.NoError ? 0 : (int)error;
    }
}
