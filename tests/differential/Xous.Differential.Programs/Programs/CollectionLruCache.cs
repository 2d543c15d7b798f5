using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>An LRU cache built from a Dictionary and a hand-written doubly linked list: hits, misses, evictions in least-recent order.</summary>
public static class CollectionLruCache
{
    private sealed class Node
    {
        public int Key;
        public string Value = "";
        public Node? Prev;
        public Node? Next;
    }

    private sealed class Lru
    {
        private readonly Dictionary<int, Node> _map = new();
        private readonly int _capacity;
        private Node? _head;
        private Node? _tail;

        public Lru(int capacity)
        {
            _capacity = capacity;
        }

        public string? Get(int key)
        {
            if (!_map.TryGetValue(key, out Node? n))
            {
                return null;
            }

            MoveToFront(n);
            return n.Value;
        }

        public void Put(int key, string value)
        {
            if (_map.TryGetValue(key, out Node? n))
            {
                n.Value = value;
                MoveToFront(n);
                return;
            }

            if (_map.Count == _capacity)
            {
                Node victim = _tail!;
                Transcript.WriteLine("evict " + victim.Key);
                Unlink(victim);
                _map.Remove(victim.Key);
            }

            n = new Node { Key = key, Value = value };
            _map[key] = n;
            PushFront(n);
        }

        public string Order()
        {
            string s = "";
            for (Node? n = _head; n != null; n = n.Next)
            {
                s += n.Key + " ";
            }

            return s;
        }

        private void MoveToFront(Node n)
        {
            Unlink(n);
            PushFront(n);
        }

        private void Unlink(Node n)
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

            n.Prev = n.Next = null;
        }

        private void PushFront(Node n)
        {
            n.Next = _head;
            if (_head != null)
            {
                _head.Prev = n;
            }

            _head = n;
            _tail ??= n;
        }
    }

    public static int Main()
    {
        var cache = new Lru(3);
        cache.Put(1, "one");
        cache.Put(2, "two");
        cache.Put(3, "three");
        Transcript.WriteLine(cache.Get(1) ?? "miss");
        cache.Put(4, "four");
        Transcript.WriteLine(cache.Get(2) ?? "miss");
        Transcript.WriteLine(cache.Order());
        cache.Put(3, "THREE");
        cache.Put(5, "five");
        Transcript.WriteLine(cache.Order());
        Transcript.WriteLine((cache.Get(3) ?? "miss") + " " + (cache.Get(1) ?? "miss") + " " + (cache.Get(4) ?? "miss"));
        int hits = 0;
        for (int i = 0; i < 50; i++)
        {
            int key = (i * i) % 7;
            if (cache.Get(key) != null)
            {
                hits++;
            }
            else
            {
                cache.Put(key, "v" + key);
            }
        }

        Transcript.WriteLine(hits + " " + cache.Order());
        return 0;
    }
}
