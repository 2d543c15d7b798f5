extern alias corlib;

using System.Buffers.Binary;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// The device corlib must be a strict subset of .NET 10: every public type of the mirror must exist in the BCL with
/// the same kind, base type and generic parameters, and every public or protected member with the same signature.
/// (The interfaces and <c>KeyValuePair</c> are not in the mirror; they were compared with the BCL by hand.)
/// </summary>
public class ApiSurfaceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly s_mirror = typeof(corlib::System.Collections.Generic.List<>).Assembly;

    private static readonly Assembly[] s_bcl =
    {
        typeof(object).Assembly,
        typeof(Stack<>).Assembly,
        typeof(BinaryPrimitives).Assembly,
        typeof(BitOperations).Assembly,
        typeof(CollectionsMarshal).Assembly,
    };

    public static TheoryData<string> PublicTypes()
    {
        var data = new TheoryData<string>();
        foreach (Type type in s_mirror.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_mirror_exports_the_expected_types()
    {
        string[] expected =
        {
            "System.Buffers.Binary.BinaryPrimitives", "System.Collections.Generic.Comparer`1",
            "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.Dictionary`2+Enumerator",
            "System.Collections.Generic.Dictionary`2+KeyCollection", "System.Collections.Generic.Dictionary`2+KeyCollection+Enumerator",
            "System.Collections.Generic.Dictionary`2+ValueCollection", "System.Collections.Generic.Dictionary`2+ValueCollection+Enumerator",
            "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.HashSet`1+Enumerator", "System.Collections.Generic.KeyNotFoundException",
            "System.Collections.Generic.List`1", "System.Collections.Generic.List`1+Enumerator",
            "System.Collections.Generic.Queue`1", "System.Collections.Generic.Queue`1+Enumerator",
            "System.Collections.Generic.Stack`1", "System.Collections.Generic.Stack`1+Enumerator",
            "System.HashCode", "System.Math", "System.Numerics.BitOperations",
            "System.Runtime.InteropServices.CollectionsMarshal",
        };
        Assert.Equal(expected, s_mirror.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void Every_public_type_and_member_exists_in_the_BCL_with_the_same_signature(string fullName)
    {
        Type ours = s_mirror.GetType(fullName, throwOnError: true)!;
        Type? theirs = s_bcl.Select(a => a.GetType(fullName)).FirstOrDefault(t => t is not null);
        Assert.True(theirs is not null, $"{fullName} is not in the BCL");
        Assert.True(theirs!.IsPublic || theirs.IsNestedPublic, $"{fullName} is not public in the BCL");

        Assert.Equal(Kind(theirs), Kind(ours));
        Assert.Equal(Name(theirs.BaseType), Name(ours.BaseType));
        Assert.Equal(GenericParameters(theirs), GenericParameters(ours));
        foreach (Type implemented in ours.GetInterfaces())
        {
            Assert.Contains(Name(implemented), theirs.GetInterfaces().Select(Name));
        }

        HashSet<string> theirMembers = Members(theirs).ToHashSet(StringComparer.Ordinal);
        foreach (string member in Members(ours))
        {
            Assert.True(theirMembers.Contains(member), $"{fullName}: {member} is not in the BCL");
        }
    }

    private static string Kind(Type type) =>
        $"{(type.IsInterface ? "interface" : type.IsValueType ? "struct" : "class")} abstract={type.IsAbstract} sealed={type.IsSealed}";

    private static string GenericParameters(Type type) => string.Join(",", type.GetGenericArguments().Select(p =>
        $"{p.Name}:{p.GenericParameterAttributes & ~GenericParameterAttributes.AllowByRefLike}[{string.Join(",", p.GetGenericParameterConstraints().Select(Name))}]"));

    /// <summary>The public and protected members declared by <paramref name="type"/>, one signature string each.</summary>
    private static IEnumerable<string> Members(Type type)
    {
        foreach (MemberInfo member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo constructor when Visible(constructor):
                    yield return $"ctor({Parameters(constructor)})";
                    break;
                case MethodInfo method when Visible(method) && !method.IsSpecialName:
                    yield return $"{(method.IsStatic ? "static " : string.Empty)}{(method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty)}"
                        + $"{Name(method.ReturnType)} {method.Name}`{method.GetGenericArguments().Length}({Parameters(method)})";
                    break;
                case PropertyInfo property when (property.GetMethod is { } getter && Visible(getter)) || (property.SetMethod is { } setter && Visible(setter)):
                    yield return $"{Name(property.PropertyType)} {property.Name}[{string.Join(",", property.GetIndexParameters().Select(p => Name(p.ParameterType)))}]"
                        + $" get={property.GetMethod is { } g && Visible(g)} set={property.SetMethod is { } s && Visible(s)}";
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily:
                    yield return $"field {Name(field.FieldType)} {field.Name}";
                    break;
                default:
                    break;
            }
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => (p.IsOut ? "out " : string.Empty) + Name(p.ParameterType)));

    /// <summary>A type's name that is the same for our types and the BCL's: full names, generic parameters by position.</summary>
    private static string Name(Type? type)
    {
        if (type is null)
        {
            return "none";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "!" : "!!") + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return Name(type.GetElementType()) + "&";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()) + "[]";
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return Name(type.GetGenericTypeDefinition()) + "<" + string.Join(",", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.FullName ?? type.Name;
    }
}
