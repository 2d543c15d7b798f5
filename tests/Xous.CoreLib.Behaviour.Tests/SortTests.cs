extern alias corlib;

using CsCheck;
using XList = corlib::System.Collections.Generic.List<int>;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// List sorting. .NET's sort is an unstable introsort; ours takes the same steps, so it must give the same
/// permutation as the BCL even when elements compare equal (checked with pairs sorted by key only), and it must sort.
/// </summary>
public class SortTests
{
    /// <summary>A pair ordered by its key alone, so that the order of equal keys shows which permutation the sort chose.</summary>
    public readonly record struct Pair(int Key, int Tag) : IComparable<Pair>
    {
        public int CompareTo(Pair other) => Key.CompareTo(other.Key);
    }

    private static readonly Gen<Pair[]> s_pairs =
        Gen.Int[0, 3000].SelectMany(n => Gen.Int[0, 40].Array[n].Select(keys => keys.Select((k, i) => new Pair(k, i)).ToArray()));

    [Fact]
    public void Sort_with_a_comparison_gives_the_BCL_permutation_even_for_equal_keys()
    {
        s_pairs.Sample(pairs =>
        {
            var ours = new corlib::System.Collections.Generic.List<Pair>(pairs);
            var theirs = new List<Pair>(pairs);
            ours.Sort((x, y) => x.Key.CompareTo(y.Key));
            theirs.Sort((x, y) => x.Key.CompareTo(y.Key));
            Assert.Equal(theirs, ours);
            AssertSortedPermutation(pairs, ours);
        }, iter: 200);
    }

    [Fact]
    public void Default_sort_of_an_IComparable_struct_gives_the_BCL_permutation()
    {
        s_pairs.Sample(pairs =>
        {
            var ours = new corlib::System.Collections.Generic.List<Pair>(pairs);
            var theirs = new List<Pair>(pairs);
            ours.Sort();
            theirs.Sort();
            Assert.Equal(theirs, ours);
        }, iter: 200);
    }

    [Fact]
    public void Sort_of_a_range_with_a_comparer_gives_the_BCL_permutation()
    {
        Gen.Select(s_pairs, Gen.Int[0, 100], Gen.Int[0, 3000]).Sample(sample =>
        {
            (Pair[] pairs, int index, int count) = sample;
            var ours = new corlib::System.Collections.Generic.List<Pair>(pairs);
            var theirs = new List<Pair>(pairs);
            IComparer<Pair> descending = Comparer<Pair>.Create((x, y) => y.Key.CompareTo(x.Key));
            Assert.Equal(
                Outcome.Of(() => theirs.Sort(index, count, descending)),
                Outcome.Of(() => ours.Sort(index, count, descending)));
            Assert.Equal(theirs, ours);
        }, iter: 200);
    }

    [Fact]
    public void Heapsort_fallback_sorts()
    {
        // The depth limit (2 * (log2 n + 1)) is only reached by adversarial inputs, so the heapsort is checked directly.
        Gen.Int[-50, 50].Array[0, 500].Sample(keys =>
        {
            int[] sorted = (int[])keys.Clone();
            corlib::System.Collections.Generic.ArraySortHelper<int>.HeapSort(sorted, (x, y) => x.CompareTo(y));
            Assert.Equal(keys.Order(), sorted);
        });
    }

    [Fact]
    public void Insertion_sort_is_stable_and_sorts()
    {
        Gen.Int[0, 5].Array[0, 16].Sample(keys =>
        {
            Pair[] pairs = keys.Select((k, i) => new Pair(k, i)).ToArray();
            corlib::System.Collections.Generic.ArraySortHelper<Pair>.InsertionSort(pairs, (x, y) => x.Key.CompareTo(y.Key));
            Assert.Equal(pairs.OrderBy(p => p.Key).ThenBy(p => p.Tag), pairs);
        });
    }

    [Fact]
    public void A_throwing_comparison_is_wrapped_in_InvalidOperationException_as_in_the_BCL()
    {
        var ours = new XList { 3, 1, 2 };
        var theirs = new List<int> { 3, 1, 2 };
        var ourError = Assert.Throws<InvalidOperationException>(() => ours.Sort((x, y) => throw new FormatException()));
        var theirError = Assert.Throws<InvalidOperationException>(() => theirs.Sort((x, y) => throw new FormatException()));
        Assert.IsType<FormatException>(ourError.InnerException);
        Assert.IsType<FormatException>(theirError.InnerException);
        Assert.Throws<InvalidOperationException>(() => ours.BinarySearch(2, Comparer<int>.Create((x, y) => throw new FormatException())));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(0)]
    public void An_inconsistent_comparison_fails_or_not_exactly_like_the_BCL(int answer)
    {
        int[] items = Enumerable.Range(0, 40).Select(i => (i * 7919) % 41).ToArray();
        var ours = new XList(items);
        var theirs = new List<int>(items);
        Assert.Equal(Outcome.Of(() => theirs.Sort((x, y) => answer)), Outcome.Of(() => ours.Sort((x, y) => answer)));
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Default_sort_of_elements_without_IComparable_throws_InvalidOperationException()
    {
        var ours = new corlib::System.Collections.Generic.List<object> { new(), new() };
        var theirs = new List<object> { new(), new() };
        Assert.Equal(Outcome.Of(theirs.Sort), Outcome.Of(ours.Sort));
        Assert.Equal("throws InvalidOperationException", Outcome.Of(ours.Sort));
    }

    [Fact]
    public void Binary_search_finds_elements_and_insertion_points_like_the_BCL()
    {
        Gen.Int[0, 50].Array[0, 60].Select(a => a.Order().ToArray()).Sample(sorted =>
        {
            var ours = new XList(sorted);
            var theirs = new List<int>(sorted);
            for (int value = -1; value <= 51; value++)
            {
                Assert.Equal(theirs.BinarySearch(value), ours.BinarySearch(value));
            }
        });
    }

    private static void AssertSortedPermutation(Pair[] original, IList<Pair> sorted)
    {
        for (int i = 1; i < sorted.Count; i++)
        {
            Assert.True(sorted[i - 1].Key <= sorted[i].Key);
        }

        Assert.Equal(original.OrderBy(p => p.Tag), sorted.OrderBy(p => p.Tag));
    }
}
