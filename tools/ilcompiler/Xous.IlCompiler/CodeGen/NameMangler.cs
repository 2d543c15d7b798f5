using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Gives every emitted type, method and static field a C identifier that is readable (<c>Namespace_Type__Method</c>),
/// deterministic (it depends only on metadata and on the order in which things are first named) and unique (a clash
/// after sanitising gets a numeric suffix).
/// </summary>
internal sealed class NameMangler
{
    private static readonly HashSet<string> s_cKeywords =
    [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
        "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
        "_Thread_local", "asm", "typeof",
    ];

    private readonly Dictionary<object, string> _names = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>The C name of a type: its full name with <c>.</c> and <c>+</c> as <c>_</c>.</summary>
    public string Type(DefinedType type) => Name(type, () => Sanitize(type.FullName));

    /// <summary>The C name of a method: <c>Type__Method</c>, plus the parameter types when the name is overloaded.</summary>
    public string Method(MethodDesc method) => Name(method, () =>
    {
        string name = Type(method.Owner) + "__" + Sanitize(method.Name);
        if (!method.Instantiation.IsDefaultOrEmpty)
        {
            name += "_" + string.Join("_", method.Instantiation.Select(Short));
        }

        if (method.Owner.Methods.Count(m => m.Name == method.Name) > 1)
        {
            name += "__" + (method.Signature.ParameterTypes.Length == 0 ? "void" : string.Join("_", method.Signature.ParameterTypes.Select(Short)));
        }

        return name;
    });

    /// <summary>The C name of a type's run-time descriptor: <c>Type__type</c> (arrays <c>Element___type</c>).</summary>
    public string Descriptor(TypeDesc type) => Name(("descriptor", type), () => Sanitize(type.FullName) + "__type");

    /// <summary>The C name of a compiler-made helper for a type (delegate invoke, report functions…).</summary>
    public string Helper(string purpose, object key) => Name((purpose, key), () => Sanitize(purpose));

    /// <summary>The C name of a static field's storage: <c>Type__field</c>.</summary>
    public string StaticField(FieldDesc field) => Name(field, () => Type(field.Owner) + "__" + Sanitize(field.Name));

    /// <summary>A field's member name inside its C struct (the C# name, sanitised).</summary>
    public static string Member(string name)
    {
        string sanitized = Sanitize(name);
        return s_cKeywords.Contains(sanitized) ? sanitized + "_" : sanitized;
    }

    /// <summary>Replaces every character that cannot appear in a C identifier with <c>_</c>.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private string Name(object key, Func<string> make)
    {
        if (_names.TryGetValue(key, out string? existing))
        {
            return existing;
        }

        string baseName = make();
        if (s_cKeywords.Contains(baseName))
        {
            baseName += "_";
        }

        string name = baseName;
        for (int i = 2; !_used.Add(name); i++)
        {
            name = baseName + "_" + i;
        }

        _names.Add(key, name);
        return name;
    }

    private static string Short(TypeDesc type) => type switch
    {
        PointerType p => "p" + Short(p.Element),
        ByRefType r => "r" + Short(r.Element),
        ArrayType a => "a" + Short(a.Element),
        DefinedType d => d.Primitive switch
        {
            PrimitiveKind.Boolean => "bool",
            PrimitiveKind.Char => "char",
            PrimitiveKind.SByte => "i1",
            PrimitiveKind.Byte => "u1",
            PrimitiveKind.Int16 => "i2",
            PrimitiveKind.UInt16 => "u2",
            PrimitiveKind.Int32 => "i4",
            PrimitiveKind.UInt32 => "u4",
            PrimitiveKind.Int64 => "i8",
            PrimitiveKind.UInt64 => "u8",
            PrimitiveKind.IntPtr => "i",
            PrimitiveKind.UIntPtr => "u",
            PrimitiveKind.Single => "r4",
            PrimitiveKind.Double => "r8",
            PrimitiveKind.Void => "void",
            _ => d.IsString ? "str" : d.IsObject ? "obj" : Sanitize(d.Name) + (d.Instantiation.IsDefaultOrEmpty ? "" : "_" + string.Join("_", d.Instantiation.Select(Short))),
        },
        _ => Sanitize(type.FullName),
    };
}
