extern alias corlib;

using CsCheck;
using BSet = System.Collections.Generic.HashSet<int>;
using XSet = corlib::System.Collections.Generic.HashSet<int>;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// Random sequences of hash set operations, including every set operation against each kind of "other" sequence
/// .NET special-cases (an array, a lazy sequence, a hash set with the same comparer, one with another comparer, the
/// set itself), compared with the BCL after every step: results, exact enumeration order, count, capacity and
/// enumerator invalidation.
/// </summary>
public class HashSetModelTests
{
    private const int Kinds = 26;

    public static TheoryData<string> Comparers => new() { "default", "modulo", "constant-hash" };

    [Theory]
    [MemberData(nameof(Comparers))]
    public void Random_operation_sequences_behave_like_the_BCL(string comparerName)
    {
        IEqualityComparer<int>? comparer = comparerName switch
        {
            "modulo" => new ModuloComparer(11),
            "constant-hash" => new ConstantHashComparer(),
            _ => null,
        };

        Gen.Select(Operation.Generator(Kinds).Array[0, 60], Gen.Int[0, 4]).Sample(sample =>
        {
            (Operation[] operations, int otherKind) = sample;
            var ours = new XSet(comparer);
            var theirs = new BSet(comparer);
            foreach (Operation operation in operations)
            {
                XSet.Enumerator ourEnumerator = ours.GetEnumerator();
                BSet.Enumerator theirEnumerator = theirs.GetEnumerator();
                ourEnumerator.MoveNext();
                theirEnumerator.MoveNext();

                (string ourResult, string theirResult) = Apply(ref ours, ref theirs, operation, comparer, otherKind);
                Assert.Equal(theirResult, ourResult);
                Assert.Equal(theirs, ours);
                Assert.Equal(theirs.Count, ours.Count);
                Assert.Equal(theirs.Capacity, ours.Capacity);
                Assert.Equal(Outcome.Of(() => theirEnumerator.MoveNext()), Outcome.Of(() => ourEnumerator.MoveNext()));
            }
        }, iter: 300);
    }

    /// <summary>The "other" argument of a set operation, built the same way for both sides.</summary>
    private static (IEnumerable<int> Ours, IEnumerable<int> Theirs) Other(XSet ours, BSet theirs, int[] items, int otherKind, IEqualityComparer<int>? comparer) => otherKind switch
    {
        0 => (items, items),
        1 => (Sequences.Lazy(items), Sequences.Lazy(items)),
        2 => (new XSet(items, comparer), new BSet(items, comparer)),
        3 => (new XSet(items, new ModuloComparer(5)), new BSet(items, new ModuloComparer(5))),
        _ => (ours, theirs),
    };

    private static (string Ours, string Theirs) Apply(ref XSet ours, ref BSet theirs, Operation op, IEqualityComparer<int>? comparer, int otherKind)
    {
        XSet o = ours;
        BSet t = theirs;
        int a = op.A;
        Predicate<int> match = x => x % ((Math.Abs(op.B) % 4) + 2) == 0;
        (IEnumerable<int> ourOther, IEnumerable<int> theirOther) = Other(o, t, op.Items, op.C < 4 ? otherKind : op.C % 5, comparer);

        switch (op.Kind)
        {
            case 0:
            case 1:
            case 2:
                return (Outcome.Of(() => o.Add(a)), Outcome.Of(() => t.Add(a)));
            case 3:
            case 4:
                return (Outcome.Of(() => o.Remove(a)), Outcome.Of(() => t.Remove(a)));
            case 5:
                return (Outcome.Of(() => (o.Contains(a), o.TryGetValue(a, out int v), v)), Outcome.Of(() => (t.Contains(a), t.TryGetValue(a, out int v), v)));
            case 6:
                return (Outcome.Of(o.Clear), Outcome.Of(t.Clear));
            case 7:
                return (Outcome.Of(() => o.RemoveWhere(match)), Outcome.Of(() => t.RemoveWhere(match)));
            case 8:
                return (Outcome.Of(() => o.EnsureCapacity(op.C * 2)), Outcome.Of(() => t.EnsureCapacity(op.C * 2)));
            case 9:
                return (Outcome.Of(o.TrimExcess), Outcome.Of(t.TrimExcess));
            case 10:
                return (Outcome.Of(() => o.TrimExcess(op.C)), Outcome.Of(() => t.TrimExcess(op.C)));
            case 11:
                return (Outcome.Of(() => CopyTo(o.CopyTo, op.B, op.C)), Outcome.Of(() => CopyTo(t.CopyTo, op.B, op.C)));
            case 12:
            case 13:
                return (Outcome.Of(() => o.UnionWith(ourOther)), Outcome.Of(() => t.UnionWith(theirOther)));
            case 14:
                return (Outcome.Of(() => o.IntersectWith(ourOther)), Outcome.Of(() => t.IntersectWith(theirOther)));
            case 15:
                return (Outcome.Of(() => o.ExceptWith(ourOther)), Outcome.Of(() => t.ExceptWith(theirOther)));
            case 16:
            case 17:
                return (Outcome.Of(() => o.SymmetricExceptWith(ourOther)), Outcome.Of(() => t.SymmetricExceptWith(theirOther)));
            case 18:
                return (Outcome.Of(() => (o.IsSubsetOf(ourOther), o.IsProperSubsetOf(ourOther))), Outcome.Of(() => (t.IsSubsetOf(theirOther), t.IsProperSubsetOf(theirOther))));
            case 19:
                return (Outcome.Of(() => (o.IsSupersetOf(ourOther), o.IsProperSupersetOf(ourOther))), Outcome.Of(() => (t.IsSupersetOf(theirOther), t.IsProperSupersetOf(theirOther))));
            case 20:
                return (Outcome.Of(() => (o.Overlaps(ourOther), o.SetEquals(ourOther))), Outcome.Of(() => (t.Overlaps(theirOther), t.SetEquals(theirOther))));
            case 21:
                ours = new XSet(o, comparer);
                theirs = new BSet(t, comparer);
                return ("copied", "copied");
            case 22:
                ours = new XSet(o.ToArray(), comparer);
                theirs = new BSet(t.ToArray(), comparer);
                return ("copied", "copied");
            case 23:
                ours = new XSet(ourOther, comparer);
                theirs = new BSet(theirOther, comparer);
                return ("copied", "copied");
            case 24:
                ours = new XSet(op.Items.Concat(op.Items).Concat(op.Items).ToArray(), comparer);
                theirs = new BSet(op.Items.Concat(op.Items).Concat(op.Items).ToArray(), comparer);
                return ("copied", "copied");
            default:
                return (Outcome.Of(() => o.Comparer.GetType().Name), Outcome.Of(() => comparer is null ? "DefaultEqualityComparer`1" : t.Comparer.GetType().Name));
        }
    }

    private static int[] CopyTo(Action<int[], int, int> copy, int arrayIndex, int count)
    {
        int[] array = new int[16];
        copy(array, arrayIndex, count);
        return array;
    }
}
