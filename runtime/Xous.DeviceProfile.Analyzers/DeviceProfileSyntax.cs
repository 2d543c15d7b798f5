using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Xous.DeviceProfile.Analyzers;

/// <summary>One violation found in syntax: the rule, where, and the construct's name for the message.</summary>
internal readonly struct SyntaxViolation
{
    public SyntaxViolation(DiagnosticDescriptor rule, Location location, string construct)
    {
        Rule = rule;
        Location = location;
        Construct = construct;
    }

    public DiagnosticDescriptor Rule { get; }

    public Location Location { get; }

    public string Construct { get; }
}

/// <summary>
/// The syntactic device-profile rules (XDP0001–XDP0006). Pure functions of one syntax node, so they give the same
/// answer in the host flavour (where the construct would compile) and in the device flavour (where it does not bind).
/// </summary>
internal static class DeviceProfileSyntax
{
    /// <summary>True for the node kinds <see cref="Check"/> looks at.</summary>
    public static bool IsCandidate(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.UsingDirective or SyntaxKind.QualifiedName or SyntaxKind.SimpleMemberAccessExpression or
        SyntaxKind.QueryExpression or SyntaxKind.AwaitExpression or SyntaxKind.MethodDeclaration or
        SyntaxKind.LocalFunctionStatement or SyntaxKind.ParenthesizedLambdaExpression or
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.AnonymousMethodExpression or SyntaxKind.ForEachStatement or
        SyntaxKind.ForEachVariableStatement or SyntaxKind.UsingStatement or SyntaxKind.LocalDeclarationStatement or
        SyntaxKind.TypeOfExpression or SyntaxKind.InvocationExpression or SyntaxKind.IdentifierName or
        SyntaxKind.LockStatement or SyntaxKind.DestructorDeclaration => true,
        _ => false,
    };

    /// <summary>The violations of one node (usually none).</summary>
    public static IEnumerable<SyntaxViolation> Check(SyntaxNode node)
    {
        switch (node)
        {
            case UsingDirectiveSyntax directive when directive.Name is not null:
                return Namespace(directive.Name.ToString(), directive.Name.GetLocation(), "using ");
            case QualifiedNameSyntax or MemberAccessExpressionSyntax:
                // Only the outermost name of a chain is checked; usings are handled above.
                if (node.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax ||
                    node.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
                {
                    return [];
                }

                return Namespace(node.ToString(), node.GetLocation(), string.Empty);
            case QueryExpressionSyntax:
                return One(DeviceProfileDiagnostics.Linq, node.GetLocation(), "query expression");
            case AwaitExpressionSyntax:
                return One(DeviceProfileDiagnostics.Async, node.GetLocation(), "await");
            case MethodDeclarationSyntax method:
                return AsyncModifier(method.Modifiers);
            case LocalFunctionStatementSyntax local:
                return AsyncModifier(local.Modifiers);
            case AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                return One(DeviceProfileDiagnostics.Async, lambda.AsyncKeyword.GetLocation(), "async lambda");
            case CommonForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                return One(DeviceProfileDiagnostics.Async, forEach.AwaitKeyword.GetLocation(), "await foreach");
            case UsingStatementSyntax usingStatement when usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                return One(DeviceProfileDiagnostics.Async, usingStatement.AwaitKeyword.GetLocation(), "await using");
            case LocalDeclarationStatementSyntax declaration when declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                return One(DeviceProfileDiagnostics.Async, declaration.AwaitKeyword.GetLocation(), "await using");
            case TypeOfExpressionSyntax:
                return One(DeviceProfileDiagnostics.Reflection, node.GetLocation(), "typeof");
            case InvocationExpressionSyntax invocation when IsGetType(invocation):
                return One(DeviceProfileDiagnostics.Reflection, invocation.GetLocation(), "GetType()");
            case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == "dynamic" && IsInTypePosition(identifier):
                return One(DeviceProfileDiagnostics.Dynamic, identifier.GetLocation(), "dynamic");
            case LockStatementSyntax lockStatement:
                return One(DeviceProfileDiagnostics.Threading, lockStatement.LockKeyword.GetLocation(), "The lock statement (System.Threading.Monitor)");
            case DestructorDeclarationSyntax destructor:
                return One(DeviceProfileDiagnostics.Finalizer, destructor.Identifier.GetLocation(), destructor.Identifier.ValueText);
            default:
                return [];
        }
    }

    private static IEnumerable<SyntaxViolation> Namespace(string name, Location location, string prefix)
    {
        name = name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
        DiagnosticDescriptor? rule =
            IsUnder(name, "System.Linq") ? DeviceProfileDiagnostics.Linq :
            IsUnder(name, "System.Reflection") ? DeviceProfileDiagnostics.Reflection :
            IsUnder(name, "System.Threading.Tasks") ? DeviceProfileDiagnostics.Async :
            IsUnder(name, "System.Threading.Thread") || IsUnder(name, "System.Threading.Monitor") ||
            IsUnder(name, "System.Threading.Lock") || IsUnder(name, "System.Threading.ThreadPool") ||
            IsUnder(name, "System.Threading.Mutex") || IsUnder(name, "System.Threading.SemaphoreSlim")
                ? DeviceProfileDiagnostics.Threading
                : null;
        return rule is null ? [] : One(rule, location, prefix + name);
    }

    private static IEnumerable<SyntaxViolation> AsyncModifier(SyntaxTokenList modifiers)
    {
        foreach (SyntaxToken token in modifiers)
        {
            if (token.IsKind(SyntaxKind.AsyncKeyword))
            {
                return One(DeviceProfileDiagnostics.Async, token.GetLocation(), "async method");
            }
        }

        return [];
    }

    private static bool IsGetType(InvocationExpressionSyntax invocation)
    {
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name == "GetType" && invocation.ArgumentList.Arguments.Count == 0;
    }

    private static bool IsInTypePosition(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        VariableDeclarationSyntax declaration => declaration.Type == identifier,
        ParameterSyntax parameter => parameter.Type == identifier,
        MethodDeclarationSyntax method => method.ReturnType == identifier,
        PropertyDeclarationSyntax property => property.Type == identifier,
        TypeArgumentListSyntax => true,
        CastExpressionSyntax cast => cast.Type == identifier,
        ArrayTypeSyntax => true,
        NullableTypeSyntax => true,
        _ => false,
    };

    private static bool IsUnder(string name, string root) =>
        name == root || name.StartsWith(root + ".", System.StringComparison.Ordinal);

    private static IEnumerable<SyntaxViolation> One(DiagnosticDescriptor rule, Location location, string construct) =>
        [new SyntaxViolation(rule, location, construct)];
}
