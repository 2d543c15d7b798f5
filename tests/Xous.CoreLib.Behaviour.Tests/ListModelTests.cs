extern alias corlib;

using CsCheck;
using BList = System.Collections.Generic.List<int>;
using Marshal = corlib::System.Runtime.InteropServices.CollectionsMarshal;
using XList = corlib::System.Collections.Generic.List<int>;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// Random sequences of list operations, applied to our <c>List&lt;int&gt;</c> and to the BCL's: after every step the
/// results (or exception types), contents in order, count, capacity and the fate of an enumerator taken before the
/// step must be the same.
/// </summary>
public class ListModelTests
{
    private const int Kinds = 40;

    [Fact]
    public void Random_operation_sequences_behave_like_the_BCL()
    {
        Operation.Generator(Kinds).Array[0, 60].Sample(operations =>
        {
            var ours = new XList();
            var theirs = new BList();
            foreach (Operation operation in operations)
            {
                XList.Enumerator ourEnumerator = ours.GetEnumerator();
                BList.Enumerator theirEnumerator = theirs.GetEnumerator();
                bool advanced = ours.Count > 0;
                if (advanced)
                {
                    ourEnumerator.MoveNext();
                    theirEnumerator.MoveNext();
                }

                (string ourResult, string theirResult) = Apply(ref ours, ref theirs, operation);
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
    public void Construction_from_sequences_behaves_like_the_BCL()
    {
        Gen.Int.Array[0, 40].Sample(items =>
        {
            Assert.Equal(new BList(items), new XList(items));
            Assert.Equal(new BList(items).Capacity, new XList(items).Capacity);
            Assert.Equal(new BList(Sequences.Lazy(items)).Capacity, new XList(Sequences.Lazy(items)).Capacity);
            Assert.Equal(new BList(Sequences.Lazy(items)), new XList(Sequences.Lazy(items)));
        });
    }

    private static (string Ours, string Theirs) Apply(ref XList ours, ref BList theirs, Operation op)
    {
        XList o = ours;
        BList t = theirs;
        int a = op.A;
        int b = op.B;
        int c = op.C;
        int[] items = op.Items;
        Predicate<int> match = x => x % ((Math.Abs(b) % 4) + 2) == 0;
        Comparison<int> descending = (x, y) => y.CompareTo(x);
        IComparer<int> byLastDigit = Comparer<int>.Create((x, y) => (x % 10).CompareTo(y % 10));

        switch (op.Kind)
        {
            case 0:
                return (Outcome.Of(() => o.Add(a)), Outcome.Of(() => t.Add(a)));
            case 1:
                return (Outcome.Of(() => o.AddRange(items)), Outcome.Of(() => t.AddRange(items)));
            case 2:
                return (Outcome.Of(() => o.AddRange(Sequences.Lazy(items))), Outcome.Of(() => t.AddRange(Sequences.Lazy(items))));
            case 3:
                return (Outcome.Of(() => o.Insert(a, b)), Outcome.Of(() => t.Insert(a, b)));
            case 4:
                return (Outcome.Of(() => o.InsertRange(a, items)), Outcome.Of(() => t.InsertRange(a, items)));
            case 5:
                return (Outcome.Of(() => o.InsertRange(a, Sequences.Lazy(items))), Outcome.Of(() => t.InsertRange(a, Sequences.Lazy(items))));
            case 6:
                return (Outcome.Of(() => o.Remove(a)), Outcome.Of(() => t.Remove(a)));
            case 7:
                return (Outcome.Of(() => o.RemoveAt(a)), Outcome.Of(() => t.RemoveAt(a)));
            case 8:
                return (Outcome.Of(() => o.RemoveRange(a, b)), Outcome.Of(() => t.RemoveRange(a, b)));
            case 9:
                return (Outcome.Of(() => o.RemoveAll(match)), Outcome.Of(() => t.RemoveAll(match)));
            case 10:
                return (Outcome.Of(o.Clear), Outcome.Of(t.Clear));
            case 11:
                return (Outcome.Of(() => o[a] = b), Outcome.Of(() => t[a] = b));
            case 12:
                return (Outcome.Of(() => o[a]), Outcome.Of(() => t[a]));
            case 13:
                return (Outcome.Of(() => (o.IndexOf(a), o.IndexOf(a, b), o.IndexOf(a, b, c))), Outcome.Of(() => (t.IndexOf(a), t.IndexOf(a, b), t.IndexOf(a, b, c))));
            case 14:
                return (Outcome.Of(() => (o.LastIndexOf(a), o.LastIndexOf(a, b), o.LastIndexOf(a, b, c))), Outcome.Of(() => (t.LastIndexOf(a), t.LastIndexOf(a, b), t.LastIndexOf(a, b, c))));
            case 15:
                return (Outcome.Of(() => o.Contains(a)), Outcome.Of(() => t.Contains(a)));
            case 16:
                return (Outcome.Of(() => (o.Find(match), o.FindLast(match), o.FindIndex(match), o.FindLastIndex(match))), Outcome.Of(() => (t.Find(match), t.FindLast(match), t.FindIndex(match), t.FindLastIndex(match))));
            case 17:
                return (Outcome.Of(() => (o.FindIndex(a, match), o.FindIndex(a, b, match))), Outcome.Of(() => (t.FindIndex(a, match), t.FindIndex(a, b, match))));
            case 18:
                return (Outcome.Of(() => (o.FindLastIndex(a, match), o.FindLastIndex(a, b, match))), Outcome.Of(() => (t.FindLastIndex(a, match), t.FindLastIndex(a, b, match))));
            case 19:
                return (Outcome.Of(() => (o.Exists(match), o.TrueForAll(match))), Outcome.Of(() => (t.Exists(match), t.TrueForAll(match))));
            case 20:
                return (Outcome.Of(o.Sort), Outcome.Of(t.Sort));
            case 21:
                return (Outcome.Of(() => o.Sort(descending)), Outcome.Of(() => t.Sort(descending)));
            case 22:
                return (Outcome.Of(() => o.Sort(a, b, byLastDigit)), Outcome.Of(() => t.Sort(a, b, byLastDigit)));
            case 23:
                return (Outcome.Of(() => o.Sort(byLastDigit)), Outcome.Of(() => t.Sort(byLastDigit)));
            case 24:
                return (Outcome.Of(o.Reverse), Outcome.Of(t.Reverse));
            case 25:
                return (Outcome.Of(() => o.Reverse(a, b)), Outcome.Of(() => t.Reverse(a, b)));
            case 26:
                return (Outcome.Of(() => (o.BinarySearch(a), o.BinarySearch(a, byLastDigit))), Outcome.Of(() => (t.BinarySearch(a), t.BinarySearch(a, byLastDigit))));
            case 27:
                return (Outcome.Of(() => o.BinarySearch(a, b, c, null)), Outcome.Of(() => t.BinarySearch(a, b, c, null)));
            case 28:
                return (Outcome.Of(o.ToArray), Outcome.Of(t.ToArray));
            case 29:
                return (Outcome.Of(() => CopyTo(o.CopyTo, a, c)), Outcome.Of(() => CopyTo(t.CopyTo, a, c)));
            case 30:
                return (Outcome.Of(() => CopyRange(o.CopyTo, a, b, c)), Outcome.Of(() => CopyRange(t.CopyTo, a, b, c)));
            case 31:
                return (Outcome.Of(() => o.GetRange(a, b)), Outcome.Of(() => t.GetRange(a, b)));
            case 32:
                return (Outcome.Of(() => o.Capacity = a), Outcome.Of(() => t.Capacity = a));
            case 33:
                return (Outcome.Of(() => o.EnsureCapacity(a * 3)), Outcome.Of(() => t.EnsureCapacity(a * 3)));
            case 34:
                return (Outcome.Of(o.TrimExcess), Outcome.Of(t.TrimExcess));
            case 35:
                return (Outcome.Of(() => o.InsertRange(a, o)), Outcome.Of(() => t.InsertRange(a, t)));
            case 36:
                return (Outcome.Of(() => o.AddRange(o)), Outcome.Of(() => t.AddRange(t)));
            case 37:
                return (Outcome.Of(() => (o.FindAll(match), o.Slice(a, b))), Outcome.Of(() => (t.FindAll(match), t.Slice(a, b))));
            case 38:
                return (Outcome.Of(() => Marshal.SetCount(o, a)), Outcome.Of(() => System.Runtime.InteropServices.CollectionsMarshal.SetCount(t, a)));
            default:
                // Replace both lists by copies of themselves: the copy constructor.
                ours = new XList(o);
                theirs = new BList(t);
                return ("copied", "copied");
        }
    }

    private static int[] CopyTo(Action<int[], int> copy, int arrayIndex, int arrayLength)
    {
        int[] array = new int[Math.Max(arrayLength, 0)];
        copy(array, arrayIndex);
        return array;
    }

    private static int[] CopyRange(Action<int, int[], int, int> copy, int index, int arrayIndex, int count)
    {
        int[] array = new int[12];
        copy(index, array, arrayIndex, count);
        return array;
    }
}
