using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>A method of a <see cref="DefinedType"/>.</summary>
public sealed class MethodDesc
{
    private readonly Lazy<MethodSignature<TypeDesc>> _signature;
    private readonly Lazy<ImmutableArray<string>> _parameterNames;

    internal MethodDesc(ModuleDesc module, MethodDefinitionHandle handle)
        : this(module.GetType(module.Reader.GetMethodDefinition(handle).GetDeclaringType()), handle, [])
    {
    }

    internal MethodDesc(DefinedType owner, MethodDefinitionHandle handle, ImmutableArray<TypeDesc> instantiation)
    {
        ModuleDesc module = owner.Module;
        Module = module;
        Handle = handle;
        Instantiation = instantiation;
        MethodDefinition definition = module.Reader.GetMethodDefinition(handle);
        Owner = owner;
        Name = module.Reader.GetString(definition.Name);
        Attributes = definition.Attributes;
        ImplAttributes = definition.ImplAttributes;
        RelativeVirtualAddress = definition.RelativeVirtualAddress;
        GenericParameterCount = definition.GetGenericParameters().Count;
        _signature = new Lazy<MethodSignature<TypeDesc>>(() => definition.DecodeSignature(module.Context.SignatureProvider, Context));
        _parameterNames = new Lazy<ImmutableArray<string>>(() => ReadParameterNames(module.Reader, definition));
    }

    /// <summary>The method's type arguments (empty unless it is an instantiated generic method).</summary>
    public ImmutableArray<TypeDesc> Instantiation { get; }

    /// <summary>True for a generic method that is not instantiated.</summary>
    public bool IsOpenGeneric => (GenericParameterCount > 0 && Instantiation.IsDefaultOrEmpty) || Owner.IsOpenGeneric;

    /// <summary>The generic context of the method's body and signature.</summary>
    public GenericContext Context => new(Module, Owner.Instantiation, Instantiation);

    /// <summary>The same method on the generic definition of its type, uninstantiated (open signature).</summary>
    public MethodDesc Typical => Module.GetMethod(Handle);

    /// <summary>The module that defines the method.</summary>
    public ModuleDesc Module { get; }

    /// <summary>The MethodDef row.</summary>
    public MethodDefinitionHandle Handle { get; }

    /// <summary>The type that declares the method.</summary>
    public DefinedType Owner { get; }

    /// <summary>The method name (<c>.ctor</c> and <c>.cctor</c> for constructors).</summary>
    public string Name { get; }

    /// <summary>The MethodDef flags.</summary>
    public MethodAttributes Attributes { get; }

    /// <summary>The implementation flags (InternalCall, …).</summary>
    public MethodImplAttributes ImplAttributes { get; }

    /// <summary>The RVA of the IL body, 0 when it has none.</summary>
    public int RelativeVirtualAddress { get; }

    /// <summary>How many generic parameters the method declares.</summary>
    public int GenericParameterCount { get; }

    /// <summary>The decoded signature.</summary>
    public MethodSignature<TypeDesc> Signature => _signature.Value;

    /// <summary>The parameter names in order (without <c>this</c>); a missing name is <c>p</c> plus its index.</summary>
    public ImmutableArray<string> ParameterNames => _parameterNames.Value;

    /// <summary>True for static methods.</summary>
    public bool IsStatic => (Attributes & MethodAttributes.Static) != 0;

    /// <summary>True for virtual methods.</summary>
    public bool IsVirtual => (Attributes & MethodAttributes.Virtual) != 0;

    /// <summary>True for instance and static constructors.</summary>
    public bool IsConstructor => Name is ".ctor" or ".cctor";

    /// <summary>True when the method has an IL body.</summary>
    public bool HasBody => RelativeVirtualAddress != 0;

    /// <summary>True for <c>[MethodImpl(MethodImplOptions.InternalCall)]</c> methods, whose body the compiler supplies.</summary>
    public bool IsInternalCall => (ImplAttributes & MethodImplAttributes.InternalCall) != 0;

    /// <summary>The method body.</summary>
    public MethodBodyBlock GetBody() => Module.PEReader.GetMethodBody(RelativeVirtualAddress);

    /// <summary><c>Namespace.Type::Name(ParameterTypes)</c>: identifies the method in errors and in the intrinsic table.</summary>
    public string FullName =>
        $"{Owner.FullName}::{Name}{(Instantiation.IsDefaultOrEmpty ? "" : "<" + string.Join(",", Instantiation.Select(t => t.FullName)) + ">")}({string.Join(",", Signature.ParameterTypes.Select(t => t.FullName))})";

    /// <summary><c>Namespace.Type.Name</c>, as .NET writes a method in a stack trace.</summary>
    public string DisplayName => Owner.FullName + "." + Name;

    /// <inheritdoc/>
    public override string ToString() => FullName;

    private static ImmutableArray<string> ReadParameterNames(MetadataReader reader, MethodDefinition definition)
    {
        int count = definition.DecodeSignature(NameOnlyProvider.Instance, null).ParameterTypes.Length;
        string[] names = Enumerable.Range(0, count).Select(i => "p" + i).ToArray();
        foreach (ParameterHandle handle in definition.GetParameters())
        {
            Parameter parameter = reader.GetParameter(handle);
            if (parameter.SequenceNumber >= 1 && parameter.SequenceNumber <= count && !parameter.Name.IsNil)
            {
                names[parameter.SequenceNumber - 1] = reader.GetString(parameter.Name);
            }
        }

        return [.. names];
    }

    /// <summary>Counts parameters without resolving any type.</summary>
    private sealed class NameOnlyProvider : ISignatureTypeProvider<int, object?>
    {
        public static readonly NameOnlyProvider Instance = new();

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => 0;

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => 0;
    }
}
