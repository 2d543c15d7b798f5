extern alias corlib;

using X = corlib::System.Collections.Generic;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// <c>EqualityComparer&lt;T&gt;.Default</c> and <c>Comparer&lt;T&gt;.Default</c>, chosen without reflection, against the
/// BCL's over every pair of a set of values, for primitives, strings, enums of every underlying type, nullables and
/// classes with and without the interfaces.
/// </summary>
public class ComparerTests
{
    public enum ByteEnum : byte { A = 0, B = 1, C = 200, D = 255 }

    public enum SByteEnum : sbyte { A = -128, B = -1, C = 0, D = 127 }

    public enum ShortEnum : short { A = short.MinValue, B = -1, C = 0, D = 300 }

    public enum UShortEnum : ushort { A = 0, B = 1, C = 40000, D = ushort.MaxValue }

    public enum IntEnum { A = int.MinValue, B = -1, C = 0, D = 77 }

    public enum UIntEnum : uint { A = 0, B = 1, C = 3_000_000_000, D = uint.MaxValue }

    public enum LongEnum : long { A = long.MinValue, B = -1, C = 0, D = 1L << 40 }

    public enum ULongEnum : ulong { A = 0, B = 1, C = 1UL << 63, D = ulong.MaxValue }

    [Fact]
    public void Default_equality_matches_the_BCL()
    {
        AssertEqualityLikeBcl(new[] { int.MinValue, -1, 0, 1, int.MaxValue });
        AssertEqualityLikeBcl(new[] { long.MinValue, -1L, 0L, 1L << 40, long.MaxValue });
        AssertEqualityLikeBcl(new byte[] { 0, 1, 255 });
        AssertEqualityLikeBcl(new[] { null, string.Empty, "a", new string('a', 1), "b" });
        AssertEqualityLikeBcl(new int?[] { null, 0, 1, -1 });
        AssertEqualityLikeBcl(Enum.GetValues<ByteEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<SByteEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<ShortEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<UShortEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<IntEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<UIntEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<LongEnum>());
        AssertEqualityLikeBcl(Enum.GetValues<ULongEnum>());
        AssertEqualityLikeBcl(new IntEnum?[] { null, IntEnum.A, IntEnum.D });
        AssertEqualityLikeBcl(new Enum?[] { null, IntEnum.A, IntEnum.A, ByteEnum.A, IntEnum.D });
        var shared = new Equatable(1);
        AssertEqualityLikeBcl(new Equatable?[] { null, shared, new Equatable(1), new Equatable(2) });
        var plain = new object();
        AssertEqualityLikeBcl(new object?[] { null, plain, new object(), 1, 1, "x" });
        AssertEqualityLikeBcl(new[] { new PlainStruct(1, 2), new PlainStruct(1, 2), new PlainStruct(2, 1) });
        AssertEqualityLikeBcl(new[] { new PlainRecord("a"), new PlainRecord("a"), new PlainRecord("b") });
    }

    [Fact]
    public void Default_comparison_matches_the_BCL()
    {
        AssertComparisonLikeBcl(new[] { int.MinValue, -1, 0, 1, int.MaxValue });
        AssertComparisonLikeBcl(new[] { ulong.MinValue, 1UL, ulong.MaxValue });
        AssertComparisonLikeBcl(new[] { null, string.Empty, "a", "B", "b" });
        AssertComparisonLikeBcl(new int?[] { null, 0, 1, -1 });
        AssertComparisonLikeBcl(Enum.GetValues<SByteEnum>());
        AssertComparisonLikeBcl(Enum.GetValues<UIntEnum>());
        AssertComparisonLikeBcl(Enum.GetValues<LongEnum>());
        AssertComparisonLikeBcl(Enum.GetValues<ULongEnum>());
        AssertComparisonLikeBcl(new[] { new SortTests.Pair(1, 0), new SortTests.Pair(1, 5), new SortTests.Pair(0, 9) });
        AssertComparisonLikeBcl(new NonGenericComparable?[] { null, new NonGenericComparable(1), new NonGenericComparable(2) });
        AssertComparisonLikeBcl(new Base?[] { null, new Base(), new ComparableDerived(1), new ComparableDerived(2) });
        AssertComparisonLikeBcl(new object?[] { null, new object(), new object() });
    }

    [Fact]
    public void Comparer_Create_wraps_the_comparison()
    {
        X.Comparer<int> descending = X.Comparer<int>.Create((x, y) => y.CompareTo(x));
        Assert.True(descending.Compare(1, 2) > 0);
        Assert.Equal(0, descending.Compare(3, 3));
    }

    [Fact]
    public void EqualityComparer_Create_uses_the_delegates_like_the_BCL()
    {
        Func<string?, string?, bool> equals = (x, y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
        Func<string, int> hash = s => s.ToUpperInvariant().Length;
        X.EqualityComparer<string> ours = X.EqualityComparer<string>.Create(equals, hash);
        EqualityComparer<string> theirs = EqualityComparer<string>.Create(equals, hash);
        foreach (string x in new[] { "a", "A", "b" })
        {
            foreach (string y in new[] { "a", "A", "b" })
            {
                Assert.Equal(theirs.Equals(x, y), ours.Equals(x, y));
            }

            Assert.Equal(theirs.GetHashCode(x), ours.GetHashCode(x));
        }

        Assert.Equal(ours, X.EqualityComparer<string>.Create(equals, hash));
        Assert.NotEqual(ours, X.EqualityComparer<string>.Create(equals));
        Assert.Equal(
            Outcome.Of(() => EqualityComparer<string>.Create(equals).GetHashCode("a")),
            Outcome.Of(() => X.EqualityComparer<string>.Create(equals).GetHashCode("a")));
        Assert.Throws<ArgumentNullException>(() => X.EqualityComparer<string>.Create(null!));

        var dictionary = new X.Dictionary<string, int>(ours) { ["key"] = 1 };
        Assert.Equal(1, dictionary["KEY"]);
    }

    [Fact]
    public void Defaults_are_singletons()
    {
        Assert.Same(X.EqualityComparer<string>.Default, X.EqualityComparer<string>.Default);
        Assert.Same(X.Comparer<int>.Default, X.Comparer<int>.Default);
    }

    private static void AssertEqualityLikeBcl<T>(T[] values)
    {
        X.EqualityComparer<T> ours = X.EqualityComparer<T>.Default;
        EqualityComparer<T> theirs = EqualityComparer<T>.Default;
        foreach (T x in values)
        {
            foreach (T y in values)
            {
                Assert.Equal(theirs.Equals(x, y), ours.Equals(x, y));
            }

            if (x is not null)
            {
                Assert.Equal(theirs.GetHashCode(x), ours.GetHashCode(x));
            }
        }
    }

    private static void AssertComparisonLikeBcl<T>(T[] values)
    {
        X.Comparer<T> ours = X.Comparer<T>.Default;
        Comparer<T> theirs = Comparer<T>.Default;
        foreach (T x in values)
        {
            foreach (T y in values)
            {
                Assert.Equal(Outcome.Of(() => theirs.Compare(x, y)), Outcome.Of(() => ours.Compare(x, y)));
            }
        }
    }

    public sealed class Equatable(int value) : IEquatable<Equatable>
    {
        public int Value { get; } = value;

        public bool Equals(Equatable? other) => other is not null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as Equatable);

        public override int GetHashCode() => Value * 31;
    }

    public readonly struct PlainStruct(int a, int b)
    {
        public int A { get; } = a;

        public int B { get; } = b;
    }

    public sealed record PlainRecord(string Name);

    public sealed class NonGenericComparable(int value) : IComparable
    {
        public int Value { get; } = value;

        public int CompareTo(object? obj) => obj is NonGenericComparable other ? Value.CompareTo(other.Value) : 1;
    }

    public class Base
    {
    }

    public sealed class ComparableDerived(int value) : Base, IComparable
    {
        public int CompareTo(object? obj) => obj is ComparableDerived other ? value.CompareTo(other.Value) : 5;

        private int Value => value;
    }
}
