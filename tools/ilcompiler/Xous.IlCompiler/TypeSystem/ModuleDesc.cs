using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>One loaded assembly (its manifest module): the metadata reader and the canonical type/member objects.</summary>
public sealed class ModuleDesc : IDisposable
{
    private readonly Dictionary<TypeDefinitionHandle, DefinedType> _types = [];
    private readonly Dictionary<MethodDefinitionHandle, MethodDesc> _methods = [];
    private readonly Dictionary<FieldDefinitionHandle, FieldDesc> _fields = [];
    private readonly Dictionary<(string Namespace, string Name), TypeDefinitionHandle> _topLevelTypes = [];

    internal ModuleDesc(TypeSystemContext context, string path)
    {
        Context = context;
        Path = path;
        PEReader = new PEReader(File.OpenRead(path));
        if (!PEReader.HasMetadata)
        {
            throw new CompilationException(null, $"{path} is not a .NET assembly");
        }

        Reader = PEReader.GetMetadataReader();
        Name = Reader.GetString(Reader.GetAssemblyDefinition().Name);
        foreach (TypeDefinitionHandle handle in Reader.TypeDefinitions)
        {
            TypeDefinition definition = Reader.GetTypeDefinition(handle);
            if (definition.GetDeclaringType().IsNil)
            {
                _topLevelTypes[(Reader.GetString(definition.Namespace), Reader.GetString(definition.Name))] = handle;
            }
        }

        // The corlib is the assembly that defines System.Object and references no other assembly.
        IsCoreLib = Reader.AssemblyReferences.Count == 0 && _topLevelTypes.ContainsKey(("System", "Object"));
    }

    /// <summary>The context the module belongs to.</summary>
    public TypeSystemContext Context { get; }

    /// <summary>The file the module was read from.</summary>
    public string Path { get; }

    /// <summary>The assembly's simple name.</summary>
    public string Name { get; }

    /// <summary>True for the corlib.</summary>
    public bool IsCoreLib { get; }

    /// <summary>The PE image (method bodies live there).</summary>
    public PEReader PEReader { get; }

    /// <summary>The metadata.</summary>
    public MetadataReader Reader { get; }

    /// <summary>The canonical object for a TypeDef row.</summary>
    public DefinedType GetType(TypeDefinitionHandle handle)
    {
        if (!_types.TryGetValue(handle, out DefinedType? type))
        {
            type = new DefinedType(this, handle);
            _types.Add(handle, type);
            Context.ClassifyPrimitive(type);
        }

        return type;
    }

    /// <summary>The canonical object for a MethodDef row.</summary>
    public MethodDesc GetMethod(MethodDefinitionHandle handle)
    {
        if (!_methods.TryGetValue(handle, out MethodDesc? method))
        {
            method = new MethodDesc(this, handle);
            _methods.Add(handle, method);
        }

        return method;
    }

    /// <summary>The canonical object for a FieldDef row.</summary>
    public FieldDesc GetField(FieldDefinitionHandle handle)
    {
        if (!_fields.TryGetValue(handle, out FieldDesc? field))
        {
            field = new FieldDesc(this, handle);
            _fields.Add(handle, field);
        }

        return field;
    }

    /// <summary>The top-level type of that namespace and name, or null.</summary>
    public DefinedType? FindType(string ns, string name) =>
        _topLevelTypes.TryGetValue((ns, name), out TypeDefinitionHandle handle) ? GetType(handle) : null;

    /// <summary>The type of that full name (nested types joined by <c>+</c>), or null.</summary>
    public DefinedType? FindTypeByFullName(string fullName)
    {
        string[] parts = fullName.Split('+');
        int dot = parts[0].LastIndexOf('.');
        DefinedType? type = dot < 0 ? FindType("", parts[0]) : FindType(parts[0][..dot], parts[0][(dot + 1)..]);
        for (int i = 1; i < parts.Length && type != null; i++)
        {
            type = type.GetNestedType(parts[i]);
        }

        return type;
    }

    /// <summary>The assembly's entry point method, or null.</summary>
    public MethodDesc? EntryPoint
    {
        get
        {
            int token = PEReader.PEHeaders.CorHeader?.EntryPointTokenOrRelativeVirtualAddress ?? 0;
            return token == 0 ? null : GetMethod(MetadataTokens.MethodDefinitionHandle(token & 0xFFFFFF));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => PEReader.Dispose();
}
