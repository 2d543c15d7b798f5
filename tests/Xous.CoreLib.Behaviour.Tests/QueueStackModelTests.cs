extern alias corlib;

using CsCheck;
using BQueue = System.Collections.Generic.Queue<int>;
using BStack = System.Collections.Generic.Stack<int>;
using XQueue = corlib::System.Collections.Generic.Queue<int>;
using XStack = corlib::System.Collections.Generic.Stack<int>;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>Random operation sequences on our queue and stack against the BCL's, compared after every step.</summary>
public class QueueStackModelTests
{
    private const int Kinds = 16;

    [Fact]
    public void Queue_operation_sequences_behave_like_the_BCL()
    {
        Operation.Generator(Kinds).Array[0, 80].Sample(operations =>
        {
            var ours = new XQueue();
            var theirs = new BQueue();
            foreach (Operation operation in operations)
            {
                XQueue.Enumerator ourEnumerator = ours.GetEnumerator();
                BQueue.Enumerator theirEnumerator = theirs.GetEnumerator();
                ourEnumerator.MoveNext();
                theirEnumerator.MoveNext();

                (string ourResult, string theirResult) = ApplyToQueues(ref ours, ref theirs, operation);
                Assert.Equal(theirResult, ourResult);
                Assert.Equal(theirs, ours);
                Assert.Equal(theirs.Count, ours.Count);
                Assert.Equal(theirs.Capacity, ours.Capacity);
                Assert.Equal(Outcome.Of(() => theirEnumerator.MoveNext()), Outcome.Of(() => ourEnumerator.MoveNext()));
                Assert.Equal(theirEnumerator.Current, ourEnumerator.Current);
            }
        }, iter: 400);
    }

    [Fact]
    public void Stack_operation_sequences_behave_like_the_BCL()
    {
        Operation.Generator(Kinds).Array[0, 80].Sample(operations =>
        {
            var ours = new XStack();
            var theirs = new BStack();
            foreach (Operation operation in operations)
            {
                XStack.Enumerator ourEnumerator = ours.GetEnumerator();
                BStack.Enumerator theirEnumerator = theirs.GetEnumerator();
                ourEnumerator.MoveNext();
                theirEnumerator.MoveNext();

                (string ourResult, string theirResult) = ApplyToStacks(ref ours, ref theirs, operation);
                Assert.Equal(theirResult, ourResult);
                Assert.Equal(theirs, ours);
                Assert.Equal(theirs.Count, ours.Count);
                Assert.Equal(theirs.Capacity, ours.Capacity);
                Assert.Equal(Outcome.Of(() => theirEnumerator.MoveNext()), Outcome.Of(() => ourEnumerator.MoveNext()));
                Assert.Equal(theirEnumerator.Current, ourEnumerator.Current);
            }
        }, iter: 400);
    }

    private static (string Ours, string Theirs) ApplyToQueues(ref XQueue ours, ref BQueue theirs, Operation op)
    {
        XQueue o = ours;
        BQueue t = theirs;
        switch (op.Kind)
        {
            case 0:
            case 1:
            case 2:
            case 3:
                return (Outcome.Of(() => o.Enqueue(op.A)), Outcome.Of(() => t.Enqueue(op.A)));
            case 4:
            case 5:
                return (Outcome.Of(o.Dequeue), Outcome.Of(t.Dequeue));
            case 6:
                return (Outcome.Of(() => (o.TryDequeue(out int v), v)), Outcome.Of(() => (t.TryDequeue(out int v), v)));
            case 7:
                return (Outcome.Of(() => (o.Peek(), 0)), Outcome.Of(() => (t.Peek(), 0)));
            case 8:
                return (Outcome.Of(() => (o.TryPeek(out int v), v, o.Contains(op.A))), Outcome.Of(() => (t.TryPeek(out int v), v, t.Contains(op.A))));
            case 9:
                return (Outcome.Of(o.Clear), Outcome.Of(t.Clear));
            case 10:
                return (Outcome.Of(() => (o.ToArray(), CopyTo(o.CopyTo, op.B))), Outcome.Of(() => (t.ToArray(), CopyTo(t.CopyTo, op.B))));
            case 11:
                return (Outcome.Of(() => o.EnsureCapacity(op.C * 2)), Outcome.Of(() => t.EnsureCapacity(op.C * 2)));
            case 12:
                return (Outcome.Of(o.TrimExcess), Outcome.Of(t.TrimExcess));
            case 13:
                return (Outcome.Of(() => o.TrimExcess(op.C)), Outcome.Of(() => t.TrimExcess(op.C)));
            case 14:
                ours = new XQueue(Sequences.Lazy(o));
                theirs = new BQueue(Sequences.Lazy(t));
                return ("copied", "copied");
            default:
                ours = new XQueue(op.Items);
                theirs = new BQueue(op.Items);
                return ("copied", "copied");
        }
    }

    private static (string Ours, string Theirs) ApplyToStacks(ref XStack ours, ref BStack theirs, Operation op)
    {
        XStack o = ours;
        BStack t = theirs;
        switch (op.Kind)
        {
            case 0:
            case 1:
            case 2:
            case 3:
                return (Outcome.Of(() => o.Push(op.A)), Outcome.Of(() => t.Push(op.A)));
            case 4:
            case 5:
                return (Outcome.Of(o.Pop), Outcome.Of(t.Pop));
            case 6:
                return (Outcome.Of(() => (o.TryPop(out int v), v)), Outcome.Of(() => (t.TryPop(out int v), v)));
            case 7:
                return (Outcome.Of(() => (o.Peek(), 0)), Outcome.Of(() => (t.Peek(), 0)));
            case 8:
                return (Outcome.Of(() => (o.TryPeek(out int v), v, o.Contains(op.A))), Outcome.Of(() => (t.TryPeek(out int v), v, t.Contains(op.A))));
            case 9:
                return (Outcome.Of(o.Clear), Outcome.Of(t.Clear));
            case 10:
                return (Outcome.Of(() => (o.ToArray(), CopyTo(o.CopyTo, op.B))), Outcome.Of(() => (t.ToArray(), CopyTo(t.CopyTo, op.B))));
            case 11:
                return (Outcome.Of(() => o.EnsureCapacity(op.C * 2)), Outcome.Of(() => t.EnsureCapacity(op.C * 2)));
            case 12:
                return (Outcome.Of(o.TrimExcess), Outcome.Of(t.TrimExcess));
            case 13:
                return (Outcome.Of(() => o.TrimExcess(op.C)), Outcome.Of(() => t.TrimExcess(op.C)));
            case 14:
                ours = new XStack(Sequences.Lazy(o));
                theirs = new BStack(Sequences.Lazy(t));
                return ("copied", "copied");
            default:
                ours = new XStack(op.Items);
                theirs = new BStack(op.Items);
                return ("copied", "copied");
        }
    }

    private static int[] CopyTo(Action<int[], int> copy, int arrayIndex)
    {
        int[] array = new int[24];
        copy(array, arrayIndex);
        return array;
    }
}
