using System.Collections;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A generic doubly linked list implementing IEnumerable&lt;T&gt; with a nested generic node type and a struct enumerator.</summary>
public static class GenericLinkedList
{
    private sealed class Chain<T> : IEnumerable<T>
    {
        private Node? _head;
        private Node? _tail;

        public int Count { get; private set; }

        public void AddLast(T value)
        {
            var n = new Node(value) { Prev = _tail };
            if (_tail == null)
            {
                _head = n;
            }
            else
            {
                _tail.Next = n;
            }

            _tail = n;
            Count++;
        }

        public void AddFirst(T value)
        {
            var n = new Node(value) { Next = _head };
            if (_head == null)
            {
                _tail = n;
            }
            else
            {
                _head.Prev = n;
            }

            _head = n;
            Count++;
        }

        public bool RemoveFirstWhere(System.Predicate<T> match)
        {
            for (Node? n = _head; n != null; n = n.Next)
            {
                if (match(n.Value))
                {
                    if (n.Prev != null)
                    {
                        n.Prev.Next = n.Next;
                    }
                    else
                    {
                        _head = n.Next;
                    }

                    if (n.Next != null)
                    {
                        n.Next.Prev = n.Prev;
                    }
                    else
                    {
                        _tail = n.Prev;
                    }

                    Count--;
                    return true;
                }
            }

            return false;
        }

        public string Backwards()
        {
            string s = "";
            for (Node? n = _tail; n != null; n = n.Prev)
            {
                s += n.Value + " ";
            }

            return s;
        }

        public Enumerator GetEnumerator() => new(_head);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        internal sealed class Node
        {
            public Node(T value)
            {
                Value = value;
            }

            public T Value { get; }

            public Node? Next { get; set; }

            public Node? Prev { get; set; }
        }

        public struct Enumerator : IEnumerator<T>
        {
            private Node? _next;
            private T _current;

            internal Enumerator(Node? head)
            {
                _next = head;
                _current = default!;
            }

            public readonly T Current => _current;

            readonly object IEnumerator.Current => _current!;

            public bool MoveNext()
            {
                if (_next == null)
                {
                    return false;
                }

                _current = _next.Value;
                _next = _next.Next;
                return true;
            }

            public readonly void Reset() => throw new System.NotSupportedException();

            public readonly void Dispose()
            {
            }
        }
    }

    public static int Main()
    {
        var words = new Chain<string>();
        foreach (string w in new[] { "b", "c", "d" })
        {
            words.AddLast(w);
        }

        words.AddFirst("a");
        Transcript.WriteLine(Forward(words) + "| " + words.Backwards() + "| " + words.Count);
        Transcript.WriteLine(words.RemoveFirstWhere(w => w == "c") + " " + words.RemoveFirstWhere(w => w == "z"));
        Transcript.WriteLine(Forward(words) + "| " + words.Backwards());
        var longs = new Chain<long>();
        for (int i = 0; i < 6; i++)
        {
            longs.AddFirst((long)i << 33);
        }

        longs.RemoveFirstWhere(v => v == 0);
        longs.RemoveFirstWhere(v => v == 5L << 33);
        Transcript.WriteLine(Forward(longs) + "| " + longs.Count);
        var list = new List<long>(longs);
        Transcript.WriteLine(list.Count + " " + list[0]);
        return 0;
    }

    private static string Forward<T>(IEnumerable<T> e)
    {
        string s = "";
        foreach (T x in e)
        {
            s += x + " ";
        }

        return s;
    }
}
