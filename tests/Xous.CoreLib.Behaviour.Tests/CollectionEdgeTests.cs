extern alias corlib;

using System.Reflection;
using CsCheck;
using X = corlib::System.Collections.Generic;
using XHashHelpers = corlib::System.Collections.HashHelpers;
using XMarshal = corlib::System.Runtime.InteropServices.CollectionsMarshal;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>The unhappy paths and boundaries of the collections, one by one.</summary>
public class CollectionEdgeTests
{
    private const string SecretKey = "correct horse battery staple";

    [Fact]
    public void Modifying_a_list_during_foreach_throws_InvalidOperationException()
    {
        var list = new X.List<int> { 1, 2, 3 };
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int item in list)
            {
                list.Add(item);
            }
        });
        Assert.Throws<InvalidOperationException>(() => list.ForEach(item => list[0] = item));
    }

    [Fact]
    public void List_indexes_outside_the_list_throw_ArgumentOutOfRangeException()
    {
        var list = new X.List<int> { 1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Insert(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new X.List<int>(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Capacity = 0);
        Assert.Throws<ArgumentException>(() => list.RemoveRange(1, 1));
    }

    [Fact]
    public void List_capacity_grows_like_the_BCL()
    {
        var ours = new X.List<int>();
        var theirs = new List<int>();
        var ourCapacities = new List<int>();
        var theirCapacities = new List<int>();
        for (int i = 0; i < 1000; i++)
        {
            ours.Add(i);
            theirs.Add(i);
            ourCapacities.Add(ours.Capacity);
            theirCapacities.Add(theirs.Capacity);
        }

        Assert.Equal(theirCapacities, ourCapacities);
        Assert.Equal(new[] { 4, 8, 16, 32, 64, 128, 256, 512, 1024 }, ourCapacities.Distinct());
    }

    [Fact]
    public void Adding_a_duplicate_key_throws_ArgumentException_without_the_key_in_the_message()
    {
        var dictionary = new X.Dictionary<string, int> { { SecretKey, 1 } };
        ArgumentException error = Assert.Throws<ArgumentException>(() => dictionary.Add(SecretKey, 2));
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, dictionary[SecretKey]);
        Assert.False(dictionary.TryAdd(SecretKey, 3));
    }

    [Fact]
    public void Reading_a_missing_key_throws_our_KeyNotFoundException_without_the_key_in_the_message()
    {
        var dictionary = new X.Dictionary<string, int>();
        var error = Assert.Throws<X.KeyNotFoundException>(() => dictionary[SecretKey]);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
        Assert.Equal("The given key was not present in the dictionary.", error.Message);
        Assert.IsAssignableFrom<SystemException>(error);
        Assert.Equal("inner", new X.KeyNotFoundException("m", new InvalidOperationException("inner")).InnerException!.Message);
    }

    [Fact]
    public void Null_keys_throw_ArgumentNullException()
    {
        var dictionary = new X.Dictionary<string, int> { { "a", 1 } };
        Assert.Throws<ArgumentNullException>(() => dictionary.Add(null!, 1));
        Assert.Throws<ArgumentNullException>(() => dictionary[null!]);
        Assert.Throws<ArgumentNullException>(() => dictionary[null!] = 1);
        Assert.Throws<ArgumentNullException>(() => dictionary.TryGetValue(null!, out _));
        Assert.Throws<ArgumentNullException>(() => dictionary.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => dictionary.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => new X.Dictionary<string, int>().ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => new X.Dictionary<string, int>((IDictionary<string, int>)null!));
    }

    [Fact]
    public void Removing_during_dictionary_enumeration_is_allowed_as_in_the_BCL()
    {
        var ours = new X.Dictionary<int, int>();
        var theirs = new Dictionary<int, int>();
        for (int i = 0; i < 20; i++)
        {
            ours.Add(i, i);
            theirs.Add(i, i);
        }

        var ourSeen = new List<int>();
        foreach (KeyValuePair<int, int> pair in ours)
        {
            ourSeen.Add(pair.Key);
            ours.Remove(pair.Key);
            ours.Remove(pair.Key + 3);
        }

        var theirSeen = new List<int>();
        foreach (KeyValuePair<int, int> pair in theirs)
        {
            theirSeen.Add(pair.Key);
            theirs.Remove(pair.Key);
            theirs.Remove(pair.Key + 3);
        }

        Assert.Equal(theirSeen, ourSeen);
        Assert.Empty(ours);
    }

    [Fact]
    public void Dictionary_capacity_follows_the_BCL_primes()
    {
        var ours = new X.Dictionary<int, int>();
        var theirs = new Dictionary<int, int>();
        var ourCapacities = new List<int>();
        var theirCapacities = new List<int>();
        for (int i = 0; i < 20000; i++)
        {
            ours.Add(i, i);
            theirs.Add(i, i);
            ourCapacities.Add(ours.Capacity);
            theirCapacities.Add(theirs.Capacity);
        }

        Assert.Equal(theirCapacities, ourCapacities);
        Assert.Equal(new[] { 3, 7, 17, 37, 89, 197, 431, 919, 1931, 4049, 8419, 17519, 36353 }, ourCapacities.Distinct());
    }

    [Fact]
    public void Table_sizes_beyond_the_prime_table_match_the_BCL()
    {
        // The BCL's HashHelpers is internal; reflection is fine in a host test.
        MethodInfo getPrime = typeof(object).Assembly.GetType("System.Collections.HashHelpers")!
            .GetMethod("GetPrime", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        MethodInfo expandPrime = typeof(object).Assembly.GetType("System.Collections.HashHelpers")!
            .GetMethod("ExpandPrime", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        Gen.OneOf(Gen.Int[0, 200], Gen.Int[7_000_000, 60_000_000]).Sample(min =>
        {
            Assert.Equal((int)getPrime.Invoke(null, new object[] { min })!, XHashHelpers.GetPrime(min));
            Assert.Equal((int)expandPrime.Invoke(null, new object[] { min })!, XHashHelpers.ExpandPrime(min));
        });
        Assert.Throws<ArgumentException>(() => XHashHelpers.GetPrime(-1));
        Assert.Equal(XHashHelpers.MaxPrimeArrayLength, XHashHelpers.ExpandPrime(0x40000000));
        Assert.Equal((int)expandPrime.Invoke(null, new object[] { 0x40000000 })!, XHashHelpers.ExpandPrime(0x40000000));
    }

    [Fact]
    public void Key_and_value_collections_are_read_only_views()
    {
        var dictionary = new X.Dictionary<int, int> { { 1, 10 } };
        ICollection<int> keys = dictionary.Keys;
        ICollection<int> values = dictionary.Values;
        Assert.True(keys.IsReadOnly);
        Assert.True(values.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => keys.Add(2));
        Assert.Throws<NotSupportedException>(() => keys.Remove(1));
        Assert.Throws<NotSupportedException>(keys.Clear);
        Assert.Throws<NotSupportedException>(() => values.Add(2));
        Assert.Throws<NotSupportedException>(() => values.Remove(10));
        Assert.Throws<NotSupportedException>(values.Clear);
        Assert.Contains(10, values);
        Assert.Same(dictionary.Keys, dictionary.Keys);

        dictionary.Add(2, 20);
        Assert.Equal(new[] { 1, 2 }, keys);
        Assert.Throws<ArgumentNullException>(() => new X.Dictionary<int, int>.KeyCollection(null!));
    }

    [Fact]
    public void Dictionaries_with_string_keys_use_string_equality()
    {
        var dictionary = new X.Dictionary<string, string>();
        dictionary["alpha"] = "1";
        dictionary[new string("alpha".ToCharArray())] = "2";
        Assert.Single(dictionary);
        Assert.Equal("2", dictionary["alpha"]);
        Assert.True(dictionary.ContainsValue("2"));
        Assert.False(dictionary.ContainsValue(null!));
    }

    [Fact]
    public void Hash_sets_hold_null()
    {
        var ours = new X.HashSet<string?> { null, "a" };
        var theirs = new HashSet<string?> { null, "a" };
        Assert.Equal(theirs, ours);
        Assert.Contains(null, (ISet<string?>)ours);
        Assert.True(ours.Remove(null));
        Assert.DoesNotContain(null, (ISet<string?>)ours);
    }

    [Fact]
    public void Empty_queues_and_stacks_throw_InvalidOperationException()
    {
        var queue = new X.Queue<int>();
        var stack = new X.Stack<int>();
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
        Assert.Throws<InvalidOperationException>(() => queue.Peek());
        Assert.Throws<InvalidOperationException>(() => stack.Pop());
        Assert.Throws<InvalidOperationException>(() => stack.Peek());
        Assert.False(queue.TryDequeue(out _));
        Assert.False(stack.TryPop(out _));

        queue.Enqueue(1);
        Assert.Equal(1, queue.Dequeue());
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
    }

    [Fact]
    public void A_queue_wraps_around_its_buffer()
    {
        var queue = new X.Queue<int>(4);
        var enqueued = new List<int>();
        for (int round = 0; round < 10; round++)
        {
            queue.Enqueue(round);
            queue.Enqueue(round + 100);
            enqueued.Add(round);
            enqueued.Add(round + 100);
            Assert.Equal(enqueued[round], queue.Dequeue());
        }

        Assert.Equal(new[] { 5, 105, 6, 106, 7, 107, 8, 108, 9, 109 }, queue.ToArray());
        Assert.Equal(enqueued.Skip(10), queue);
        Assert.Contains(5, queue);
        Assert.DoesNotContain(4, queue);
    }

    [Fact]
    public void CollectionsMarshal_AsSpan_is_a_live_view_of_the_list()
    {
        var list = new X.List<int> { 1, 2, 3 };
        Span<int> span = XMarshal.AsSpan(list);
        Assert.Equal(3, span.Length);
        span[1] = 20;
        Assert.Equal(20, list[1]);
        Assert.True(XMarshal.AsSpan<int>(null).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => XMarshal.SetCount(list, -1));

        var references = new X.List<string> { "a", "b", "c" };
        XMarshal.SetCount(references, 1);
        XMarshal.SetCount(references, 3);
        Assert.Equal(new[] { "a", null, null }, references);
    }

    [Fact]
    public void Null_arguments_throw_ArgumentNullException()
    {
        var list = new X.List<int>();
        var set = new X.HashSet<int>();
        Assert.Throws<ArgumentNullException>(() => new X.List<int>(null!));
        Assert.Throws<ArgumentNullException>(() => list.AddRange(null!));
        Assert.Throws<ArgumentNullException>(() => list.InsertRange(0, null!));
        Assert.Throws<ArgumentNullException>(() => list.RemoveAll(null!));
        Assert.Throws<ArgumentNullException>(() => list.Find(null!));
        Assert.Throws<ArgumentNullException>(() => list.Sort((Comparison<int>)null!));
        Assert.Throws<ArgumentNullException>(() => list.ForEach(null!));
        Assert.Throws<ArgumentNullException>(() => list.CopyTo(null!));
        Assert.Throws<ArgumentNullException>(() => set.UnionWith(null!));
        Assert.Throws<ArgumentNullException>(() => set.IsSubsetOf(null!));
        Assert.Throws<ArgumentNullException>(() => set.RemoveWhere(null!));
        Assert.Throws<ArgumentNullException>(() => new X.HashSet<int>((IEnumerable<int>)null!));
        Assert.Throws<ArgumentNullException>(() => new X.Queue<int>(null!));
        Assert.Throws<ArgumentNullException>(() => new X.Stack<int>(null!));
        Assert.Throws<ArgumentNullException>(() => X.Comparer<int>.Create(null!));
    }
}
