using Microsoft.CodeAnalysis;

namespace Xous.CoreLib.Tests;

/// <summary>
/// Device-profile code compiles against the corlib alone with no diagnostic, and what the profile leaves out
/// (reflection, async, lock, finalizers, dynamic, LINQ) does not compile.
/// </summary>
public sealed class CompileTests
{
    private const string LanguageFeatures = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Threading;

        namespace Sample;

        public enum Colour : byte { Red = 1, Green = 2, Blue = 4 }

        [Flags]
        public enum Rights { None = 0, Read = 1, Write = 2, All = Read | Write }

        public interface IShape
        {
            int Area { get; }

            static abstract IShape Unit();

            string Describe() => $"area {Area}";
        }

        public readonly struct Square : IShape, IEquatable<Square>
        {
            public Square(int side) => Side = side;

            public int Side { get; }

            public int Area => Side * Side;

            public static IShape Unit() => new Square(1);

            public bool Equals(Square other) => Side == other.Side;

            public override bool Equals(object? obj) => obj is Square other && Equals(other);

            public override int GetHashCode() => Side;
        }

        public ref struct Cursor
        {
            private readonly Span<byte> _buffer;
            private int _position;

            public Cursor(Span<byte> buffer)
            {
                _buffer = buffer;
                _position = 0;
            }

            public void Write(byte value) => _buffer[_position++] = value;

            public readonly int Position => _position;
        }

        public sealed class Resource : IDisposable
        {
            public bool Disposed { get; private set; }

            public void Dispose() => Disposed = true;
        }

        public abstract class Animal
        {
            public required string Name { get; init; }

            public abstract string Sound();

            public virtual string Greet() => Name + " says " + Sound();
        }

        public sealed class Dog : Animal
        {
            public override string Sound() => "woof";
        }

        [InlineArray(4)]
        public struct Four
        {
            private int _element;
        }

        public static class Extensions
        {
            public static int Twice(this int value) => value * 2;
        }

        public static class Features
        {
            private static int s_counter;

            public static event Action? Changed;

            public static int Generic<T>(T value) where T : IShape => value.Area + T.Unit().Area;

            public static int Sum(params int[] values)
            {
                int total = 0;
                foreach (int v in values)
                {
                    total += v;
                }

                return total;
            }

            public static int SumSpan(params ReadOnlySpan<int> values)
            {
                int total = 0;
                foreach (int v in values)
                {
                    total += v;
                }

                return total;
            }

            public static string Interpolate(int i, uint u, long l, string s, char c, bool b, Colour colour, Rights rights, nint n) =>
                $"{i} {u,8} {l,-4}|{s} {c} {b} {colour} {rights} {n} {i.Twice()}";

            public static string Formats(int i, uint u, long l, byte b, nint n, nuint nu, Colour colour, Rights rights) =>
                $"{i:X8} {u,10:N0} {l:#,##0;(#,##0);zero} {b:b8} {n:x} {nu:D4} {colour:D} {rights,-12:F} {'c':X} {true:D}" +
                i.ToString("E3") + u.ToString("P1") + l.ToString(format: null) + b.ToString("C") + colour.ToString("X");

            public static string Patterns(object o, Colour colour, string text, int number) =>
                (o, colour, text, number) switch
                {
                    (string { Length: > 3 } s, _, _, _) => s,
                    (_, Colour.Red or Colour.Blue, _, _) => "warm",
                    (_, _, "hello", _) => "greeting",
                    (_, _, _, > 10 and < 20) => "teen",
                    (int i, _, _, _) when i < 0 => "negative",
                    _ => text switch { "a" => "A", "b" => "B", "c" => "C", "d" => "D", "e" => "E", "f" => "F", "g" => "G", _ => "?" },
                };

            public static unsafe int Memory(int[] array)
            {
                Span<int> stack = stackalloc int[8];
                stack.Fill(3);
                ReadOnlySpan<byte> constant = [1, 2, 3, 4];
                int[] initialised = { 5, 6, 7 };
                Span<int> slice = array.AsSpan(1..^1);
                int last = array[^1];
                var four = new Four();
                four[0] = 1;
                fixed (int* p = array)
                {
                    last += *p;
                }

                Span<byte> bytes = MemoryMarshal.AsBytes(stack);
                return stack[0] + constant[3] + initialised.Length + slice.Length + last + four[0] + bytes.Length + stack.IndexOf(3);
            }

            public static int Control(int value)
            {
                using var resource = new Resource();
                try
                {
                    if (value < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(value), value, "must not be negative");
                    }

                    checked
                    {
                        value += 1;
                    }
                }
                catch (ArgumentException e) when (e.ParamName == "value")
                {
                    return -1;
                }
                finally
                {
                    Interlocked.Increment(ref s_counter);
                }

                return value;
            }

            public static int Lambdas(int seed)
            {
                Func<int, int> add = x => x + seed;
                Action? a = () => s_counter++;
                a += () => s_counter--;
                a -= () => s_counter--;
                a?.Invoke();
                Changed?.Invoke();
                Predicate<int> isEven = static x => (x & 1) == 0;
                Comparison<int> compare = (x, y) => x.CompareTo(y);
                return add(1) + (isEven(seed) ? 1 : 0) + compare(seed, 2);
            }

            public static (int Quotient, int Remainder) Tuples(int a, int b)
            {
                var pair = (a / b, a % b);
                (int q, int r) = pair;
                return (q, r) == pair ? pair : default;
            }

            public static int Nullables(int? maybe, string? text)
            {
                int value = maybe ?? 0;
                if (maybe.HasValue)
                {
                    value += maybe.Value;
                }

                ArgumentNullException.ThrowIfNull(text);
                return value + text.Length + (text?.IndexOf('x') ?? -1);
            }

            public static string Strings(string a, string b, int n) =>
                a + b + n + 'c' + string.Concat(a, b, a, b, a) + a.Substring(1) + a.Replace("x", "y") + a.Trim();

            public static int Collections()
            {
                var list = new List<int> { 1, 2, 3 };
                var map = new Dictionary<string, int> { ["a"] = 1 };
                IEnumerable<int> sequence = new[] { 1, 2 };
                int total = 0;
                foreach (int v in sequence)
                {
                    total += v;
                }

                return list.Count + map["a"] + total;
            }

            public static Animal Make() => new Dog { Name = "Rex" };
        }
        """;

    [Fact]
    public void Every_language_feature_of_the_profile_compiles_without_diagnostics()
    {
        var compilation = Compilations.Compile("Features", [LanguageFeatures]);
        Diagnostic[] diagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(diagnostics.Length == 0, string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())));
        Compilations.EmitToReference(compilation);
    }

    [Fact]
    public void The_same_sample_compiles_against_NET_10()
    {
        var compilation = Compilations.Compile("Features", [LanguageFeatures], [.. Basic.Reference.Assemblies.Net100.References.All]);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(d => d.ToString())));
    }

    /// <summary>
    /// Roslyn compiles a destructor even when System.Object has no Finalize: it emits a Finalize method that
    /// overrides nothing. The corlib cannot prevent that, so this pins the shape the device-profile analyzer and
    /// tools/ilcompiler must reject (docs/device-profile.md); if Roslyn ever starts to refuse it, this test says so.
    /// </summary>
    [Fact]
    public void A_destructor_compiles_to_a_Finalize_that_overrides_nothing()
    {
        var compilation = Compilations.Compile("Finalizer", ["class C { ~C() { } }"]);
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        var finalize = (IMethodSymbol)compilation.GetTypeByMetadataName("C")!.GetMembers("Finalize").Single();
        Assert.Equal(MethodKind.Destructor, finalize.MethodKind);
        Assert.Null(finalize.OverriddenMethod);
    }

    [Theory]
    [InlineData("typeof", "class C { object M() => typeof(C); }", "CS0518")]
    [InlineData("GetType", "class C { object M() => new C().GetType(); }", "CS1061")]
    [InlineData("async", "class C { async System.Threading.Tasks.Task M() { } }", "CS0234")]
    [InlineData("async void", "class C { async void M() { } }", "CS0518")]
    [InlineData("lock", "class C { void M() { lock (this) { } } }", "CS0656")]
    [InlineData("dynamic", "class C { void M(dynamic d) { } }", "CS1980")]
    [InlineData("record (needs StringBuilder)", "record struct P(int X);", "CS0518")]
    [InlineData("linq", "using System.Linq; class C { }", "CS0234")]
    [InlineData("reflection", "class C { System.Reflection.MethodInfo? M; }", "CS0234")]
    [InlineData("thread", "class C { System.Threading.Thread? T; }", "CS0234")]
    [InlineData("format provider", "class C { string M(int x) => x.ToString(\"X8\", null); }", "CS1501")]
    [InlineData("span TryFormat with a format", "class C { bool M(int x) => x.TryFormat(new char[8], out int n, \"X8\"); }", "CS1061")]
    [InlineData("culture-sensitive string search", "class C { int M(string s) => s.IndexOf(\"x\"); }", "CS1503")]
    [InlineData("double formatting", "class C { string M(double d) => d.ToString(\"F2\"); }", "CS1501")]
    public void What_the_profile_leaves_out_does_not_compile(string construct, string source, string expectedError)
    {
        var compilation = Compilations.Compile("LeftOut", [source]);

        // Some are reported only when the compiler lowers the code (missing members such as Monitor.Enter), so emit.
        using var stream = new MemoryStream();
        string[] errors = compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).ToArray();
        Assert.True(errors.Contains(expectedError), $"{construct}: expected {expectedError}, got [{string.Join(", ", errors)}]");
    }
}
