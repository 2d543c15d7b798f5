using System.Text;
using Microsoft.CodeAnalysis;

namespace Xous.CoreLib.Tests;

/// <summary>
/// Checks that an assembly's public API is a strict subset of .NET 10's: every public type exists in .NET with the
/// same namespace, name, kind, arity, base type and a superset of its public interfaces; every public or protected
/// member exists there with the same name, kind, static-ness, parameter types and ref kinds, return type and
/// (at least as strict) constraints. It also checks the rules that keep device code compiling on the host: what
/// .NET seals, makes abstract, read-only or const, ours must too; what ours lets a caller do (params, optional
/// arguments, overriding) .NET must allow; and an interface or abstract class of ours must declare every abstract
/// member .NET's does, or a device type implementing it would not compile against .NET.
/// </summary>
internal sealed class ApiComparer
{
    private readonly Compilation _reference;
    private readonly List<string> _mismatches = [];

    public ApiComparer(Compilation reference)
    {
        _reference = reference;
    }

    /// <summary>Every mismatch between <paramref name="ours"/> and the reference, one line each.</summary>
    public static IReadOnlyList<string> Compare(IAssemblySymbol ours, Compilation reference)
    {
        var comparer = new ApiComparer(reference);
        foreach (INamedTypeSymbol type in AllTypes(ours.GlobalNamespace))
        {
            if (IsVisible(type))
            {
                comparer.CompareType(type);
            }
        }

        return comparer._mismatches;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (INamedTypeSymbol t in AllTypes(child))
                {
                    yield return t;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
            }
        }
    }

    private static bool IsVisible(ISymbol symbol)
    {
        for (ISymbol? s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private void Report(ISymbol symbol, string problem) => _mismatches.Add($"{symbol.ToDisplayString()}: {problem}");

    private INamedTypeSymbol? FindReferenceType(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } containing)
        {
            INamedTypeSymbol? outer = FindReferenceType(containing);
            return outer?.GetTypeMembers(type.Name, type.Arity).FirstOrDefault(IsVisible);
        }

        string metadataName = type.ContainingNamespace.IsGlobalNamespace
            ? type.MetadataName
            : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
        return _reference.GetTypesByMetadataName(metadataName).FirstOrDefault(IsVisible);
    }

    private void CompareType(INamedTypeSymbol ours)
    {
        INamedTypeSymbol? theirs = FindReferenceType(ours);
        if (theirs is null)
        {
            Report(ours, "type does not exist in .NET 10");
            return;
        }

        if (ours.TypeKind != theirs.TypeKind)
        {
            Report(ours, $"is a {ours.TypeKind}, .NET's is a {theirs.TypeKind}");
            return;
        }

        if (ours.IsStatic != theirs.IsStatic)
        {
            Report(ours, $"static is {ours.IsStatic}, .NET's is {theirs.IsStatic}");
        }

        if (theirs.TypeKind == TypeKind.Class && theirs.IsSealed && !ours.IsSealed && !ours.IsStatic)
        {
            Report(ours, "is not sealed, .NET's is");
        }

        if (theirs.TypeKind == TypeKind.Class && theirs.IsAbstract && !theirs.IsStatic && !ours.IsAbstract)
        {
            Report(ours, "is not abstract, .NET's is");
        }

        if (ours.IsRefLikeType != theirs.IsRefLikeType)
        {
            Report(ours, $"ref struct is {ours.IsRefLikeType}, .NET's is {theirs.IsRefLikeType}");
        }

        if (!SameType(ours.BaseType, theirs.BaseType))
        {
            Report(ours, $"base type {Canon(ours.BaseType)}, .NET's is {Canon(theirs.BaseType)}");
        }

        var theirInterfaces = theirs.AllInterfaces.Select(i => Canon(i)).ToHashSet();
        foreach (INamedTypeSymbol i in ours.AllInterfaces.Where(IsVisible))
        {
            if (!theirInterfaces.Contains(Canon(i)))
            {
                Report(ours, $"implements {Canon(i)}, .NET's does not");
            }
        }

        CompareTypeParameters(ours, ours.TypeParameters, theirs.TypeParameters);

        if (ours.TypeKind == TypeKind.Enum && !SameType(ours.EnumUnderlyingType, theirs.EnumUnderlyingType))
        {
            Report(ours, $"underlying type {Canon(ours.EnumUnderlyingType)}, .NET's is {Canon(theirs.EnumUnderlyingType)}");
        }

        foreach (ISymbol member in ours.GetMembers())
        {
            if (member.IsImplicitlyDeclared || !IsVisible(member) || member is INamedTypeSymbol)
            {
                continue;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
            {
                continue;
            }

            CompareMember(member, theirs);
        }

        // An implementer of ours must also satisfy .NET's: every abstract member .NET declares must be declared here.
        if (theirs.TypeKind == TypeKind.Interface || (theirs.IsAbstract && !theirs.IsSealed && theirs.TypeKind == TypeKind.Class))
        {
            foreach (ISymbol required in theirs.GetMembers().Where(m => m.IsAbstract && IsVisible(m)))
            {
                if (required is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                {
                    continue;
                }

                if (!ours.GetMembers(required.Name).Any(m => SameSignature(m, required)))
                {
                    Report(ours, $"lacks abstract member {required.ToDisplayString()} that implementers of .NET's type must provide");
                }
            }
        }
    }

    private void CompareMember(ISymbol ours, INamedTypeSymbol theirType)
    {
        ISymbol[] candidates = theirType.GetMembers(ours.Name).Where(IsVisible).ToArray();
        ISymbol? theirs = candidates.FirstOrDefault(c => SameSignature(ours, c));
        if (theirs is null)
        {
            string alternatives = candidates.Length == 0 ? "no member of that name" : string.Join(" | ", candidates.Select(c => c.ToDisplayString()));
            Report(ours, $"no matching member in .NET 10 ({alternatives})");
            return;
        }

        if (ours.DeclaredAccessibility == Accessibility.Public && theirs.DeclaredAccessibility != Accessibility.Public)
        {
            Report(ours, $"is public, .NET's is {theirs.DeclaredAccessibility}");
        }

        bool oursOverridable = (ours.IsVirtual || ours.IsAbstract || ours.IsOverride) && !ours.IsSealed && ours.ContainingType.TypeKind == TypeKind.Class;
        bool theirsOverridable = (theirs.IsVirtual || theirs.IsAbstract || theirs.IsOverride) && !theirs.IsSealed;
        if (oursOverridable && !theirsOverridable)
        {
            Report(ours, "can be overridden, .NET's cannot");
        }

        switch (ours)
        {
            case IMethodSymbol method:
                CompareMethodDetails(method, (IMethodSymbol)theirs);
                break;
            case IPropertySymbol property:
                var theirProperty = (IPropertySymbol)theirs;
                if (property.GetMethod is { } getter && IsVisible(getter) && (theirProperty.GetMethod is null || !IsVisible(theirProperty.GetMethod)))
                {
                    Report(ours, "has a getter, .NET's does not");
                }

                if (property.SetMethod is { } setter && IsVisible(setter))
                {
                    if (theirProperty.SetMethod is null || !IsVisible(theirProperty.SetMethod))
                    {
                        Report(ours, "has a setter, .NET's does not");
                    }
                    else if (setter.IsInitOnly != theirProperty.SetMethod.IsInitOnly)
                    {
                        Report(ours, "init/set differs from .NET's");
                    }
                }

                CompareParameters(ours, property.Parameters, theirProperty.Parameters);
                break;
            case IFieldSymbol field:
                var theirField = (IFieldSymbol)theirs;
                if (theirField.IsReadOnly && !field.IsReadOnly && !field.IsConst)
                {
                    Report(ours, "is writable, .NET's is read-only");
                }

                if (field.IsConst && (!theirField.IsConst || !Equals(field.ConstantValue, theirField.ConstantValue)))
                {
                    Report(ours, $"is the constant {field.ConstantValue}, .NET's is {(theirField.IsConst ? theirField.ConstantValue : "not a constant")}");
                }

                break;
        }
    }

    private void CompareMethodDetails(IMethodSymbol ours, IMethodSymbol theirs)
    {
        CompareTypeParameters(ours, ours.TypeParameters, theirs.TypeParameters);
        CompareParameters(ours, ours.Parameters, theirs.Parameters);
    }

    private void CompareParameters(ISymbol owner, IReadOnlyList<IParameterSymbol> ours, IReadOnlyList<IParameterSymbol> theirs)
    {
        for (int i = 0; i < ours.Count; i++)
        {
            if (ours[i].IsParams && !theirs[i].IsParams)
            {
                Report(owner, $"parameter {ours[i].Name} is params, .NET's is not");
            }

            if (ours[i].IsOptional)
            {
                if (!theirs[i].IsOptional)
                {
                    Report(owner, $"parameter {ours[i].Name} is optional, .NET's is not");
                }
                else if (ours[i].HasExplicitDefaultValue != theirs[i].HasExplicitDefaultValue ||
                         (ours[i].HasExplicitDefaultValue && !Equals(ours[i].ExplicitDefaultValue, theirs[i].ExplicitDefaultValue)))
                {
                    Report(owner, $"parameter {ours[i].Name} has another default value than .NET's");
                }
            }
        }
    }

    /// <summary>Ours may constrain more than .NET (callers that satisfy ours satisfy .NET's), never less.</summary>
    private void CompareTypeParameters(ISymbol owner, IReadOnlyList<ITypeParameterSymbol> ours, IReadOnlyList<ITypeParameterSymbol> theirs)
    {
        for (int i = 0; i < ours.Count && i < theirs.Count; i++)
        {
            ITypeParameterSymbol o = ours[i];
            ITypeParameterSymbol t = theirs[i];
            if (o.Variance != t.Variance)
            {
                Report(owner, $"type parameter {o.Name} has variance {o.Variance}, .NET's has {t.Variance}");
            }

            if ((t.HasReferenceTypeConstraint && !o.HasReferenceTypeConstraint) ||
                (t.HasValueTypeConstraint && !o.HasValueTypeConstraint) ||
                (t.HasUnmanagedTypeConstraint && !o.HasUnmanagedTypeConstraint) ||
                (t.HasConstructorConstraint && !o.HasConstructorConstraint && !o.HasValueTypeConstraint) ||
                (t.HasNotNullConstraint && !o.HasNotNullConstraint && !o.HasValueTypeConstraint && !o.HasReferenceTypeConstraint))
            {
                Report(owner, $"type parameter {o.Name} is less constrained than .NET's");
            }

            if (o.AllowsRefLikeType && !t.AllowsRefLikeType)
            {
                Report(owner, $"type parameter {o.Name} allows ref structs, .NET's does not");
            }

            var ourConstraints = o.ConstraintTypes.Select(c => Canon(c)).ToHashSet();
            foreach (ITypeSymbol c in t.ConstraintTypes)
            {
                if (!ourConstraints.Contains(Canon(c)))
                {
                    Report(owner, $"type parameter {o.Name} lacks .NET's constraint {Canon(c)}");
                }
            }
        }
    }

    private static bool SameSignature(ISymbol ours, ISymbol theirs)
    {
        if (ours.Kind != theirs.Kind || ours.IsStatic != theirs.IsStatic || ours.Name != theirs.Name)
        {
            return false;
        }

        switch (ours)
        {
            case IMethodSymbol m:
                var tm = (IMethodSymbol)theirs;
                return m.MethodKind == tm.MethodKind
                    && m.Arity == tm.Arity
                    && m.RefKind == tm.RefKind
                    && SameType(m.ReturnType, tm.ReturnType)
                    && SameParameters(m.Parameters, tm.Parameters);
            case IPropertySymbol p:
                var tp = (IPropertySymbol)theirs;
                return p.RefKind == tp.RefKind && SameType(p.Type, tp.Type) && SameParameters(p.Parameters, tp.Parameters);
            case IFieldSymbol f:
                return SameType(f.Type, ((IFieldSymbol)theirs).Type);
            case IEventSymbol e:
                return SameType(e.Type, ((IEventSymbol)theirs).Type);
            default:
                return false;
        }
    }

    private static bool SameParameters(IReadOnlyList<IParameterSymbol> ours, IReadOnlyList<IParameterSymbol> theirs)
    {
        if (ours.Count != theirs.Count)
        {
            return false;
        }

        for (int i = 0; i < ours.Count; i++)
        {
            if (ours[i].RefKind != theirs[i].RefKind || !SameType(ours[i].Type, theirs[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameType(ITypeSymbol? ours, ITypeSymbol? theirs) => Canon(ours) == Canon(theirs);

    /// <summary>A type written by metadata identity: type parameters by position, no nullability, no tuple names.</summary>
    internal static string Canon(ITypeSymbol? type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                builder.Append("<none>");
                break;
            case ITypeParameterSymbol tp:
                builder.Append(tp.TypeParameterKind == TypeParameterKind.Method ? "!!" : "!").Append(tp.Ordinal);
                break;
            case IArrayTypeSymbol array:
                Append(builder, array.ElementType);
                builder.Append('[').Append(',', array.Rank - 1).Append(']');
                break;
            case IPointerTypeSymbol pointer:
                Append(builder, pointer.PointedAtType);
                builder.Append('*');
                break;
            case INamedTypeSymbol named:
                if (named.ContainingType is { } containing)
                {
                    builder.Append(containing.OriginalDefinition.ToDisplayString()).Append('+');
                }
                else if (!named.ContainingNamespace.IsGlobalNamespace)
                {
                    builder.Append(named.ContainingNamespace.ToDisplayString()).Append('.');
                }

                builder.Append(named.MetadataName);
                var arguments = new List<ITypeSymbol>();
                for (INamedTypeSymbol? n = named; n is not null; n = n.ContainingType)
                {
                    arguments.InsertRange(0, n.TypeArguments);
                }

                if (arguments.Count > 0)
                {
                    builder.Append('<');
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Append(builder, arguments[i]);
                    }

                    builder.Append('>');
                }

                break;
            default:
                builder.Append(type.ToDisplayString());
                break;
        }
    }
}
