using System.Collections.Concurrent;
using Xous.Abi;
using Xous.Ipc.TestContracts;

namespace Xous.Ipc.Tests;

/// <summary>A server for <see cref="ISample"/> that computes simple results and records what it received.</summary>
internal sealed class RecordingSampleHandler : ISampleHandler
{
    private int _calls;

    /// <summary>Handler calls of any method.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<int> Pings { get; } = new();

    public ConcurrentQueue<(Level Level, string Text)> Logs { get; } = new();

    public ConcurrentQueue<(bool Enabled, Level Level, char Tag)> Levels { get; } = new();

    public ConcurrentQueue<(uint Milliseconds, DeferredReply Reply)> Sleepers { get; } = new();

    public byte[]? LastChecksumData { get; private set; }

    public int Flushes { get; private set; }

    /// <summary>When set, every handler method throws it.</summary>
    public Exception? Failure { get; set; }

    public void Ping(int value)
    {
        Enter();
        Pings.Enqueue(value);
    }

    public int Add(int left, int right)
    {
        Enter();
        return unchecked(left + right);
    }

    public long Multiply(long left, int right)
    {
        Enter();
        return unchecked(left * right);
    }

    public Point Mirror(Point point)
    {
        Enter();
        return new Point { X = -point.Y, Y = -point.X };
    }

    public uint Checksum(ReadOnlySpan<byte> data)
    {
        Enter();
        LastChecksumData = data.ToArray();
        uint sum = 0;
        foreach (byte value in data)
        {
            sum = unchecked((sum * 31) + value);
        }

        return sum;
    }

    public int Area(in Rect rect, short scale)
    {
        Enter();
        return rect.Width * rect.Height * scale;
    }

    public void Log(Level level, ReadOnlySpan<char> text)
    {
        Enter();
        Logs.Enqueue((level, text.ToString()));
    }

    public int Fill(byte value, Span<byte> buffer)
    {
        Enter();
        int half = buffer.Length / 2;
        buffer.Slice(0, half).Fill(value);
        return half;
    }

    public void Grow(ref Rect rect, int by)
    {
        Enter();
        rect.Origin.X -= by;
        rect.Origin.Y -= by;
        rect.Width += 2 * by;
        rect.Height += 2 * by;
    }

    public void Sleep(uint milliseconds, DeferredReply reply)
    {
        Enter();
        Sleepers.Enqueue((milliseconds, reply));
    }

    public uint WhoAmI(MessageSender sender)
    {
        Enter();
        return sender.ProcessId.Value;
    }

    public void Flush()
    {
        Enter();
        Flushes++;
    }

    public bool AnyEnabled(ReadOnlySpan<Switch> switches)
    {
        Enter();
        foreach (Switch item in switches)
        {
            if (item.Enabled && !item.Locked)
            {
                return true;
            }
        }

        return false;
    }

    public void SetLevel(bool enabled, Level level, char tag)
    {
        Enter();
        Levels.Enqueue((enabled, level, tag));
    }

    public Rect MakeRect(sbyte x, short y, ulong size) =>
        Enter() ? new Rect { Origin = new Point { X = x, Y = y }, Width = (int)(size >> 32), Height = (int)(uint)size } : default;

    public void Toggle(Span<Switch> switches)
    {
        Enter();
        foreach (ref Switch item in switches)
        {
            if (!item.Locked)
            {
                item.Enabled = !item.Enabled;
            }
        }
    }

    private bool Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Failure is not null)
        {
            throw Failure;
        }

        return true;
    }
}
