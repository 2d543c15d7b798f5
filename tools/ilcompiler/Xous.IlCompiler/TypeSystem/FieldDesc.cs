using System.Reflection;
using System.Reflection.Metadata;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>A field of a <see cref="DefinedType"/> (of one instantiation, for generic types).</summary>
public sealed class FieldDesc
{
    private readonly Lazy<TypeDesc> _fieldType;

    internal FieldDesc(ModuleDesc module, FieldDefinitionHandle handle)
        : this(module.GetType(module.Reader.GetFieldDefinition(handle).GetDeclaringType()), handle)
    {
    }

    internal FieldDesc(DefinedType owner, FieldDefinitionHandle handle)
    {
        Handle = handle;
        ModuleDesc module = owner.Module;
        FieldDefinition definition = module.Reader.GetFieldDefinition(handle);
        Owner = owner;
        Name = module.Reader.GetString(definition.Name);
        Attributes = definition.Attributes;
        RelativeVirtualAddress = definition.GetRelativeVirtualAddress();
        _fieldType = new Lazy<TypeDesc>(() => definition.DecodeSignature(module.Context.SignatureProvider, owner.Context));
        _offset = definition.GetOffset();
    }

    private readonly int _offset;

    /// <summary>The explicit offset (<c>[FieldOffset]</c>), or -1.</summary>
    public int ExplicitOffset => _offset;

    /// <summary>The RVA of the field's initial data (with <see cref="HasRva"/>).</summary>
    public int RelativeVirtualAddress { get; }

    /// <summary>The FieldDef row.</summary>
    public FieldDefinitionHandle Handle { get; }

    /// <summary>The type that declares the field.</summary>
    public DefinedType Owner { get; }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The FieldDef flags.</summary>
    public FieldAttributes Attributes { get; }

    /// <summary>The field's type.</summary>
    public TypeDesc FieldType => _fieldType.Value;

    /// <summary>True for static fields.</summary>
    public bool IsStatic => (Attributes & FieldAttributes.Static) != 0;

    /// <summary>True for constants (<c>const</c>), which have no storage.</summary>
    public bool IsLiteral => (Attributes & FieldAttributes.Literal) != 0;

    /// <summary>True when the field's initial value is an RVA data blob.</summary>
    public bool HasRva => (Attributes & FieldAttributes.HasFieldRVA) != 0;

    /// <inheritdoc/>
    public override string ToString() => Owner.FullName + "::" + Name;
}
