using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>
/// Decodes signature blobs into canonical <see cref="TypeDesc"/> objects. The generic context says what the
/// generic parameters stand for (or leaves them open). Multi-dimensional arrays, typed references and function
/// pointers decode to <see cref="UnsupportedType"/>, so members that mention them still resolve and the error is
/// raised only where such a type is actually used.
/// </summary>
internal sealed class SignatureTypeProvider(TypeSystemContext context) : ISignatureTypeProvider<TypeDesc, GenericContext>
{
    public TypeDesc GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => context.GetPrimitive(PrimitiveKind.Void),
        PrimitiveTypeCode.Boolean => context.GetPrimitive(PrimitiveKind.Boolean),
        PrimitiveTypeCode.Char => context.GetPrimitive(PrimitiveKind.Char),
        PrimitiveTypeCode.SByte => context.GetPrimitive(PrimitiveKind.SByte),
        PrimitiveTypeCode.Byte => context.GetPrimitive(PrimitiveKind.Byte),
        PrimitiveTypeCode.Int16 => context.GetPrimitive(PrimitiveKind.Int16),
        PrimitiveTypeCode.UInt16 => context.GetPrimitive(PrimitiveKind.UInt16),
        PrimitiveTypeCode.Int32 => context.GetPrimitive(PrimitiveKind.Int32),
        PrimitiveTypeCode.UInt32 => context.GetPrimitive(PrimitiveKind.UInt32),
        PrimitiveTypeCode.Int64 => context.GetPrimitive(PrimitiveKind.Int64),
        PrimitiveTypeCode.UInt64 => context.GetPrimitive(PrimitiveKind.UInt64),
        PrimitiveTypeCode.IntPtr => context.GetPrimitive(PrimitiveKind.IntPtr),
        PrimitiveTypeCode.UIntPtr => context.GetPrimitive(PrimitiveKind.UIntPtr),
        PrimitiveTypeCode.Single => context.GetPrimitive(PrimitiveKind.Single),
        PrimitiveTypeCode.Double => context.GetPrimitive(PrimitiveKind.Double),
        PrimitiveTypeCode.String => context.GetWellKnownType("System", "String"),
        PrimitiveTypeCode.Object => context.GetWellKnownType("System", "Object"),
        PrimitiveTypeCode.TypedReference => context.GetUnsupportedType("System.TypedReference"),
        _ => context.GetUnsupportedType("primitive type code " + typeCode),
    };

    public TypeDesc GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        context.ModuleOf(reader).GetType(handle);

    public TypeDesc GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        context.ResolveType(context.ModuleOf(reader), handle);

    public TypeDesc GetTypeFromSpecification(MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public TypeDesc GetPointerType(TypeDesc elementType) => context.GetPointerType(elementType);

    public TypeDesc GetByReferenceType(TypeDesc elementType) => context.GetByRefType(elementType);

    public TypeDesc GetPinnedType(TypeDesc elementType) => elementType;

    public TypeDesc GetModifiedType(TypeDesc modifier, TypeDesc unmodifiedType, bool isRequired) => unmodifiedType;

    public TypeDesc GetSZArrayType(TypeDesc elementType) => context.GetArrayType(elementType);

    public TypeDesc GetArrayType(TypeDesc elementType, ArrayShape shape) =>
        context.GetUnsupportedType($"multi-dimensional array {elementType.FullName}[{new string(',', shape.Rank - 1)}]");

    public TypeDesc GetGenericInstantiation(TypeDesc genericType, ImmutableArray<TypeDesc> typeArguments) =>
        genericType is DefinedType definition
            ? context.GetInstantiatedType(definition, typeArguments)
            : context.GetUnsupportedType($"generic instantiation of {genericType.FullName}");

    public TypeDesc GetGenericTypeParameter(GenericContext genericContext, int index) =>
        genericContext.TypeArguments.IsDefaultOrEmpty ? context.GetGenericParameter(false, index)
        : index < genericContext.TypeArguments.Length ? genericContext.TypeArguments[index]
        : throw new CompilationException(null, $"generic type parameter !{index} out of range");

    public TypeDesc GetGenericMethodParameter(GenericContext genericContext, int index) =>
        genericContext.MethodArguments.IsDefaultOrEmpty ? context.GetGenericParameter(true, index)
        : index < genericContext.MethodArguments.Length ? genericContext.MethodArguments[index]
        : throw new CompilationException(null, $"generic method parameter !!{index} out of range");

    public TypeDesc GetFunctionPointerType(MethodSignature<TypeDesc> signature) =>
        context.GetUnsupportedType($"function pointer delegate*<{string.Join(",", signature.ParameterTypes.Append(signature.ReturnType))}>");
}
