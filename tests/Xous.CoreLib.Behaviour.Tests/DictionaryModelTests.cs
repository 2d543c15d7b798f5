extern alias corlib;

using CsCheck;
using BDictionary = System.Collections.Generic.Dictionary<int, int>;
using BMarshal = System.Runtime.InteropServices.CollectionsMarshal;
using XDictionary = corlib::System.Collections.Generic.Dictionary<int, int>;
using XMarshal = corlib::System.Runtime.InteropServices.CollectionsMarshal;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// Random sequences of dictionary operations on ours and the BCL's, compared after every step: results, the exact
/// enumeration order of pairs, keys and values (which .NET defines by its entry array and free list, even after
/// removals), count, capacity, and whether enumerators taken before the step survive it.
/// </summary>
public class DictionaryModelTests
{
    private const int Kinds = 24;

    public static TheoryData<string> Comparers => new() { "default", "modulo", "constant-hash" };

    [Theory]
    [MemberData(nameof(Comparers))]
    public void Random_operation_sequences_behave_like_the_BCL(string comparerName)
    {
        IEqualityComparer<int>? comparer = comparerName switch
        {
            "modulo" => new ModuloComparer(7),
            "constant-hash" => new ConstantHashComparer(),
            _ => null,
        };

        Operation.Generator(Kinds).Array[0, 80].Sample(operations =>
        {
            var ours = new XDictionary(comparer);
            var theirs = new BDictionary(comparer);
            foreach (Operation operation in operations)
            {
                XDictionary.Enumerator ourPairs = ours.GetEnumerator();
                BDictionary.Enumerator theirPairs = theirs.GetEnumerator();
                XDictionary.KeyCollection.Enumerator ourKeys = ours.Keys.GetEnumerator();
                BDictionary.KeyCollection.Enumerator theirKeys = theirs.Keys.GetEnumerator();
                XDictionary.ValueCollection.Enumerator ourValues = ours.Values.GetEnumerator();
                BDictionary.ValueCollection.Enumerator theirValues = theirs.Values.GetEnumerator();
                ourPairs.MoveNext();
                theirPairs.MoveNext();

                (string ourResult, string theirResult) = Apply(ref ours, ref theirs, operation, comparer);
                Assert.Equal(theirResult, ourResult);
                Assert.Equal(theirs, ours);
                Assert.Equal(theirs.Keys, ours.Keys);
                Assert.Equal(theirs.Values, ours.Values);
                Assert.Equal(theirs.Count, ours.Count);
                Assert.Equal(theirs.Capacity, ours.Capacity);
                Assert.Equal(Outcome.Of(() => theirPairs.MoveNext()), Outcome.Of(() => ourPairs.MoveNext()));
                Assert.Equal(Outcome.Of(() => theirKeys.MoveNext()), Outcome.Of(() => ourKeys.MoveNext()));
                Assert.Equal(Outcome.Of(() => theirValues.MoveNext()), Outcome.Of(() => ourValues.MoveNext()));
            }
        }, iter: 300);
    }

    private static (string Ours, string Theirs) Apply(ref XDictionary ours, ref BDictionary theirs, Operation op, IEqualityComparer<int>? comparer)
    {
        XDictionary o = ours;
        BDictionary t = theirs;
        int key = op.A;
        int value = op.B;
        var pair = new KeyValuePair<int, int>(key, value);

        switch (op.Kind)
        {
            case 0:
            case 1:
                return (Outcome.Of(() => o.Add(key, value)), Outcome.Of(() => t.Add(key, value)));
            case 2:
            case 3:
                return (Outcome.Of(() => o.TryAdd(key, value)), Outcome.Of(() => t.TryAdd(key, value)));
            case 4:
                return (Outcome.Of(() => o[key] = value), Outcome.Of(() => t[key] = value));
            case 5:
                return (Outcome.Of(() => o[key]), Outcome.Of(() => t[key]));
            case 6:
                return (Outcome.Of(() => (o.TryGetValue(key, out int v), v)), Outcome.Of(() => (t.TryGetValue(key, out int v), v)));
            case 7:
            case 8:
                return (Outcome.Of(() => o.Remove(key)), Outcome.Of(() => t.Remove(key)));
            case 9:
                return (Outcome.Of(() => (o.Remove(key, out int v), v)), Outcome.Of(() => (t.Remove(key, out int v), v)));
            case 10:
                return (Outcome.Of(() => (o.ContainsKey(key), o.ContainsValue(value), o.Keys.Contains(key))), Outcome.Of(() => (t.ContainsKey(key), t.ContainsValue(value), t.Keys.Contains(key))));
            case 11:
                return (Outcome.Of(o.Clear), Outcome.Of(t.Clear));
            case 12:
                return (Outcome.Of(() => o.EnsureCapacity(op.C * 2)), Outcome.Of(() => t.EnsureCapacity(op.C * 2)));
            case 13:
                return (Outcome.Of(o.TrimExcess), Outcome.Of(t.TrimExcess));
            case 14:
                return (Outcome.Of(() => o.TrimExcess(op.C)), Outcome.Of(() => t.TrimExcess(op.C)));
            case 15:
                return (Outcome.Of(() => ++XMarshal.GetValueRefOrAddDefault(o, key, out bool exists) + (exists ? 100 : 0)), Outcome.Of(() => ++BMarshal.GetValueRefOrAddDefault(t, key, out bool exists) + (exists ? 100 : 0)));
            case 16:
                return (Outcome.Of(() => NullRefOrIncrement(ref XMarshal.GetValueRefOrNullRef(o, key))), Outcome.Of(() => NullRefOrIncrement(ref BMarshal.GetValueRefOrNullRef(t, key))));
            case 17:
                return (Outcome.Of(() => ((ICollection<KeyValuePair<int, int>>)o).Contains(pair)), Outcome.Of(() => ((ICollection<KeyValuePair<int, int>>)t).Contains(pair)));
            case 18:
                return (Outcome.Of(() => ((ICollection<KeyValuePair<int, int>>)o).Remove(pair)), Outcome.Of(() => ((ICollection<KeyValuePair<int, int>>)t).Remove(pair)));
            case 19:
                return (Outcome.Of(() => CopyPairs(o, op.C)), Outcome.Of(() => CopyPairs(t, op.C)));
            case 20:
                return (Outcome.Of(() => (CopyKeys(o.Keys.CopyTo, op.C), CopyValues(o.Values.CopyTo, op.C))), Outcome.Of(() => (CopyKeys(t.Keys.CopyTo, op.C), CopyValues(t.Values.CopyTo, op.C))));
            case 21:
                ours = new XDictionary(o, comparer);
                theirs = new BDictionary(t, comparer);
                return ("copied", "copied");
            case 22:
                ours = new XDictionary(o.ToList(), comparer);
                theirs = new BDictionary(t.ToList(), comparer);
                return ("copied", "copied");
            default:
                // Several pairs at once, possibly with duplicate keys (then both constructors throw).
                KeyValuePair<int, int>[] pairs = op.Items.Select(k => new KeyValuePair<int, int>(k, k * 3)).ToArray();
                XDictionary? ourCopy = null;
                BDictionary? theirCopy = null;
                string ourResult = Outcome.Of(() => ourCopy = new XDictionary(pairs, comparer));
                string theirResult = Outcome.Of(() => theirCopy = new BDictionary(pairs, comparer));
                ours = ourCopy ?? ours;
                theirs = theirCopy ?? theirs;
                return (ourResult, theirResult);
        }
    }

    private static string NullRefOrIncrement(ref int value)
    {
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref value))
        {
            return "null ref";
        }

        value += 1000;
        return "incremented";
    }

    private static KeyValuePair<int, int>[] CopyPairs(ICollection<KeyValuePair<int, int>> dictionary, int index)
    {
        var array = new KeyValuePair<int, int>[20];
        dictionary.CopyTo(array, index);
        return array;
    }

    private static int[] CopyKeys(Action<int[], int> copy, int index)
    {
        int[] array = new int[20];
        copy(array, index);
        return array;
    }

    private static int[] CopyValues(Action<int[], int> copy, int index) => CopyKeys(copy, index);
}
