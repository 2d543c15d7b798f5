using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>
/// A type defined in one of the loaded modules (TypeDef row), including the corlib's primitive types, or an
/// instantiation of a generic one (<c>List`1[System.Int32]</c>): each instantiation is its own object with its own
/// fields, methods and statics, decoded with its type arguments (the compiler monomorphises).
/// </summary>
public sealed class DefinedType : TypeDesc
{
    private readonly Lazy<TypeDesc?> _baseType;
    private readonly Lazy<IReadOnlyList<FieldDesc>> _fields;
    private readonly Lazy<IReadOnlyList<MethodDesc>> _methods;
    private readonly Lazy<IReadOnlyList<DefinedType>> _interfaces;

    internal DefinedType(ModuleDesc module, TypeDefinitionHandle handle)
        : this(module, handle, null, [])
    {
    }

    internal DefinedType(DefinedType definition, ImmutableArray<TypeDesc> instantiation)
        : this(definition.Module, definition.Handle, definition, instantiation)
    {
    }

    private DefinedType(ModuleDesc module, TypeDefinitionHandle handle, DefinedType? definition, ImmutableArray<TypeDesc> instantiation)
    {
        Module = module;
        Handle = handle;
        Definition = definition ?? this;
        Instantiation = instantiation;
        TypeDefinition typeDefinition = module.Reader.GetTypeDefinition(handle);
        Namespace = module.Reader.GetString(typeDefinition.Namespace);
        Name = module.Reader.GetString(typeDefinition.Name);
        Attributes = typeDefinition.Attributes;
        GenericParameterCount = typeDefinition.GetGenericParameters().Count;
        TypeDefinitionHandle declaring = typeDefinition.GetDeclaringType();
        DeclaringType = declaring.IsNil ? null : module.GetType(declaring);
        GenericContext context = new(module, instantiation, []);
        _baseType = new Lazy<TypeDesc?>(() => typeDefinition.BaseType.IsNil ? null : module.Context.ResolveType(context, typeDefinition.BaseType));
        _fields = new Lazy<IReadOnlyList<FieldDesc>>(() => definition == null
            ? typeDefinition.GetFields().Select(module.GetField).ToArray()
            : typeDefinition.GetFields().Select(f => new FieldDesc(this, f)).ToArray());
        _methods = new Lazy<IReadOnlyList<MethodDesc>>(() => definition == null
            ? typeDefinition.GetMethods().Select(module.GetMethod).ToArray()
            : typeDefinition.GetMethods().Select(m => new MethodDesc(this, m, [])).ToArray());
        _interfaces = new Lazy<IReadOnlyList<DefinedType>>(() => typeDefinition.GetInterfaceImplementations()
            .Select(i => module.Context.ResolveType(context, module.Reader.GetInterfaceImplementation(i).Interface))
            .OfType<DefinedType>().ToArray());
    }

    /// <summary>The generic definition of an instantiation; the type itself otherwise.</summary>
    public DefinedType Definition { get; }

    /// <summary>The type arguments of an instantiation; empty for a non-generic type or an open definition.</summary>
    public ImmutableArray<TypeDesc> Instantiation { get; }

    /// <summary>True for a generic definition that is not instantiated (its members have open signatures).</summary>
    public bool IsOpenGeneric => GenericParameterCount > 0 && Instantiation.IsDefaultOrEmpty;

    /// <summary>The generic context of the type's own metadata (its base, interfaces, fields and methods).</summary>
    public GenericContext Context => new(Module, Instantiation, []);

    /// <summary>The interfaces the type declares it implements (Roslyn lists the whole closure), instantiated.</summary>
    public IReadOnlyList<DefinedType> Interfaces => _interfaces.Value;

    /// <summary>The method of this type (this instantiation) with that MethodDef row.</summary>
    public MethodDesc GetMethod(MethodDefinitionHandle handle) => Methods.First(m => m.Handle == handle);

    /// <summary>The field of this type (this instantiation) with that FieldDef row.</summary>
    public FieldDesc GetField(FieldDefinitionHandle handle) => Fields.First(f => f.Handle == handle);

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

    /// <summary>The MethodImpl rows of the type: (body, the method it overrides or implements), instantiated.</summary>
    public IReadOnlyList<(MethodDesc Body, MethodDesc Declaration)> MethodImplementations =>
        _methodImplementations ??= Module.Reader.GetTypeDefinition(Handle).GetMethodImplementations().Select(h =>
        {
            MethodImplementation row = Module.Reader.GetMethodImplementation(h);
            return (Member(row.MethodBody), Member(row.MethodDeclaration));
        }).ToArray();

    private (MethodDesc Body, MethodDesc Declaration)[]? _methodImplementations;

    // A MethodDef token in this type's metadata names the method of this instantiation when the method is the type's own.
    private MethodDesc Member(EntityHandle handle) =>
        handle.Kind == HandleKind.MethodDefinition && Methods.FirstOrDefault(m => m.Handle == (MethodDefinitionHandle)handle) is MethodDesc own
            ? own
            : Module.Context.ResolveMethod(Context, handle);

    /// <summary>The name without instantiation (<c>Namespace.Outer+Inner`1</c>).</summary>
    public string DefinitionName =>
        DeclaringType != null ? DeclaringType.DefinitionName + "+" + Name : Namespace.Length == 0 ? Name : Namespace + "." + Name;

    /// <inheritdoc/>
    public override string FullName =>
        Instantiation.IsDefaultOrEmpty ? DefinitionName : DefinitionName + "[" + string.Join(",", Instantiation.Select(t => t.FullName)) + "]";
}
