using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;
using Xous.Runtime;
using Xous.Ticktimer.Api;
using Xous.Ticktimer.Core;

namespace Xous.Ticktimer.Server;

/// <summary>
/// The ticktimer process (<c>xous-ticktimer</c>): serves <see cref="ITicktimer"/> on the well-known SID
/// <see cref="TicktimerServerId.Sid"/>, registered with the name server as <see cref="RegisteredName"/>, with a
/// <see cref="TicktimerCore"/> over an <see cref="ITickTimerHardware"/>. A second thread stands in for the timer
/// interrupt: it waits for the hardware alarm and sends RecalculateSleep to the server, which then answers every
/// sleeper and waiter whose time has come.
/// </summary>
public static class TicktimerServer
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "xous-ticktimer";

    /// <summary>The name the server registers (any process may connect).</summary>
    public const string RegisteredName = "ticktimer-server";

    /// <summary>Runs the server until its SID is destroyed or the process is ended.</summary>
    /// <returns>0 after a requested stop, otherwise the kernel error that ended the loop.</returns>
    public static int Run(ProcessContext context, ITickTimerHardware hardware)
    {
        Sid sid = TicktimerServerId.Sid;
        XousError error = context.Kernel.CreateServerWithAddress(sid);
        if (error != XousError.NoError)
        {
            return (int)error;
        }

        var loop = new ServerLoop(context.Kernel, sid);
        var core = new TicktimerCore(new Environment(context, loop, hardware));
        error = context.StartThread(new AlarmThread(context, hardware).Run, 0, out _);
        if (error != XousError.NoError)
        {
            return (int)error;
        }

        NamesStatus registered = context.RegisterServer(RegisteredName, 0, sid);
        Logger log = context.CreateLogger(ProgramName);
        if (registered != NamesStatus.Ok)
        {
            log.Error("could not register " + RegisteredName + ": " + registered.ToString());
        }
        else
        {
            log.Info("serving on its well-known SID, registered as " + RegisteredName);
        }

        error = loop.Run(new TicktimerDispatcher(core));
        return error == XousError.NoError ? 0 : (int)error;
    }

    private sealed class Environment : ITicktimerEnvironment
    {
        private readonly ProcessContext _context;
        private readonly ServerLoop _loop;
        private readonly ITickTimerHardware _hardware;

        public Environment(ProcessContext context, ServerLoop loop, ITickTimerHardware hardware)
        {
            _context = context;
            _loop = loop;
            _hardware = hardware;
        }

        public ulong NowMs => _hardware.ElapsedMs;

        public Pid OwnProcess => _context.Port.Process;

        public IDeferredReplySink Replies => _loop;

        public void SetAlarm(ulong deadlineMs) => _hardware.SetAlarm(deadlineMs);
    }

    /// <summary>The interrupt stand-in: alarm → RecalculateSleep to our own server.</summary>
    private sealed class AlarmThread
    {
        private readonly ProcessContext _context;
        private readonly ITickTimerHardware _hardware;

        public AlarmThread(ProcessContext context, ITickTimerHardware hardware)
        {
            _context = context;
            _hardware = hardware;
        }

        public nuint Run(nuint argument)
        {
            XousError error = _context.Kernel.Connect(TicktimerServerId.Sid, out Cid own);
            if (error != XousError.NoError)
            {
                return (nuint)(uint)error;
            }

            var client = new TicktimerClient(new KernelChannel(_context.Kernel, own));
            while (_hardware.WaitForAlarm())
            {
                client.RecalculateSleep();
            }

            return 0;
        }
    }
}
