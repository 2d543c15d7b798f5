namespace Xous.IlCompiler.TypeSystem;

/// <summary>The primitive types of the CLI, as the corlib defines them.</summary>
public enum PrimitiveKind
{
    /// <summary>Not a primitive type.</summary>
    None,
    /// <inheritdoc/>
    Void,
    /// <inheritdoc/>
    Boolean,
    /// <inheritdoc/>
    Char,
    /// <inheritdoc/>
    SByte,
    /// <inheritdoc/>
    Byte,
    /// <inheritdoc/>
    Int16,
    /// <inheritdoc/>
    UInt16,
    /// <inheritdoc/>
    Int32,
    /// <inheritdoc/>
    UInt32,
    /// <inheritdoc/>
    Int64,
    /// <inheritdoc/>
    UInt64,
    /// <inheritdoc/>
    IntPtr,
    /// <inheritdoc/>
    UIntPtr,
    /// <inheritdoc/>
    Single,
    /// <inheritdoc/>
    Double,
}

/// <summary>
/// A type as the compiler sees it. Instances are canonical: one object per type (a pointer type is cached per
/// element type), so types compare by reference.
/// </summary>
public abstract class TypeDesc
{
    /// <summary>The name as .NET's <c>Type.ToString()</c> writes it (<c>Namespace.Outer+Inner</c>, <c>T*</c>, <c>T&amp;</c>).</summary>
    public abstract string FullName { get; }

    /// <inheritdoc/>
    public override string ToString() => FullName;
}

/// <summary>An unmanaged pointer <c>T*</c>.</summary>
public sealed class PointerType(TypeDesc element) : TypeDesc
{
    /// <summary>The pointed-to type.</summary>
    public TypeDesc Element { get; } = element;

    /// <inheritdoc/>
    public override string FullName => Element.FullName + "*";
}

/// <summary>A managed reference <c>ref T</c>.</summary>
public sealed class ByRefType(TypeDesc element) : TypeDesc
{
    /// <summary>The referenced type.</summary>
    public TypeDesc Element { get; } = element;

    /// <inheritdoc/>
    public override string FullName => Element.FullName + "&";
}

/// <summary>
/// A type this slice of the compiler does not compile (arrays, generic instantiations, generic parameters, function
/// pointers). It can appear in signatures that are decoded while resolving members; using it in code is an error.
/// </summary>
public sealed class UnsupportedType(string description) : TypeDesc
{
    /// <summary>What the type is, e.g. <c>array System.Int32[]</c>.</summary>
    public string Description { get; } = description;

    /// <inheritdoc/>
    public override string FullName => Description;
}

/// <summary>A single-dimensional, zero-based array <c>T[]</c> (the only arrays the device has).</summary>
public sealed class ArrayType(TypeDesc element) : TypeDesc
{
    /// <summary>The element type.</summary>
    public TypeDesc Element { get; } = element;

    /// <inheritdoc/>
    public override string FullName => Element.FullName + "[]";
}

/// <summary>
/// A generic parameter of an open signature (<c>!0</c> of a type, <c>!!0</c> of a method). It appears only while
/// members of generic definitions are matched; the code the compiler emits is always fully instantiated.
/// </summary>
public sealed class GenericParameterType(bool isMethodParameter, int index) : TypeDesc
{
    /// <summary>True for a method's parameter (<c>!!n</c>), false for a type's (<c>!n</c>).</summary>
    public bool IsMethodParameter { get; } = isMethodParameter;

    /// <summary>The parameter's position.</summary>
    public int Index { get; } = index;

    /// <inheritdoc/>
    public override string FullName => (IsMethodParameter ? "!!" : "!") + Index;
}
