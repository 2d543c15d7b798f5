using System.Globalization;
using Xous.Abi;
using Xous.Runtime.Hosted;

namespace Xous.Kernel.Hosted.TestProcess;

/// <summary>
/// Arguments: four SID words (decimal). Connects to that server, sends BlockingScalar(id 1, 20, 22) and expects
/// Scalar1(42), then lends 4 KiB (MutableBorrow, id 2) filled with 0x5A and expects every byte incremented, then ends
/// itself with TerminateProcess(exit code 0x600D). Any surprise ends it with exit code 0xBAD and a line on stderr.
/// </summary>
internal static class Program
{
    private const uint SuccessCode = 0x600D;
    private const uint FailureCode = 0xBAD;

    private static int Main(string[] args)
    {
        using HostedKernelPort port = HostedKernelPort.FromEnvironment();
        string? failure = Run(port, args);
        if (failure is not null)
        {
            Console.Error.WriteLine("test process: " + failure);
        }

        port.Call(Syscall.TerminateProcess(failure is null ? SuccessCode : FailureCode));
        return failure is null ? 0 : 1;
    }

    private static string? Run(HostedKernelPort port, string[] args)
    {
        var sid = new Sid(Word(args, 0), Word(args, 1), Word(args, 2), Word(args, 3));
        SyscallResult connected = port.Call(Syscall.Connect(sid));
        if (connected.Tag != ResultTag.ConnectionId)
        {
            return "Connect gave " + connected.ToString();
        }

        Cid server = connected.ConnectionId;
        SyscallResult answer = port.Call(Syscall.SendMessage(server, Message.BlockingScalar(1, 20, 22)));
        if (answer.Tag != ResultTag.Scalar1 || answer.GetScalar(0) != 42)
        {
            return "BlockingScalar gave " + answer.ToString();
        }

        SyscallResult mapped = port.Call(Syscall.MapMemory(0, 0, Limits.PageSize, MemoryFlags.R | MemoryFlags.W));
        if (mapped.Tag != ResultTag.MemoryRange)
        {
            return "MapMemory gave " + mapped.ToString();
        }

        MemoryRange buffer = mapped.MemoryRange;
        port.GetMemory(buffer).Fill(0x5A);
        SyscallResult lent = port.Call(Syscall.SendMessage(server, Message.MutableBorrow(2, buffer)));
        if (lent.Tag != ResultTag.MemoryReturned)
        {
            return "MutableBorrow gave " + lent.ToString();
        }

        foreach (byte b in port.GetMemory(buffer))
        {
            if (b != 0x5B)
            {
                return "the lent buffer came back with " + b.ToString(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static uint Word(string[] args, int index) => uint.Parse(args[index], CultureInfo.InvariantCulture);
}
