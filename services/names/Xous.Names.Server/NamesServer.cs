using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;
using Xous.Names.Core;
using Xous.Runtime;

namespace Xous.Names.Server;

/// <summary>
/// The name server process (<c>xous-names</c>): serves <see cref="INames"/> on the well-known SID
/// <see cref="NamesServerId.Sid"/> with a <see cref="NamesCore"/>, creating connections inside clients with
/// ConnectForProcess and taking disconnect tokens from the kernel's random source (CreateServerId).
/// </summary>
public static class NamesServer
{
    /// <summary>The program's name in the launch plan and the log.</summary>
    public const string ProgramName = "xous-names";

    /// <summary>Runs the server until its SID is destroyed or the process is ended.</summary>
    /// <returns>0 after a requested stop, otherwise the kernel error that ended the loop.</returns>
    public static int Run(ProcessContext context)
    {
        XousError error = context.Kernel.CreateServerWithAddress(NamesServerId.Sid);
        if (error != XousError.NoError)
        {
            return (int)error;
        }

        var loop = new ServerLoop(context.Kernel, NamesServerId.Sid);
        var core = new NamesCore(new Environment(context, loop));
        var handler = new ReportingNamesHandler(core, context);
        handler.Ready();
        error = loop.Run(new NamesDispatcher(handler));
        return error == XousError.NoError ? 0 : (int)error;
    }

    private sealed class Environment : INamesEnvironment
    {
        private readonly ProcessContext _context;
        private readonly ServerLoop _loop;
        private uint _random0;
        private uint _random1;
        private uint _random2;
        private int _randomLeft;

        public Environment(ProcessContext context, ServerLoop loop)
        {
            _context = context;
            _loop = loop;
        }

        public IDeferredReplySink Replies => _loop;

        public XousError ConnectForProcess(Pid process, Sid server, out Cid connection)
        {
            SyscallResult result = _context.Port.Call(Syscall.ConnectForProcess(process, server));
            if (result.Tag == ResultTag.ConnectionId)
            {
                connection = result.ConnectionId;
                return XousError.NoError;
            }

            connection = default;
            return result.IsError ? result.Error : XousError.InternalError;
        }

        public uint NextRandom()
        {
            // CreateServerId returns 128 bits from the kernel's random source; hand them out one word at a time.
            if (_randomLeft == 0)
            {
                XousError error = _context.Kernel.CreateServerId(out Sid random);
                if (error != XousError.NoError)
                {
                    throw new System.InvalidOperationException("The kernel's random source failed: " + error.ToString());
                }

                _random0 = random.Word1;
                _random1 = random.Word2;
                _random2 = random.Word3;
                _randomLeft = 3;
                return random.Word0;
            }

            _randomLeft--;
            return _randomLeft switch
            {
                2 => _random0,
                1 => _random1,
                _ => _random2,
            };
        }
    }
}
