using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Xous.Ipc.Generator;

/// <summary>Attribute values and the most specific source locations for diagnostics.</summary>
internal static class SymbolFacts
{
    public static string MemberDescription(ISymbol member) => member switch
    {
        IPropertySymbol => "property",
        IEventSymbol => "event",
        IFieldSymbol => "static field",
        INamedTypeSymbol => "nested type",
        IMethodSymbol method => method.MethodKind switch
        {
            Microsoft.CodeAnalysis.MethodKind.StaticConstructor => "static constructor",
            Microsoft.CodeAnalysis.MethodKind.UserDefinedOperator or Microsoft.CodeAnalysis.MethodKind.Conversion => "operator",
            _ => "special method",
        },
        _ => "member of an unsupported kind",
    };

    public static bool IsAttribute(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    public static AttributeData? FindAttribute(ImmutableArray<AttributeData> attributes, string metadataName)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (IsAttribute(attribute, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool NamedFlag(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }

    public static SyntaxNode? FirstSyntax(ISymbol symbol, CancellationToken cancellation) =>
        symbol.DeclaringSyntaxReferences.Length > 0 ? symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellation) : null;

    public static Location? FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;

    public static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellation) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellation).GetLocation();

    public static Location? ConstructorArgumentLocation(AttributeData attribute, int index, CancellationToken cancellation)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is AttributeSyntax { ArgumentList: { } list } syntax)
        {
            int position = 0;
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals is null && argument.NameColon is null)
                {
                    if (position == index)
                    {
                        return argument.GetLocation();
                    }

                    position++;
                }
            }

            return syntax.GetLocation();
        }

        return null;
    }

    public static Location? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellation)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) is AttributeSyntax syntax)
        {
            if (syntax.ArgumentList is not null)
            {
                foreach (AttributeArgumentSyntax argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return argument.GetLocation();
                    }
                }
            }

            return syntax.GetLocation();
        }

        return null;
    }
}
