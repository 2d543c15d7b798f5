using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A hand-written singly linked list: push, append, reverse in place, remove by value, and traversal.</summary>
public static class ClassLinkedList
{
    private sealed class Node
    {
        public Node(int value, Node? next)
        {
            Value = value;
            Next = next;
        }

        public int Value { get; }

        public Node? Next { get; set; }
    }

    private sealed class IntList
    {
        private Node? _head;

        public int Count { get; private set; }

        public void Push(int v)
        {
            _head = new Node(v, _head);
            Count++;
        }

        public void Append(int v)
        {
            var node = new Node(v, null);
            if (_head == null)
            {
                _head = node;
            }
            else
            {
                Node last = _head;
                while (last.Next != null)
                {
                    last = last.Next;
                }

                last.Next = node;
            }

            Count++;
        }

        public void Reverse()
        {
            Node? prev = null;
            Node? cur = _head;
            while (cur != null)
            {
                Node? next = cur.Next;
                cur.Next = prev;
                prev = cur;
                cur = next;
            }

            _head = prev;
        }

        public bool Remove(int v)
        {
            Node? prev = null;
            for (Node? n = _head; n != null; prev = n, n = n.Next)
            {
                if (n.Value == v)
                {
                    if (prev == null)
                    {
                        _head = n.Next;
                    }
                    else
                    {
                        prev.Next = n.Next;
                    }

                    Count--;
                    return true;
                }
            }

            return false;
        }

        public void Print()
        {
            Transcript.Write(Count);
            Transcript.Write(":");
            for (Node? n = _head; n != null; n = n.Next)
            {
                Transcript.Write(" ");
                Transcript.Write(n.Value);
            }

            Transcript.WriteLine();
        }
    }

    public static int Main()
    {
        var list = new IntList();
        list.Print();
        for (int i = 1; i <= 5; i++)
        {
            list.Push(i);
            list.Append(i * 10);
        }

        list.Print();
        list.Reverse();
        list.Print();
        Transcript.WriteLine(list.Remove(30));
        Transcript.WriteLine(list.Remove(10));
        Transcript.WriteLine(list.Remove(5));
        Transcript.WriteLine(list.Remove(12345));
        list.Print();
        return 0;
    }
}
