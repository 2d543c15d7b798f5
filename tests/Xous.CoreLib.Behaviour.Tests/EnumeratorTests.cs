extern alias corlib;

using System.Collections;
using X = corlib::System.Collections.Generic;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// The corners of enumeration, where .NET's collections differ from one another: <c>Current</c> before the start
/// and after the end (generic and not), after <c>Dispose</c> and <c>Reset</c>, and the shared empty enumerator handed
/// out through the interfaces. Each of ours must do exactly what the BCL's does.
/// </summary>
public class EnumeratorTests
{
    public static TheoryData<string> Collections => new()
    {
        "list", "hashset", "queue", "stack", "dictionary-keys", "dictionary-values",
        "list-empty", "hashset-empty", "queue-empty", "stack-empty", "dictionary-keys-empty", "dictionary-values-empty",
    };

    [Theory]
    [MemberData(nameof(Collections))]
    public void Struct_enumerators_behave_like_the_BCL(string collection)
    {
        Assert.Equal(Probe(() => TheirStructEnumerator(collection)), Probe(() => OurStructEnumerator(collection)));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public void Interface_enumerators_behave_like_the_BCL(string collection)
    {
        Assert.Equal(Probe(() => TheirSequence(collection).GetEnumerator()), Probe(() => OurSequence(collection).GetEnumerator()));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public void Non_generic_enumerators_behave_like_the_BCL(string collection)
    {
        Assert.Equal(
            Probe(() => Wrap(((IEnumerable)TheirSequence(collection)).GetEnumerator())),
            Probe(() => Wrap(((IEnumerable)OurSequence(collection)).GetEnumerator())));
    }

    [Fact]
    public void Dictionary_pair_enumerators_behave_like_the_BCL()
    {
        var ours = new X.Dictionary<int, int> { { 5, 50 }, { 6, 60 } };
        var theirs = new Dictionary<int, int> { { 5, 50 }, { 6, 60 } };
        Assert.Equal(ProbePairs(() => theirs.GetEnumerator()), ProbePairs(() => ours.GetEnumerator()));
        Assert.Equal(ProbePairs(((IEnumerable<KeyValuePair<int, int>>)theirs).GetEnumerator), ProbePairs(((IEnumerable<KeyValuePair<int, int>>)ours).GetEnumerator));

        var ourEmpty = new X.Dictionary<int, int>();
        var theirEmpty = new Dictionary<int, int>();
        Assert.Equal(ProbePairs(((IEnumerable<KeyValuePair<int, int>>)theirEmpty).GetEnumerator), ProbePairs(((IEnumerable<KeyValuePair<int, int>>)ourEmpty).GetEnumerator));
    }

    [Fact]
    public void The_empty_enumerator_is_shared_and_ignores_later_changes()
    {
        var ours = new X.List<int>();
        IEnumerator<int> first = ((IEnumerable<int>)ours).GetEnumerator();
        Assert.Same(first, ((IEnumerable<int>)new X.List<int>()).GetEnumerator());
        ours.Add(1);
        Assert.False(first.MoveNext());
    }

    [Fact]
    public void Foreach_over_our_collections_does_not_allocate()
    {
        var list = new X.List<int> { 1, 2, 3 };
        var dictionary = new X.Dictionary<int, int> { { 1, 1 }, { 2, 2 } };
        var set = new X.HashSet<int> { 1, 2 };
        var queue = new X.Queue<int>(new[] { 1, 2 });
        var stack = new X.Stack<int>(new[] { 1, 2 });
        int sum = SumAll(list, dictionary, set, queue, stack);

        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += SumAll(list, dictionary, set, queue, stack);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * 27, sum);
    }

    private static int SumAll(X.List<int> list, X.Dictionary<int, int> dictionary, X.HashSet<int> set, X.Queue<int> queue, X.Stack<int> stack)
    {
        int sum = 0;
        foreach (int item in list)
        {
            sum += item;
        }

        foreach (KeyValuePair<int, int> pair in dictionary)
        {
            sum += pair.Key + pair.Value;
        }

        foreach (int key in dictionary.Keys)
        {
            sum += key;
        }

        foreach (int value in dictionary.Values)
        {
            sum += value;
        }

        foreach (int item in set)
        {
            sum += item;
        }

        foreach (int item in queue)
        {
            sum += item;
        }

        foreach (int item in stack)
        {
            sum += item;
        }

        return sum;
    }

    private static IEnumerable<int> OurSequence(string collection) => collection switch
    {
        "list" => new X.List<int> { 5, 6 },
        "hashset" => new X.HashSet<int> { 5, 6 },
        "queue" => new X.Queue<int>(new[] { 5, 6 }),
        "stack" => new X.Stack<int>(new[] { 5, 6 }),
        "dictionary-keys" => new X.Dictionary<int, int> { { 5, 50 }, { 6, 60 } }.Keys,
        "dictionary-values" => new X.Dictionary<int, int> { { 5, 50 }, { 6, 60 } }.Values,
        "list-empty" => new X.List<int>(),
        "hashset-empty" => new X.HashSet<int>(),
        "queue-empty" => new X.Queue<int>(),
        "stack-empty" => new X.Stack<int>(),
        "dictionary-keys-empty" => new X.Dictionary<int, int>().Keys,
        _ => new X.Dictionary<int, int>().Values,
    };

    private static IEnumerable<int> TheirSequence(string collection) => collection switch
    {
        "list" => new List<int> { 5, 6 },
        "hashset" => new HashSet<int> { 5, 6 },
        "queue" => new Queue<int>(new[] { 5, 6 }),
        "stack" => new Stack<int>(new[] { 5, 6 }),
        "dictionary-keys" => new Dictionary<int, int> { { 5, 50 }, { 6, 60 } }.Keys,
        "dictionary-values" => new Dictionary<int, int> { { 5, 50 }, { 6, 60 } }.Values,
        "list-empty" => new List<int>(),
        "hashset-empty" => new HashSet<int>(),
        "queue-empty" => new Queue<int>(),
        "stack-empty" => new Stack<int>(),
        "dictionary-keys-empty" => new Dictionary<int, int>().Keys,
        _ => new Dictionary<int, int>().Values,
    };

    // The struct enumerators, boxed only here so that one probe can drive them all.
    private static IEnumerator<int> OurStructEnumerator(string collection) => OurSequence(collection) switch
    {
        X.List<int> c => c.GetEnumerator(),
        X.HashSet<int> c => c.GetEnumerator(),
        X.Queue<int> c => c.GetEnumerator(),
        X.Stack<int> c => c.GetEnumerator(),
        X.Dictionary<int, int>.KeyCollection c => c.GetEnumerator(),
        X.Dictionary<int, int>.ValueCollection c => c.GetEnumerator(),
        _ => throw new ArgumentOutOfRangeException(nameof(collection)),
    };

    private static IEnumerator<int> TheirStructEnumerator(string collection) => TheirSequence(collection) switch
    {
        List<int> c => c.GetEnumerator(),
        HashSet<int> c => c.GetEnumerator(),
        Queue<int> c => c.GetEnumerator(),
        Stack<int> c => c.GetEnumerator(),
        Dictionary<int, int>.KeyCollection c => c.GetEnumerator(),
        Dictionary<int, int>.ValueCollection c => c.GetEnumerator(),
        _ => throw new ArgumentOutOfRangeException(nameof(collection)),
    };

    private static IEnumerator<int> Wrap(IEnumerator enumerator) => new NonGenericAdapter(enumerator);

    /// <summary>Everything an enumerator can be asked, from fresh instances, as one comparable string.</summary>
    private static string Probe(Func<IEnumerator<int>> make)
    {
        return string.Join(" | ", new[]
        {
            "before " + Outcome.Of(() => make().Current),
            "non-generic before " + Outcome.Of(() => ((IEnumerator)make()).Current),
            "all " + Outcome.Of(() => Drain(make())),
            "after end " + Outcome.Of(() => AtEnd(make()).Current),
            "non-generic after end " + Outcome.Of(() => ((IEnumerator)AtEnd(make())).Current),
            "move after dispose " + Outcome.Of(() => Disposed(make()).MoveNext()),
            "current after dispose " + Outcome.Of(() => Disposed(make()).Current),
            "non-generic current after dispose " + Outcome.Of(() => ((IEnumerator)Disposed(make())).Current),
            "current after reset " + Outcome.Of(() => ResetAfterOne(make()).Current),
            "non-generic current after reset " + Outcome.Of(() => ((IEnumerator)ResetAfterOne(make())).Current),
            "all after reset " + Outcome.Of(() => Drain(ResetAfterEnd(make()))),
        });
    }

    private static string ProbePairs(Func<IEnumerator<KeyValuePair<int, int>>> make)
    {
        return string.Join(" | ", new[]
        {
            "before " + Outcome.Of(() => make().Current),
            "non-generic before " + Outcome.Of(() => ((IEnumerator)make()).Current),
            "after end " + Outcome.Of(() => AtEnd(make()).Current),
            "non-generic after end " + Outcome.Of(() => ((IEnumerator)AtEnd(make())).Current),
            "move after dispose " + Outcome.Of(() => Disposed(make()).MoveNext()),
            "all after reset " + Outcome.Of(() => Drain(ResetAfterEnd(make()))),
        });
    }

    private static List<T> Drain<T>(IEnumerator<T> enumerator)
    {
        var items = new List<T>();
        while (enumerator.MoveNext())
        {
            items.Add(enumerator.Current);
        }

        return items;
    }

    private static IEnumerator<T> AtEnd<T>(IEnumerator<T> enumerator)
    {
        while (enumerator.MoveNext())
        {
        }

        return enumerator;
    }

    private static IEnumerator<T> Disposed<T>(IEnumerator<T> enumerator)
    {
        enumerator.MoveNext();
        enumerator.Dispose();
        return enumerator;
    }

    private static IEnumerator<T> ResetAfterOne<T>(IEnumerator<T> enumerator)
    {
        enumerator.MoveNext();
        enumerator.Reset();
        return enumerator;
    }

    private static IEnumerator<T> ResetAfterEnd<T>(IEnumerator<T> enumerator)
    {
        AtEnd(enumerator);
        enumerator.Reset();
        return enumerator;
    }

    /// <summary>Presents a non-generic enumerator to the probe; <c>Current</c> goes through <see cref="IEnumerator.Current"/>.</summary>
    private sealed class NonGenericAdapter(IEnumerator inner) : IEnumerator<int>, IEnumerator
    {
        public int Current => (int)inner.Current;

        object IEnumerator.Current => inner.Current;

        public bool MoveNext() => inner.MoveNext();

        public void Reset() => inner.Reset();

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
