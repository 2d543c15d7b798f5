using System.Text;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Bodies the compiler writes for methods that have none in IL: a delegate type's constructor and <c>Invoke</c>
/// (docs/device-profile.md, "Delegates").
/// </summary>
internal static class SyntheticMethods
{
    /// <summary>The prototype and C function for <paramref name="method"/>, or null when the compiler has no body for it.</summary>
    public static (string Prototype, string Body)? TryTranslate(Compilation compilation, MethodDesc method)
    {
        if (!IsDelegate(method.Owner) || method.IsStatic)
        {
            return null;
        }

        TypeLayouts layouts = compilation.Layouts;
        DefinedType owner = method.Owner;
        layouts.RequireClassLayout(owner);
        DefinedType delegateType = compilation.Context.GetWellKnownType("System", "Delegate");
        DefinedType multicast = compilation.Context.GetWellKnownType("System", "MulticastDelegate");
        string target = layouts.MemberName(delegateType.Fields.First(f => f.Name == "_target"));
        string methodPointer = layouts.MemberName(delegateType.Fields.First(f => f.Name == "_methodPtr"));
        string invocationList = layouts.MemberName(multicast.Fields.First(f => f.Name == "_invocationList"));
        string[] parameterTypes = method.Signature.ParameterTypes.Select(layouts.CType).ToArray();
        string returnType = layouts.CType(method.Signature.ReturnType);
        string selfType = layouts.CType(owner);
        string name = compilation.Names.Method(method);
        string parameters = string.Concat(parameterTypes.Select((t, i) => $", {t} a{i}"));
        string prototype = $"static {returnType} {name}({selfType} self{parameters})";
        var body = new StringBuilder();
        body.Append("/* ").Append(CLiteral.Comment(method.FullName)).AppendLine(" (compiler-supplied) */");
        body.AppendLine(prototype);
        body.AppendLine("{");
        switch (method.Name)
        {
            case ".ctor" when parameterTypes.Length == 2:
                body.Append("    self->").Append(target).AppendLine(" = a0;");
                body.Append("    self->").Append(methodPointer).AppendLine(" = a1;");
                break;
            case "Invoke":
                string arguments = string.Concat(parameterTypes.Select((_, i) => $", a{i}"));
                string open = parameterTypes.Length == 0 ? "void" : string.Join(", ", parameterTypes);
                string closed = string.Concat(parameterTypes.Select(t => ", " + t));
                bool returns = returnType != "void";
                body.Append("    if (__builtin_expect(self->").Append(invocationList).AppendLine(" == 0, 1)) {");
                body.Append("        void* target = self->").Append(target).AppendLine(";");
                body.Append("        if (target != 0) ").Append(returns ? "return " : "").Append("((").Append(returnType).Append(" (*)(void*").Append(closed)
                    .Append("))self->").Append(methodPointer).Append(")(target").Append(arguments).AppendLine(returns ? ");" : "); else");
                body.Append("        ").Append(returns ? "return " : "").Append("((").Append(returnType).Append(" (*)(").Append(open).Append("))self->")
                    .Append(methodPointer).Append(")(").Append(string.Join(", ", parameterTypes.Select((_, i) => $"a{i}"))).AppendLine(");");
                if (!returns)
                {
                    body.AppendLine("        return;");
                }

                body.AppendLine("    }");
                body.Append("    XousArray* list = (XousArray*)self->").Append(invocationList).AppendLine(";");
                if (returns)
                {
                    body.Append("    ").Append(returnType).AppendLine(" result;");
                    body.AppendLine("    __builtin_memset(&result, 0, sizeof result);");
                }

                body.AppendLine("    for (int32_t i = 0; i < list->length; i++) {");
                body.Append("        ").Append(returns ? "result = " : "").Append(name).Append("((").Append(selfType)
                    .Append(")((void**)xous_array_data(list))[i]").Append(arguments).AppendLine(");");
                body.AppendLine("    }");
                if (returns)
                {
                    body.AppendLine("    return result;");
                }

                break;
            default:
                throw new CompilationException(method.FullName, "a delegate method the compiler does not supply (only .ctor(object, nint) and Invoke)");
        }

        body.AppendLine("}");
        return (prototype, body.ToString());
    }

    /// <summary>True for delegate types (direct subclasses of System.MulticastDelegate).</summary>
    public static bool IsDelegate(DefinedType type) =>
        type.BaseType is DefinedType { Namespace: "System", Name: "MulticastDelegate" } b && b.Module.IsCoreLib;
}
