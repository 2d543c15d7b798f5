using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Interface inheritance: a class implementing a derived interface is usable through every base interface, including a diamond.</summary>
public static class InterfaceInheritance
{
    private interface IReadable
    {
        int Read();
    }

    private interface IWritable
    {
        void Write(int value);
    }

    private interface IStream : IReadable, IWritable
    {
        int Position { get; }
    }

    private interface ISeekable : IReadable
    {
        void Seek(int position);
    }

    private interface IRandomAccess : IStream, ISeekable
    {
    }

    private sealed class Memory : IRandomAccess
    {
        private readonly int[] _data = new int[8];

        public int Position { get; private set; }

        public int Read() => _data[Position++];

        public void Write(int value) => _data[Position++] = value;

        public void Seek(int position) => Position = position;
    }

    public static int Main()
    {
        var mem = new Memory();
        IWritable w = mem;
        for (int i = 0; i < 8; i++)
        {
            w.Write((i * i) - 3);
        }

        ISeekable s = mem;
        s.Seek(2);
        IReadable r = mem;
        Transcript.WriteLine(r.Read());
        Transcript.WriteLine(r.Read());
        IStream st = mem;
        Transcript.WriteLine(st.Position);
        IRandomAccess ra = mem;
        ra.Seek(7);
        Transcript.WriteLine(ra.Read());
        Transcript.WriteLine(ra.Position);
        object o = mem;
        Transcript.WriteLine(o is IReadable);
        Transcript.WriteLine(o is ISeekable);
        Transcript.WriteLine(o is IStream);
        Transcript.WriteLine(new object() is IReadable);
        ((ISeekable)o).Seek(0);
        int total = 0;
        for (int i = 0; i < 8; i++)
        {
            total += ((IReadable)o).Read();
        }

        Transcript.WriteLine(total);
        return 0;
    }
}
