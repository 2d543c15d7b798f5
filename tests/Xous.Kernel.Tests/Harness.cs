using System.Reflection;
using Xous.Abi;

namespace Xous.Kernel.Tests;

/// <summary>A kernel with a <see cref="FakeArch"/> and helpers that check "one Resume per call".</summary>
public sealed class Harness
{
    public static readonly Tid T2 = new(2);
    public const uint Page = Limits.PageSize;
    private static readonly ConstructorInfo s_syscallConstructor = typeof(Syscall).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
        .Single(c => c.GetParameters().Length == 8);

    private int _consumed;

    public Harness(KernelConfig? config = null)
    {
        Config = config ?? new KernelConfig();
        Arch = new FakeArch(Config.PhysicalPages);
        Kernel = new Kernel(Arch, Config);
    }

    public KernelConfig Config { get; }

    public FakeArch Arch { get; }

    public Kernel Kernel { get; }

    /// <summary>A syscall the factories would refuse to build (what a hostile process could put in registers).</summary>
    public static Syscall Forge(SyscallNumber number, nuint a1 = 0, nuint a2 = 0, nuint a3 = 0, nuint a4 = 0, nuint a5 = 0, nuint a6 = 0, nuint a7 = 0) =>
        (Syscall)s_syscallConstructor.Invoke([number, a1, a2, a3, a4, a5, a6, a7]);

    public static Sid TestSid(uint n) => new(0x5345_5256, n, 0xABCD, 0x1234);

    public Pid NewProcess()
    {
        Assert.Equal(XousError.NoError, Kernel.CreateProcess(out Pid pid));
        return pid;
    }

    /// <summary>Executes a call that must complete at once; returns its result.</summary>
    public SyscallResult Call(Pid pid, Tid tid, Syscall call) => CallWithRecord(pid, tid, call).Result;

    public ResumeRecord CallWithRecord(Pid pid, Tid tid, Syscall call)
    {
        int before = Arch.Resumes.Count;
        Kernel.Execute(pid, tid, in call);
        ResumeRecord? mine = null;
        for (int i = before; i < Arch.Resumes.Count; i++)
        {
            ResumeRecord r = Arch.Resumes[i];
            if (r.Process == pid && r.Thread == tid)
            {
                Assert.Null(mine);
                mine = r;
            }
        }

        Assert.NotNull(mine);
        AssertInvariants();
        return mine;
    }

    /// <summary>Executes a call that must block (no Resume for the caller).</summary>
    public void CallBlocks(Pid pid, Tid tid, Syscall call)
    {
        int before = Arch.Resumes.Count;
        Kernel.Execute(pid, tid, in call);
        for (int i = before; i < Arch.Resumes.Count; i++)
        {
            Assert.False(Arch.Resumes[i].Process == pid && Arch.Resumes[i].Thread == tid, "the call should have blocked");
        }

        Assert.False(Kernel.IsThreadRunning(pid, tid));
        AssertInvariants();
    }

    /// <summary>The Resumes delivered to a thread since the last look (consumes everything up to now).</summary>
    public List<ResumeRecord> ResumesOf(Pid pid, Tid tid)
    {
        var found = new List<ResumeRecord>();
        for (int i = _consumed; i < Arch.Resumes.Count; i++)
        {
            if (Arch.Resumes[i].Process == pid && Arch.Resumes[i].Thread == tid)
            {
                found.Add(Arch.Resumes[i]);
            }
        }

        return found;
    }

    /// <summary>The single Resume a blocked thread got since <see cref="Mark"/>.</summary>
    public ResumeRecord Woken(Pid pid, Tid tid)
    {
        List<ResumeRecord> list = ResumesOf(pid, tid);
        Assert.Single(list);
        return list[0];
    }

    /// <summary>Forgets earlier Resumes for <see cref="ResumesOf"/> and <see cref="Woken"/>.</summary>
    public void Mark() => _consumed = Arch.Resumes.Count;

    public void AssertInvariants() => Assert.Null(Kernel.FindInvariantViolation());

    public SyscallResult Ok(Pid pid, Tid tid, Syscall call)
    {
        SyscallResult r = Call(pid, tid, call);
        Assert.False(r.IsError, "unexpected " + r.ToString());
        return r;
    }

    public static void AssertError(XousError expected, SyscallResult result)
    {
        Assert.True(result.IsError, "expected " + expected.ToString() + " but got " + result.ToString());
        Assert.Equal(expected, result.Error);
    }

    public void AssertCallFails(XousError expected, Pid pid, Tid tid, Syscall call) => AssertError(expected, Call(pid, tid, call));

    public MemoryRange Map(Pid pid, uint pages, MemoryFlags flags = MemoryFlags.R | MemoryFlags.W) =>
        Ok(pid, T2, Syscall.MapMemory(0, 0, pages * Page, flags)).MemoryRange;

    public Cid NewServer(Pid pid, Sid sid) => Ok(pid, T2, Syscall.CreateServerWithAddress(sid)).ConnectionId;

    public Cid ConnectTo(Pid pid, Sid sid) => Ok(pid, T2, Syscall.Connect(sid)).ConnectionId;

    /// <summary>Two new processes: a server process serving <paramref name="sid"/> and a client connected to it.</summary>
    public (Pid Server, Pid Client, Cid Connection) ServerWithClient(Sid sid)
    {
        Pid server = NewProcess();
        Pid client = NewProcess();
        NewServer(server, sid);
        return (server, client, ConnectTo(client, sid));
    }

    public void Write(Pid pid, MemoryRange range, byte[] data)
    {
        int[] frames = new int[(int)(range.Size / Page) + 1];
        Assert.True(Kernel.TryGetFrames(pid, range, forWrite: true, frames));
        for (int i = 0; i < data.Length; i++)
        {
            nuint address = range.Address + (nuint)i;
            int page = (int)((address / Page) - (range.Address / Page));
            Arch.Frame(frames[page])[(int)(address % Page)] = data[i];
        }
    }

    public byte[] Read(Pid pid, MemoryRange range, int length)
    {
        int[] frames = new int[(int)(range.Size / Page) + 1];
        Assert.True(Kernel.TryGetFrames(pid, range, forWrite: false, frames));
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            nuint address = range.Address + (nuint)i;
            int page = (int)((address / Page) - (range.Address / Page));
            data[i] = Arch.Frame(frames[page])[(int)(address % Page)];
        }

        return data;
    }

    public bool CanRead(Pid pid, MemoryRange range) => Kernel.TryGetFrames(pid, range, false, new int[(int)(range.Size / Page) + 1]);

    public bool CanWrite(Pid pid, MemoryRange range) => Kernel.TryGetFrames(pid, range, true, new int[(int)(range.Size / Page) + 1]);

    public static byte[] Pattern(int length, byte seed)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(seed + (i * 7));
        }

        return data;
    }
}
