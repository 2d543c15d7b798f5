using Microsoft.CodeAnalysis;

namespace Xous.CoreLib.Tests;

/// <summary>The corlib's public API is a strict subset of .NET 10's (rule 1 of docs/device-profile.md).</summary>
public sealed class ApiConformanceTests
{
    [Fact]
    public void Every_public_type_and_member_exists_in_NET_10_with_the_same_shape()
    {
        var ours = Compilations.Compile("probe", []);
        IAssemblySymbol coreLib = Compilations.AssemblyOf(ours, Compilations.CoreLib);
        Assert.True(coreLib.TypeNames.Count > 100, $"only {coreLib.TypeNames.Count} types: is this the corlib?");
        IReadOnlyList<string> mismatches = ApiComparer.Compare(coreLib, Compilations.Net100);

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public void The_corlib_has_the_core_types_the_compiler_needs()
    {
        var ours = Compilations.Compile("probe", []);
        foreach (SpecialType special in new[]
                 {
                     SpecialType.System_Object, SpecialType.System_Enum, SpecialType.System_MulticastDelegate, SpecialType.System_Delegate,
                     SpecialType.System_ValueType, SpecialType.System_Void, SpecialType.System_Boolean, SpecialType.System_Char,
                     SpecialType.System_SByte, SpecialType.System_Byte, SpecialType.System_Int16, SpecialType.System_UInt16,
                     SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64,
                     SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_String, SpecialType.System_IntPtr,
                     SpecialType.System_UIntPtr, SpecialType.System_Array, SpecialType.System_Nullable_T, SpecialType.System_IDisposable,
                     SpecialType.System_Collections_Generic_IEnumerable_T, SpecialType.System_Collections_Generic_IList_T,
                 })
        {
            Assert.NotEqual(TypeKind.Error, ours.GetSpecialType(special).TypeKind);
        }
    }
}

/// <summary>The comparer itself catches mismatches (a conformance test that cannot fail would prove nothing).</summary>
public sealed class ApiComparerTests
{
    private static IReadOnlyList<string> CompareFake(string source)
    {
        var fake = Compilations.Compile("FakeCoreLib", [source]);
        MetadataReference image = Compilations.EmitToReference(fake);
        var probe = Compilations.Compile("probe", [], Compilations.CoreLib, image);
        return ApiComparer.Compare(Compilations.AssemblyOf(probe, image), Compilations.Net100);
    }

    [Fact]
    public void A_matching_api_has_no_mismatch()
    {
        var mismatches = CompareFake("""
            namespace System.Buffers.Binary
            {
                public static class BinaryPrimitives
                {
                    public static int ReverseEndianness(int value) => value;
                }
            }
            namespace System
            {
                public interface IEquatableProbe { }
            }
            """);

        Assert.Equal(["System.IEquatableProbe: type does not exist in .NET 10"], mismatches);
    }

    [Fact]
    public void A_wrong_parameter_type_is_reported()
    {
        var mismatches = CompareFake("""
            namespace System.Buffers.Binary
            {
                public static class BinaryPrimitives
                {
                    public static int ReverseEndianness(long value) => 0;
                }
            }
            """);

        Assert.Contains(mismatches, m => m.StartsWith("System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(long): no matching member", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_static_ness_return_type_and_ref_kind_are_reported()
    {
        var mismatches = CompareFake("""
            namespace System.Threading
            {
                public static class Volatile
                {
                    public static long Read(ref readonly int location) => 0;
                    public static int Read(ref readonly short location) => 0;
                    public static uint Read(ref uint location) => 0;
                }
            }
            """);

        Assert.Equal(3, mismatches.Count);
    }

    [Fact]
    public void An_interface_missing_an_abstract_member_is_reported()
    {
        var mismatches = CompareFake("""
            namespace System
            {
                public interface IFormatProvider { }
            }
            """);

        Assert.Contains(mismatches, m => m.Contains("lacks abstract member System.IFormatProvider.GetFormat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_less_constrained_type_parameter_an_extra_params_and_a_wrong_base_type_are_reported()
    {
        var mismatches = CompareFake("""
            namespace System
            {
                public sealed class Lazy<T> { }
                public class ArgumentException : Exception { }
                public readonly struct Nullable<T> { }
                public static class String2 { }
            }
            namespace System.Runtime.InteropServices
            {
                public static class MemoryMarshal
                {
                    public static System.Span<byte> AsBytes<T>(System.Span<T> span) => default;
                }
            }
            """);

        Assert.DoesNotContain(mismatches, m => m.StartsWith("System.Lazy<T>", StringComparison.Ordinal)); // sealed where .NET is not: stricter, allowed
        Assert.Contains("System.ArgumentException: base type System.Exception, .NET's is System.SystemException", mismatches);
        Assert.Contains(mismatches, m => m.StartsWith("System.Nullable<T>: type parameter T is less constrained", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("AsBytes<T>(System.Span<T>): type parameter T is less constrained", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.StartsWith("System.String2: type does not exist", StringComparison.Ordinal));
    }
}
