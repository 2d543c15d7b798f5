using System.Collections;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A hand-written IEnumerable&lt;T&gt;/IEnumerator&lt;T&gt; used by foreach (with Dispose), and a struct enumerator found by pattern.</summary>
public static class InterfaceCustomEnumerable
{
    private sealed class Range : IEnumerable<int>
    {
        private readonly int _from;
        private readonly int _to;

        public Range(int from, int to)
        {
            _from = from;
            _to = to;
        }

        public IEnumerator<int> GetEnumerator() => new Enumerator(_from, _to);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator : IEnumerator<int>
        {
            private readonly int _to;
            private int _current;

            public Enumerator(int from, int to)
            {
                _current = from - 1;
                _to = to;
            }

            public int Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext() => ++_current <= _to;

            public void Reset() => throw new System.NotSupportedException();

            public void Dispose() => Transcript.WriteLine("enumerator disposed at " + _current);
        }
    }

    private readonly struct Countdown
    {
        private readonly int _start;

        public Countdown(int start)
        {
            _start = start;
        }

        public CountdownEnumerator GetEnumerator() => new(_start);
    }

    private struct CountdownEnumerator
    {
        private int _value;

        public CountdownEnumerator(int start)
        {
            _value = start + 1;
        }

        public readonly int Current => _value;

        public bool MoveNext() => --_value >= 0;
    }

    public static int Main()
    {
        int sum = 0;
        foreach (int i in new Range(1, 5))
        {
            sum += i;
            Transcript.Write(i);
            Transcript.Write(" ");
        }

        Transcript.WriteLine(sum);
        foreach (int i in new Range(10, 100))
        {
            if (i == 13)
            {
                break;
            }
        }

        IEnumerable<int> e = new Range(3, 4);
        var list = new List<int>(e);
        Transcript.WriteLine(list.Count);
        foreach (int i in new Countdown(4))
        {
            Transcript.Write(i);
        }

        Transcript.WriteLine();
        return 0;
    }
}
