using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A generic class instantiated over value types of several sizes and over reference types; each keeps its own storage.</summary>
public static class GenericClass
{
    private sealed class Ring<T>
    {
        private readonly T[] _items;
        private int _next;

        public Ring(int size)
        {
            _items = new T[size];
        }

        public int Written { get; private set; }

        public void Put(T item)
        {
            _items[_next] = item;
            _next = (_next + 1) % _items.Length;
            Written++;
        }

        public T Oldest() => Written < _items.Length ? _items[0] : _items[_next];

        public T[] Snapshot()
        {
            var copy = new T[_items.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = _items[(_next + i) % _items.Length];
            }

            return copy;
        }
    }

    public static int Main()
    {
        var bytes = new Ring<byte>(3);
        var longs = new Ring<long>(4);
        var strings = new Ring<string>(2);
        var chars = new Ring<char>(5);
        for (int i = 1; i <= 7; i++)
        {
            bytes.Put((byte)(i * 50));
            longs.Put((long)i << 40);
            strings.Put("s" + i);
            chars.Put((char)('a' + i));
        }

        Transcript.WriteLine(bytes.Oldest());
        Transcript.WriteLine(longs.Oldest());
        Transcript.WriteLine(strings.Oldest());
        Transcript.Write(chars.Oldest());
        Transcript.WriteLine();
        foreach (byte b in bytes.Snapshot())
        {
            Transcript.Write(b + " ");
        }

        Transcript.WriteLine();
        foreach (long l in longs.Snapshot())
        {
            Transcript.Write(l + " ");
        }

        Transcript.WriteLine();
        Transcript.WriteLine(string.Join(",", strings.Snapshot()));
        Transcript.WriteLine(new string(chars.Snapshot()));
        Transcript.WriteLine(bytes.Written + longs.Written + strings.Written + chars.Written);
        return 0;
    }
}
