using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Xous.Ipc.Generator;

/// <summary>The primitive a wire type is made of (an enum's underlying type, or Struct).</summary>
internal enum WireKind
{
    Boolean,
    Char,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Struct,
}

/// <summary>A type with a fixed IPC encoding: a primitive, an enum or a fixed-layout struct.</summary>
internal sealed class WireType
{
    public WireType(WireKind kind, bool isEnum, string typeName, int size, int alignment, ImmutableArray<int> booleanOffsets)
    {
        Kind = kind;
        IsEnum = isEnum;
        TypeName = typeName;
        Size = size;
        Alignment = alignment;
        BooleanOffsets = booleanOffsets;
    }

    public WireKind Kind { get; }

    public bool IsEnum { get; }

    /// <summary>The fully qualified C# name (a keyword for primitives).</summary>
    public string TypeName { get; }

    public int Size { get; }

    public int Alignment { get; }

    /// <summary>Byte offsets of the bool fields within one value.</summary>
    public ImmutableArray<int> BooleanOffsets { get; }

    /// <summary>32-bit units the value takes as a scalar.</summary>
    public int Units => Kind switch
    {
        WireKind.Int64 or WireKind.UInt64 => 2,
        WireKind.Struct => (Size + 3) / 4,
        _ => 1,
    };

    /// <summary>The C# keyword of a primitive kind.</summary>
    public static string Keyword(WireKind kind) => kind switch
    {
        WireKind.Boolean => "bool",
        WireKind.Char => "char",
        WireKind.SByte => "sbyte",
        WireKind.Byte => "byte",
        WireKind.Int16 => "short",
        WireKind.UInt16 => "ushort",
        WireKind.Int32 => "int",
        WireKind.UInt32 => "uint",
        WireKind.Int64 => "long",
        WireKind.UInt64 => "ulong",
        _ => "struct",
    };
}

/// <summary>Why a type cannot be sent: the type itself, or (for a struct) the field that breaks the fixed layout.</summary>
internal sealed class WireTypeFailure
{
    public WireTypeFailure(string reason, bool isLayout, string structName, IFieldSymbol? field)
    {
        Reason = reason;
        IsLayout = isLayout;
        StructName = structName;
        Field = field;
    }

    /// <summary>What is wrong and what to do instead.</summary>
    public string Reason { get; }

    /// <summary>True when a struct is not fixed-layout (XIPC0010); false when the type has no encoding (XIPC0004/5).</summary>
    public bool IsLayout { get; }

    /// <summary>The outermost struct that is not fixed-layout.</summary>
    public string StructName { get; }

    /// <summary>The offending field, when there is one.</summary>
    public IFieldSymbol? Field { get; }
}

/// <summary>
/// Decides whether a type has a fixed IPC encoding and computes a struct's layout: fields in declaration order at
/// natural alignment, with no padding anywhere (so no stale bytes can travel and both compilers agree on the layout).
/// One instance per contract; results are memoised per type.
/// </summary>
internal sealed class WireTypeClassifier
{
    /// <summary>The largest struct: one MiB, the largest MaxMessageBytes.</summary>
    private const long MaxStructSize = 1024 * 1024;

    private const int MaxNesting = 8;

    private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly Dictionary<ITypeSymbol, object> _cache = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _inProgress = new(SymbolEqualityComparer.Default);

    /// <summary>The encoding of <paramref name="type"/>, or null with the reason in <paramref name="failure"/>.</summary>
    public WireType? Classify(ITypeSymbol type, out WireTypeFailure? failure) => Classify(type, 0, out failure);

    /// <summary>The advice for a type that has no encoding, or null when the type may have one.</summary>
    public static string? UnsupportedReason(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return "nint and nuint are 32 bits on the device and 64 bits on a PC; use int, uint, long or ulong";
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return "floating point is not carried over IPC; use a fixed-point integer";
            case SpecialType.System_String:
                return "a string is a reference; use a [MaxLength(n)] ReadOnlySpan<char>, or UTF-8 in a [MaxLength(n)] ReadOnlySpan<byte>";
        }

        return type switch
        {
            IArrayTypeSymbol => "an array is a reference; use a [MaxLength(n)] ReadOnlySpan<T> or Span<T>",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "a pointer means nothing in another address space; pass a span",
            ITypeParameterSymbol => "a type parameter has no fixed layout",
            INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } =>
                "a nullable value has no fixed layout; pass a bool and the value",
            INamedTypeSymbol { IsRefLikeType: true } =>
                "ref structs other than a Span<T> or ReadOnlySpan<T> parameter cannot be sent",
            INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Enum } => null,
            _ => "a reference cannot cross address spaces; pass a fixed-layout struct or a span",
        };
    }

    private static WireKind? PrimitiveKind(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => WireKind.Boolean,
        SpecialType.System_Char => WireKind.Char,
        SpecialType.System_SByte => WireKind.SByte,
        SpecialType.System_Byte => WireKind.Byte,
        SpecialType.System_Int16 => WireKind.Int16,
        SpecialType.System_UInt16 => WireKind.UInt16,
        SpecialType.System_Int32 => WireKind.Int32,
        SpecialType.System_UInt32 => WireKind.UInt32,
        SpecialType.System_Int64 => WireKind.Int64,
        SpecialType.System_UInt64 => WireKind.UInt64,
        _ => null,
    };

    private static int PrimitiveSize(WireKind kind) => kind switch
    {
        WireKind.Boolean or WireKind.SByte or WireKind.Byte => 1,
        WireKind.Char or WireKind.Int16 or WireKind.UInt16 => 2,
        WireKind.Int32 or WireKind.UInt32 => 4,
        _ => 8,
    };

    private static WireType Primitive(WireKind kind, ITypeSymbol type, bool isEnum)
    {
        int size = PrimitiveSize(kind);
        ImmutableArray<int> booleans = kind == WireKind.Boolean ? ImmutableArray.Create(0) : ImmutableArray<int>.Empty;
        return new WireType(kind, isEnum, isEnum ? type.ToDisplayString(s_fullName) : WireType.Keyword(kind), size, size, booleans);
    }

    private WireType? Classify(ITypeSymbol type, int depth, out WireTypeFailure? failure)
    {
        failure = null;
        if (PrimitiveKind(type.SpecialType) is WireKind kind)
        {
            return Primitive(kind, type, isEnum: false);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } &&
            PrimitiveKind(underlying.SpecialType) is WireKind enumKind)
        {
            return Primitive(enumKind, type, isEnum: true);
        }

        string? unsupported = UnsupportedReason(type);
        if (unsupported is not null)
        {
            failure = new WireTypeFailure(unsupported, isLayout: false, type.ToDisplayString(), null);
            return null;
        }

        var named = (INamedTypeSymbol)type;
        if (named.TypeKind != TypeKind.Struct || named.IsGenericType)
        {
            failure = new WireTypeFailure(
                named.IsGenericType ? "generic structs have no single layout; declare a non-generic struct" : "the type has no IPC encoding",
                isLayout: false,
                type.ToDisplayString(),
                null);
            return null;
        }

        if (_cache.TryGetValue(type, out object? cached))
        {
            failure = cached as WireTypeFailure;
            return cached as WireType;
        }

        if (depth >= MaxNesting || !_inProgress.Add(type))
        {
            failure = new WireTypeFailure("it nests structs more than " + MaxNesting + " deep or contains itself", isLayout: true, type.ToDisplayString(), null);
            return null;
        }

        WireType? result = ClassifyStruct(named, depth, out failure);
        _inProgress.Remove(type);
        _cache[type] = (object?)result ?? failure!;
        return result;
    }

    private WireType? ClassifyStruct(INamedTypeSymbol type, int depth, out WireTypeFailure? failure)
    {
        string name = type.ToDisplayString();
        string? layoutProblem = LayoutAttributeProblem(type);
        if (layoutProblem is not null)
        {
            failure = new WireTypeFailure(layoutProblem, isLayout: true, name, null);
            return null;
        }

        long offset = 0;
        int alignment = 1;
        IFieldSymbol? last = null;
        ImmutableArray<int>.Builder booleans = ImmutableArray.CreateBuilder<int>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false } field)
            {
                continue;
            }

            string fieldName = FieldName(field);
            if (!FieldLayout(field, depth, out int fieldSize, out int fieldAlignment, out ImmutableArray<int> fieldBooleans, out string? problem))
            {
                failure = new WireTypeFailure("field '" + name + "." + fieldName + "' " + problem, isLayout: true, name, field);
                return null;
            }

            if (offset % fieldAlignment != 0)
            {
                long padding = fieldAlignment - (offset % fieldAlignment);
                failure = new WireTypeFailure(
                    "there would be " + padding + " padding byte(s) before field '" + fieldName + "' (offset " + offset +
                    " is not a multiple of its alignment " + fieldAlignment + "); reorder the fields or add an explicit reserved field",
                    isLayout: true,
                    name,
                    field);
                return null;
            }

            foreach (int fieldBoolean in fieldBooleans)
            {
                booleans.Add((int)offset + fieldBoolean);
            }

            offset += fieldSize;
            alignment = System.Math.Max(alignment, fieldAlignment);
            last = field;
            if (offset > MaxStructSize)
            {
                failure = new WireTypeFailure("it is larger than 1 MiB", isLayout: true, name, field);
                return null;
            }
        }

        if (last is null)
        {
            failure = new WireTypeFailure("it has no instance fields; an empty struct still takes a byte", isLayout: true, name, null);
            return null;
        }

        if (offset % alignment != 0)
        {
            long padding = alignment - (offset % alignment);
            failure = new WireTypeFailure(
                "there would be " + padding + " byte(s) of trailing padding after field '" + FieldName(last) +
                "' (size " + offset + " is not a multiple of the struct's alignment " + alignment + "); add an explicit reserved field",
                isLayout: true,
                name,
                last);
            return null;
        }

        failure = null;
        return new WireType(WireKind.Struct, isEnum: false, type.ToDisplayString(s_fullName), (int)offset, alignment, booleans.ToImmutable());
    }

    private bool FieldLayout(IFieldSymbol field, int depth, out int size, out int alignment, out ImmutableArray<int> booleans, out string? problem)
    {
        size = 0;
        alignment = 1;
        booleans = ImmutableArray<int>.Empty;
        problem = null;
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
        {
            if (PrimitiveKind(pointer.PointedAtType.SpecialType) is not WireKind element)
            {
                problem = "is a fixed buffer of '" + pointer.PointedAtType.ToDisplayString() + "': " +
                          (UnsupportedReason(pointer.PointedAtType) ?? "only integer, char and bool elements are allowed");
                return false;
            }

            alignment = PrimitiveSize(element);
            size = alignment * field.FixedSize;
            if (element == WireKind.Boolean)
            {
                ImmutableArray<int>.Builder offsets = ImmutableArray.CreateBuilder<int>(field.FixedSize);
                for (int index = 0; index < field.FixedSize; index++)
                {
                    offsets.Add(index);
                }

                booleans = offsets.MoveToImmutable();
            }

            return true;
        }

        WireType? wire = Classify(field.Type, depth + 1, out WireTypeFailure? inner);
        if (wire is null)
        {
            problem = inner!.IsLayout
                ? "has struct type '" + inner.StructName + "', which is not fixed-layout: " + inner.Reason
                : "has type '" + field.Type.ToDisplayString() + "': " + inner.Reason;
            return false;
        }

        size = wire.Size;
        alignment = wire.Alignment;
        booleans = wire.BooleanOffsets;
        return true;
    }

    private static string? LayoutAttributeProblem(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? attributeName = attribute.AttributeClass?.ToDisplayString();
            if (attributeName == "System.Runtime.CompilerServices.InlineArrayAttribute")
            {
                return "it is an [InlineArray]; use a fixed buffer (fixed byte name[n]) instead";
            }

            if (attributeName != "System.Runtime.InteropServices.StructLayoutAttribute")
            {
                continue;
            }

            bool sequential = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int layout && layout == 0;
            bool defaults = true;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if ((named.Key == "Pack" || named.Key == "Size") && named.Value.Value is int value && value != 0)
                {
                    defaults = false;
                }
            }

            if (!sequential || !defaults)
            {
                return "it has a [StructLayout] other than plain LayoutKind.Sequential; remove the attribute (the IPC layout is declaration order at natural alignment)";
            }
        }

        return null;
    }

    private static string FieldName(IFieldSymbol field) =>
        field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name;
}
