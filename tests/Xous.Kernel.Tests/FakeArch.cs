using Xous.Abi;

namespace Xous.Kernel.Tests;

/// <summary>One Resume the kernel delivered.</summary>
public sealed record ResumeRecord(Pid Process, Tid Thread, SyscallResult Result, MemoryRange Attached);

/// <summary>
/// An arch that records every callback and keeps page contents per frame (zeroed by ClearFrame), so tests can write
/// a process's memory through <see cref="Kernel.TryGetFrames"/> and see what the other side sees.
/// </summary>
public sealed class FakeArch : IKernelArch
{
    private readonly byte[][] _frames;
    private uint _random;

    public FakeArch(int frames, uint seed = 0x1234_5678)
    {
        _frames = new byte[frames][];
        for (int i = 0; i < frames; i++)
        {
            _frames[i] = new byte[Limits.PageSize];
        }

        _random = seed == 0 ? 1u : seed;
    }

    public List<ResumeRecord> Resumes { get; } = [];

    public List<(Pid Process, uint ExitCode)> Ended { get; } = [];

    public List<Pid> Shutdowns { get; } = [];

    public int Cleared { get; private set; }

    /// <summary>Values <see cref="NextRandom"/> returns before falling back to the generator.</summary>
    public Queue<uint> ScriptedRandom { get; } = new();

    public byte[] Frame(int frame) => _frames[frame];

    public void Resume(Pid process, Tid thread, in SyscallResult result, MemoryRange attached) =>
        Resumes.Add(new ResumeRecord(process, thread, result, attached));

    public void ClearFrame(int frame)
    {
        Array.Clear(_frames[frame]);
        Cleared++;
    }

    public uint NextRandom()
    {
        if (ScriptedRandom.Count > 0)
        {
            return ScriptedRandom.Dequeue();
        }

        _random ^= _random << 13;
        _random ^= _random >> 17;
        _random ^= _random << 5;
        return _random;
    }

    public void ProcessEnded(Pid process, uint exitCode) => Ended.Add((process, exitCode));

    public void ShutdownRequested(Pid requester) => Shutdowns.Add(requester);
}
