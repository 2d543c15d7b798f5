using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>
/// The loaded assemblies and the canonical types: resolves tokens across modules (a TypeRef by its assembly,
/// namespace and name; a MemberRef by name and decoded signature) and caches pointer and by-ref types.
/// </summary>
public sealed class TypeSystemContext : IDisposable
{
    private readonly Dictionary<string, ModuleDesc> _modules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<MetadataReader, ModuleDesc> _byReader = [];
    private readonly Dictionary<TypeDesc, PointerType> _pointers = [];
    private readonly Dictionary<TypeDesc, ByRefType> _byRefs = [];
    private readonly Dictionary<string, UnsupportedType> _unsupported = [];
    private readonly Dictionary<TypeDesc, ArrayType> _arrays = [];
    private readonly Dictionary<(bool, int), GenericParameterType> _genericParameters = [];
    private readonly Dictionary<(DefinedType, string), DefinedType> _instantiations = [];
    private readonly Dictionary<(MethodDesc, string), MethodDesc> _methodInstantiations = [];
    private readonly Dictionary<TypeDesc, int> _typeIds = new(ReferenceEqualityComparer.Instance);
    private ModuleDesc? _coreLib;

    /// <summary>Creates an empty context.</summary>
    public TypeSystemContext() => SignatureProvider = new SignatureTypeProvider(this);

    /// <summary>The provider that decodes signatures into canonical types.</summary>
    internal SignatureTypeProvider SignatureProvider { get; }

    /// <summary>The corlib (the loaded assembly that defines System.Object).</summary>
    public ModuleDesc CoreLib => _coreLib ?? throw new CompilationException(null, "no corlib was loaded (the assembly that defines System.Object)");

    /// <summary>Every loaded module.</summary>
    public IEnumerable<ModuleDesc> Modules => _modules.Values;

    /// <summary>Loads an assembly; a second assembly of the same name is an error.</summary>
    public ModuleDesc Load(string path)
    {
        var module = new ModuleDesc(this, path);
        if (!_modules.TryAdd(module.Name, module))
        {
            module.Dispose();
            throw new CompilationException(null, $"two assemblies named {module.Name} were given ({_modules[module.Name].Path} and {path})");
        }

        _byReader.Add(module.Reader, module);
        if (module.IsCoreLib)
        {
            _coreLib = module;
            foreach (TypeDefinitionHandle handle in module.Reader.TypeDefinitions)
            {
                module.GetType(handle);
            }
        }

        return module;
    }

    /// <summary>The module that owns a metadata reader.</summary>
    public ModuleDesc ModuleOf(MetadataReader reader) => _byReader[reader];

    /// <summary>A corlib type that the compiler itself needs (System.String, System.Int32…).</summary>
    public DefinedType GetWellKnownType(string ns, string name) =>
        CoreLib.FindType(ns, name) ?? throw new CompilationException(null, $"the corlib has no {ns}.{name}");

    /// <summary>The primitive type of that kind.</summary>
    public DefinedType GetPrimitive(PrimitiveKind kind) => GetWellKnownType("System", kind.ToString());

    /// <summary>The canonical <c>T*</c>.</summary>
    public PointerType GetPointerType(TypeDesc element)
    {
        if (!_pointers.TryGetValue(element, out PointerType? type))
        {
            type = new PointerType(element);
            _pointers.Add(element, type);
        }

        return type;
    }

    /// <summary>The canonical <c>ref T</c>.</summary>
    public ByRefType GetByRefType(TypeDesc element)
    {
        if (!_byRefs.TryGetValue(element, out ByRefType? type))
        {
            type = new ByRefType(element);
            _byRefs.Add(element, type);
        }

        return type;
    }

    /// <summary>The canonical <c>T[]</c>.</summary>
    public ArrayType GetArrayType(TypeDesc element)
    {
        if (!_arrays.TryGetValue(element, out ArrayType? type))
        {
            type = new ArrayType(element);
            _arrays.Add(element, type);
        }

        return type;
    }

    /// <summary>The canonical open generic parameter <c>!n</c> or <c>!!n</c>.</summary>
    public GenericParameterType GetGenericParameter(bool isMethodParameter, int index)
    {
        if (!_genericParameters.TryGetValue((isMethodParameter, index), out GenericParameterType? type))
        {
            type = new GenericParameterType(isMethodParameter, index);
            _genericParameters.Add((isMethodParameter, index), type);
        }

        return type;
    }

    /// <summary>The canonical instantiation of a generic definition.</summary>
    public DefinedType GetInstantiatedType(DefinedType definition, ImmutableArray<TypeDesc> arguments)
    {
        definition = definition.Definition;
        if (arguments.Length != definition.GenericParameterCount)
        {
            throw new CompilationException(null, $"{definition.FullName} instantiated with {arguments.Length} type arguments");
        }

        string key = Key(arguments);
        if (!_instantiations.TryGetValue((definition, key), out DefinedType? type))
        {
            type = new DefinedType(definition, arguments);
            _instantiations.Add((definition, key), type);
        }

        return type;
    }

    /// <summary>The canonical instantiation of a generic method (of an already instantiated owner).</summary>
    public MethodDesc GetInstantiatedMethod(MethodDesc method, ImmutableArray<TypeDesc> arguments)
    {
        MethodDesc generic = method.Owner.GetMethod(method.Handle);
        if (arguments.Length != generic.GenericParameterCount)
        {
            throw new CompilationException(null, $"{generic.FullName} instantiated with {arguments.Length} type arguments");
        }

        string key = Key(arguments);
        if (!_methodInstantiations.TryGetValue((generic, key), out MethodDesc? result))
        {
            result = new MethodDesc(generic.Owner, generic.Handle, arguments);
            _methodInstantiations.Add((generic, key), result);
        }

        return result;
    }

    /// <summary>The same method on another instantiation of its owner (by MethodDef row).</summary>
    public static MethodDesc OnOwner(MethodDesc method, DefinedType owner) => owner.GetMethod(method.Handle);

    private string Key(ImmutableArray<TypeDesc> arguments) =>
        string.Join(",", arguments.Select(a =>
        {
            if (!_typeIds.TryGetValue(a, out int id))
            {
                id = _typeIds.Count;
                _typeIds.Add(a, id);
            }

            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));

    /// <summary>The canonical placeholder for a type this slice does not compile.</summary>
    public UnsupportedType GetUnsupportedType(string description)
    {
        if (!_unsupported.TryGetValue(description, out UnsupportedType? type))
        {
            type = new UnsupportedType(description);
            _unsupported.Add(description, type);
        }

        return type;
    }

    /// <summary>Resolves a TypeDef, TypeRef or TypeSpec token of <paramref name="module"/> (open generic context).</summary>
    public TypeDesc ResolveType(ModuleDesc module, EntityHandle handle) => ResolveType(GenericContext.Open(module), handle);

    /// <summary>Resolves a TypeDef, TypeRef or TypeSpec token in a generic context.</summary>
    public TypeDesc ResolveType(GenericContext context, EntityHandle handle)
    {
        ModuleDesc module = context.Module;
        return handle.Kind switch
        {
            HandleKind.TypeDefinition => module.GetType((TypeDefinitionHandle)handle),
            HandleKind.TypeReference => ResolveTypeReference(module, (TypeReferenceHandle)handle),
            HandleKind.TypeSpecification =>
                module.Reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SignatureProvider, context),
            _ => throw new CompilationException(null, $"token {MetadataTokens.GetToken(handle):X8} of {module.Name} is not a type"),
        };
    }

    /// <summary>Resolves a MethodDef, MemberRef or MethodSpec token to a method (open generic context).</summary>
    public MethodDesc ResolveMethod(ModuleDesc module, EntityHandle handle) => ResolveMethod(GenericContext.Open(module), handle);

    /// <summary>
    /// Resolves a MethodDef, MemberRef or MethodSpec token in a generic context. A MemberRef's signature is open
    /// (its <c>!n</c> are the parent type's parameters), so it is matched against the open signatures of the
    /// parent's definition and the method of the same row is taken from the instantiated parent.
    /// </summary>
    public MethodDesc ResolveMethod(GenericContext context, EntityHandle handle)
    {
        ModuleDesc module = context.Module;
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return module.GetMethod((MethodDefinitionHandle)handle);
            case HandleKind.MemberReference:
                MemberReference reference = module.Reader.GetMemberReference((MemberReferenceHandle)handle);
                string name = module.Reader.GetString(reference.Name);
                DefinedType owner = ResolveMemberParent(context, reference, name);
                MethodSignature<TypeDesc> signature = reference.DecodeMethodSignature(SignatureProvider, GenericContext.Open(module));
                MethodDesc? typical = owner.Definition.Methods.FirstOrDefault(m => m.Name == name && SameSignature(m.Signature, signature))
                    ?? throw new CompilationException(null, $"{owner.FullName} has no method {name}({string.Join(",", signature.ParameterTypes)}) (referenced by {module.Name})");
                return owner.GetMethod(typical.Handle);
            case HandleKind.MethodSpecification:
                MethodSpecification specification = module.Reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                MethodDesc generic = ResolveMethod(context, specification.Method);
                ImmutableArray<TypeDesc> arguments = specification.DecodeSignature(SignatureProvider, context);
                return GetInstantiatedMethod(generic, arguments);
            default:
                throw new CompilationException(null, $"token {MetadataTokens.GetToken(handle):X8} of {module.Name} is not a method");
        }
    }

    /// <summary>Resolves a FieldDef or MemberRef token to a field (open generic context).</summary>
    public FieldDesc ResolveField(ModuleDesc module, EntityHandle handle) => ResolveField(GenericContext.Open(module), handle);

    /// <summary>Resolves a FieldDef or MemberRef token to a field in a generic context.</summary>
    public FieldDesc ResolveField(GenericContext context, EntityHandle handle)
    {
        ModuleDesc module = context.Module;
        if (handle.Kind == HandleKind.FieldDefinition)
        {
            return module.GetField((FieldDefinitionHandle)handle);
        }

        if (handle.Kind != HandleKind.MemberReference)
        {
            throw new CompilationException(null, $"token {MetadataTokens.GetToken(handle):X8} of {module.Name} is not a field");
        }

        MemberReference reference = module.Reader.GetMemberReference((MemberReferenceHandle)handle);
        string name = module.Reader.GetString(reference.Name);
        DefinedType owner = ResolveMemberParent(context, reference, name);
        return owner.Fields.FirstOrDefault(f => f.Name == name)
            ?? throw new CompilationException(null, $"{owner.FullName} has no field {name} (referenced by {module.Name})");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (ModuleDesc module in _modules.Values)
        {
            module.Dispose();
        }
    }

    internal void ClassifyPrimitive(DefinedType type)
    {
        if (type.Module.IsCoreLib && type.Namespace == "System" && type.DeclaringType == null &&
            Enum.TryParse(type.Name, out PrimitiveKind kind) && kind != PrimitiveKind.None)
        {
            type.Primitive = kind;
        }
    }

    private DefinedType ResolveMemberParent(GenericContext context, MemberReference reference, string name)
    {
        ModuleDesc module = context.Module;
        TypeDesc parent = reference.Parent.Kind switch
        {
            HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => ResolveType(context, (EntityHandle)reference.Parent),
            HandleKind.MethodDefinition => module.GetMethod((MethodDefinitionHandle)reference.Parent).Owner,
            _ => throw new CompilationException(null, $"member {name}: a parent of kind {reference.Parent.Kind} (module-level or vararg reference)"),
        };
        if (parent is ArrayType)
        {
            parent = GetWellKnownType("System", "Array");
        }

        return parent as DefinedType
            ?? throw new CompilationException(null, $"member {name} of {parent.FullName} (a member of a {(parent is UnsupportedType u ? u.Description : "non-defined type")})");
    }

    private TypeDesc ResolveTypeReference(ModuleDesc module, TypeReferenceHandle handle)
    {
        TypeReference reference = module.Reader.GetTypeReference(handle);
        string ns = module.Reader.GetString(reference.Namespace);
        string name = module.Reader.GetString(reference.Name);
        EntityHandle scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.TypeReference:
                var outer = (DefinedType)ResolveTypeReference(module, (TypeReferenceHandle)scope);
                return outer.GetNestedType(name) ?? throw new CompilationException(null, $"{outer.FullName} has no nested type {name}");
            case HandleKind.AssemblyReference:
                string assembly = module.Reader.GetString(module.Reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                if (!_modules.TryGetValue(assembly, out ModuleDesc? target))
                {
                    throw new CompilationException(null, $"{module.Name} references assembly {assembly}, which was not given to the compiler");
                }

                return target.FindType(ns, name) ?? throw new CompilationException(null, $"{assembly} has no type {ns}.{name} (referenced by {module.Name}; type forwarders are not followed)");
            case HandleKind.ModuleDefinition:
                return module.FindType(ns, name) ?? throw new CompilationException(null, $"{module.Name} has no type {ns}.{name}");
            default:
                throw new CompilationException(null, $"type reference {ns}.{name} with a resolution scope of kind {scope.Kind}");
        }
    }

    private static bool SameSignature(MethodSignature<TypeDesc> a, MethodSignature<TypeDesc> b) =>
        a.Header.IsInstance == b.Header.IsInstance &&
        a.GenericParameterCount == b.GenericParameterCount &&
        a.ReturnType == b.ReturnType &&
        a.ParameterTypes.SequenceEqual(b.ParameterTypes);
}
