extern alias corlib;

using System.Reflection;
using CsCheck;
using XHashCode = corlib::System.HashCode;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// Our <c>HashCode</c> is xxHash32 with seed 0 over the values' hash codes (little endian). The tests check it against
/// an independent xxHash32, check that the same reference reproduces the BCL's <c>HashCode</c> with the BCL's
/// (random, private) seed, and check determinism and spread.
/// </summary>
public class HashCodeTests
{
    private const uint OurSeed = 0;

    [Fact]
    public void Combine_is_xxHash32_of_the_hash_codes_with_seed_zero()
    {
        Gen.Int.Array[8].Sample(v =>
        {
            Assert.Equal(XxHash32(OurSeed, v[..1]), XHashCode.Combine(v[0]));
            Assert.Equal(XxHash32(OurSeed, v[..2]), XHashCode.Combine(v[0], v[1]));
            Assert.Equal(XxHash32(OurSeed, v[..3]), XHashCode.Combine(v[0], v[1], v[2]));
            Assert.Equal(XxHash32(OurSeed, v[..4]), XHashCode.Combine(v[0], v[1], v[2], v[3]));
            Assert.Equal(XxHash32(OurSeed, v[..5]), XHashCode.Combine(v[0], v[1], v[2], v[3], v[4]));
            Assert.Equal(XxHash32(OurSeed, v[..6]), XHashCode.Combine(v[0], v[1], v[2], v[3], v[4], v[5]));
            Assert.Equal(XxHash32(OurSeed, v[..7]), XHashCode.Combine(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            Assert.Equal(XxHash32(OurSeed, v), XHashCode.Combine(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        });
    }

    [Fact]
    public void The_reference_xxHash32_reproduces_the_BCL_HashCode_with_its_seed()
    {
        // The BCL's seed is random per process and private; reading it keeps the reference honest.
        FieldInfo seedField = typeof(HashCode).GetField("s_seed", BindingFlags.NonPublic | BindingFlags.Static)!;
        uint bclSeed = (uint)seedField.GetValue(null)!;
        Gen.Int.Array[0, 20].Sample(values =>
        {
            var hash = new HashCode();
            foreach (int value in values)
            {
                hash.Add(value);
            }

            Assert.Equal(XxHash32(bclSeed, values), hash.ToHashCode());
        });
    }

    [Fact]
    public void Add_then_ToHashCode_equals_Combine_and_the_reference()
    {
        Gen.Int.Array[0, 40].Sample(values =>
        {
            var hash = new XHashCode();
            foreach (int value in values)
            {
                hash.Add(value);
            }

            Assert.Equal(XxHash32(OurSeed, values), hash.ToHashCode());
        });

        var three = new XHashCode();
        three.Add("a");
        three.Add<string?>(null);
        three.Add(7, EqualityComparer<int>.Default);
        Assert.Equal(XHashCode.Combine("a", (string?)null, 7), three.ToHashCode());
    }

    [Fact]
    public void AddBytes_adds_little_endian_words_then_single_bytes_like_the_BCL()
    {
        FieldInfo seedField = typeof(HashCode).GetField("s_seed", BindingFlags.NonPublic | BindingFlags.Static)!;
        uint bclSeed = (uint)seedField.GetValue(null)!;
        Gen.Byte.Array[0, 40].Sample(bytes =>
        {
            int[] words = WordsThenBytes(bytes);

            var ours = new XHashCode();
            ours.AddBytes(bytes);
            Assert.Equal(XxHash32(OurSeed, words), ours.ToHashCode());

            var theirs = new HashCode();
            theirs.AddBytes(bytes);
            Assert.Equal(XxHash32(bclSeed, words), theirs.ToHashCode());
        });
    }

    [Fact]
    public void Hash_codes_are_deterministic()
    {
        Assert.Equal(XHashCode.Combine(1, 2, 3), XHashCode.Combine(1, 2, 3));
        Assert.Equal(XxHash32(0, new[] { 1, 2, 3 }), XHashCode.Combine(1, 2, 3));
        Assert.NotEqual(XHashCode.Combine(1, 2), XHashCode.Combine(2, 1));
    }

    [Fact]
    public void Combine_spreads_small_distinct_tuples_without_collisions()
    {
        var pairs = new HashSet<int>();
        for (int a = 0; a < 128; a++)
        {
            for (int b = 0; b < 128; b++)
            {
                Assert.True(pairs.Add(XHashCode.Combine(a, b)), $"collision at ({a}, {b})");
            }
        }

        var triples = new HashSet<int>();
        for (int a = 0; a < 24; a++)
        {
            for (int b = 0; b < 24; b++)
            {
                for (int c = 0; c < 24; c++)
                {
                    Assert.True(triples.Add(XHashCode.Combine(a, b, c)), $"collision at ({a}, {b}, {c})");
                }
            }
        }

        // Low bits, which a hash table's modulo uses, are spread evenly too: 16,384 pairs over 64 buckets.
        int[] buckets = new int[64];
        foreach (int hash in pairs)
        {
            buckets[hash & 63]++;
        }

        Assert.All(buckets, count => Assert.InRange(count, 256 - 64, 256 + 64));
    }

    [Fact]
    public void GetHashCode_and_Equals_of_the_builder_throw_NotSupportedException()
    {
        object ours = new XHashCode();
        object theirs = new HashCode();
        Assert.Equal(Outcome.Of(theirs.GetHashCode), Outcome.Of(ours.GetHashCode));
        Assert.Equal(Outcome.Of(() => theirs.Equals(null)), Outcome.Of(() => ours.Equals(null)));
        Assert.Equal("throws NotSupportedException", Outcome.Of(ours.GetHashCode));
    }

    private static int[] WordsThenBytes(byte[] bytes)
    {
        var words = new List<int>();
        int i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            words.Add(BitConverter.ToInt32(bytes, i));
        }

        for (; i < bytes.Length; i++)
        {
            words.Add(bytes[i]);
        }

        return words.ToArray();
    }

    /// <summary>xxHash32 (Yann Collet's specification) of the little-endian bytes of <paramref name="words"/>.</summary>
    private static int XxHash32(uint seed, int[] words)
    {
        const uint Prime1 = 2654435761U;
        const uint Prime2 = 2246822519U;
        const uint Prime3 = 3266489917U;
        const uint Prime4 = 668265263U;
        const uint Prime5 = 374761393U;

        int index = 0;
        uint hash;
        if (words.Length >= 4)
        {
            uint v1 = seed + Prime1 + Prime2;
            uint v2 = seed + Prime2;
            uint v3 = seed;
            uint v4 = seed - Prime1;
            for (; index + 4 <= words.Length; index += 4)
            {
                v1 = uint.RotateLeft(v1 + ((uint)words[index] * Prime2), 13) * Prime1;
                v2 = uint.RotateLeft(v2 + ((uint)words[index + 1] * Prime2), 13) * Prime1;
                v3 = uint.RotateLeft(v3 + ((uint)words[index + 2] * Prime2), 13) * Prime1;
                v4 = uint.RotateLeft(v4 + ((uint)words[index + 3] * Prime2), 13) * Prime1;
            }

            hash = uint.RotateLeft(v1, 1) + uint.RotateLeft(v2, 7) + uint.RotateLeft(v3, 12) + uint.RotateLeft(v4, 18);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (uint)words.Length * 4;
        for (; index < words.Length; index++)
        {
            hash = uint.RotateLeft(hash + ((uint)words[index] * Prime3), 17) * Prime4;
        }

        hash ^= hash >> 15;
        hash *= Prime2;
        hash ^= hash >> 13;
        hash *= Prime3;
        hash ^= hash >> 16;
        return (int)hash;
    }
}
