using System.Reflection;
using System.Reflection.Metadata;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>A type defined in one of the loaded modules (TypeDef row), including the corlib's primitive types.</summary>
public sealed class DefinedType : TypeDesc
{
    private readonly Lazy<TypeDesc?> _baseType;
    private readonly Lazy<IReadOnlyList<FieldDesc>> _fields;
    private readonly Lazy<IReadOnlyList<MethodDesc>> _methods;

    internal DefinedType(ModuleDesc module, TypeDefinitionHandle handle)
    {
        Module = module;
        Handle = handle;
        TypeDefinition definition = module.Reader.GetTypeDefinition(handle);
        Namespace = module.Reader.GetString(definition.Namespace);
        Name = module.Reader.GetString(definition.Name);
        Attributes = definition.Attributes;
        GenericParameterCount = definition.GetGenericParameters().Count;
        TypeDefinitionHandle declaring = definition.GetDeclaringType();
        DeclaringType = declaring.IsNil ? null : module.GetType(declaring);
        _baseType = new Lazy<TypeDesc?>(() => definition.BaseType.IsNil ? null : module.Context.ResolveType(module, definition.BaseType));
        _fields = new Lazy<IReadOnlyList<FieldDesc>>(() => definition.GetFields().Select(module.GetField).ToArray());
        _methods = new Lazy<IReadOnlyList<MethodDesc>>(() => definition.GetMethods().Select(module.GetMethod).ToArray());
    }

    /// <summary>The module that defines the type.</summary>
    public ModuleDesc Module { get; }

    /// <summary>The TypeDef row.</summary>
    public TypeDefinitionHandle Handle { get; }

    /// <summary>The namespace (empty for nested types, as in metadata).</summary>
    public string Namespace { get; }

    /// <summary>The simple name, with a generic arity suffix such as <c>`1</c> when it has one.</summary>
    public string Name { get; }

    /// <summary>The enclosing type of a nested type.</summary>
    public DefinedType? DeclaringType { get; }

    /// <summary>The TypeDef flags.</summary>
    public TypeAttributes Attributes { get; }

    /// <summary>How many generic parameters the type declares.</summary>
    public int GenericParameterCount { get; }

    /// <summary>The base type (null for System.Object and interfaces).</summary>
    public TypeDesc? BaseType => _baseType.Value;

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<FieldDesc> Fields => _fields.Value;

    /// <summary>The methods in declaration order.</summary>
    public IReadOnlyList<MethodDesc> Methods => _methods.Value;

    /// <summary>The primitive kind when this is one of the corlib's primitive types.</summary>
    public PrimitiveKind Primitive { get; internal set; }

    /// <summary>True for <c>System.Object</c> of the corlib.</summary>
    public bool IsObject => Module.IsCoreLib && Namespace == "System" && Name == "Object";

    /// <summary>True for <c>System.String</c> of the corlib.</summary>
    public bool IsString => Module.IsCoreLib && Namespace == "System" && Name == "String";

    /// <summary>True for interfaces.</summary>
    public bool IsInterface => (Attributes & TypeAttributes.Interface) != 0;

    /// <summary>True for value types (structs, enums and the primitive types other than String/Object).</summary>
    public bool IsValueType =>
        BaseType is DefinedType b && b.Module.IsCoreLib && b.Namespace == "System" &&
        ((b.Name == "ValueType" && !(Module.IsCoreLib && Namespace == "System" && Name == "Enum")) || b.Name == "Enum");

    /// <summary>True for enums.</summary>
    public bool IsEnum => BaseType is DefinedType b && b.Module.IsCoreLib && b.Namespace == "System" && b.Name == "Enum";

    /// <summary>True when the static constructor may run at any time before the first static field access.</summary>
    public bool IsBeforeFieldInit => (Attributes & TypeAttributes.BeforeFieldInit) != 0;

    /// <summary>The type initializer (<c>.cctor</c>), if any.</summary>
    public MethodDesc? StaticConstructor => Methods.FirstOrDefault(m => m.IsStatic && m.Name == ".cctor");

    /// <summary>The instance fields in declaration order.</summary>
    public IEnumerable<FieldDesc> InstanceFields => Fields.Where(f => !f.IsStatic);

    /// <summary>The underlying type of an enum (its <c>value__</c> field).</summary>
    public TypeDesc EnumUnderlyingType =>
        InstanceFields.Single().FieldType;

    /// <summary>The class layout row (packing and size), zero when the type has none.</summary>
    public TypeLayout Layout => Module.Reader.GetTypeDefinition(Handle).GetLayout();

    /// <summary>The nested type of that name, or null.</summary>
    public DefinedType? GetNestedType(string name) =>
        Module.Reader.GetTypeDefinition(Handle).GetNestedTypes().Select(Module.GetType).FirstOrDefault(t => t.Name == name);

    /// <inheritdoc/>
    public override string FullName =>
        DeclaringType != null ? DeclaringType.FullName + "+" + Name : Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
