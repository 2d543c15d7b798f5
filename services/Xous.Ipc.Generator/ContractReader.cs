using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Xous.Ipc.Generator;

/// <summary>
/// Reads an [IpcContract] interface into a <see cref="ContractModel"/>, checking every rule of docs/ipc.md. The
/// analyzer passes a reporter and the generator does not; both get null when any rule is broken, so the generator
/// never emits code for an invalid contract.
/// </summary>
internal sealed partial class ContractReader
{
    public const string ContractAttributeName = "Xous.Ipc.IpcContractAttribute";
    private const string OpcodeAttributeName = "Xous.Ipc.OpcodeAttribute";
    private const string RetiredAttributeName = "Xous.Ipc.RetiredOpcodeAttribute";
    private const string MaxLengthAttributeName = "Xous.Ipc.MaxLengthAttribute";
    private const int HeaderSize = 24;
    private const int MaxUnits = 4;
    private const int PageSize = 4096;
    private const int LargestMaxMessageBytes = 1024 * 1024;

    private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly INamedTypeSymbol _contract;
    private readonly Action<Diagnostic>? _report;
    private readonly CancellationToken _cancellation;
    private readonly WireTypeClassifier _classifier = new();
    private readonly Dictionary<uint, RetiredOpcode> _retired = new();
    private readonly Dictionary<uint, string> _methodByOpcode = new();
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);
    private int _maxMessageBytes = PageSize;
    private bool _failed;

    private ContractReader(INamedTypeSymbol contract, Action<Diagnostic>? report, CancellationToken cancellation)
    {
        _contract = contract;
        _report = report;
        _cancellation = cancellation;
    }

    /// <summary>The model of <paramref name="contract"/>, or null when it breaks a rule (reported to <paramref name="report"/>).</summary>
    public static ContractModel? Read(INamedTypeSymbol contract, AttributeData contractAttribute, Action<Diagnostic>? report, CancellationToken cancellation)
    {
        var reader = new ContractReader(contract, report, cancellation);
        return reader.Read(contractAttribute);
    }

    private string BaseName => StemOf(_contract.Name);

    private ContractModel? Read(AttributeData contractAttribute)
    {
        ReadContractShape();
        ReadGeneratedNames();
        ReadMaxMessageBytes(contractAttribute);
        ReadRetired();

        ImmutableArray<MethodModel>.Builder methods = ImmutableArray.CreateBuilder<MethodModel>();
        foreach (ISymbol member in _contract.GetMembers())
        {
            _cancellation.ThrowIfCancellationRequested();
            switch (member)
            {
                case IFieldSymbol { IsConst: true }:
                    break;
                case IMethodSymbol { MethodKind: Microsoft.CodeAnalysis.MethodKind.Ordinary } method:
                    MethodModel? model = ReadMethod(method, methods.Count);
                    if (model is not null)
                    {
                        methods.Add(model);
                    }

                    break;
                case IMethodSymbol { MethodKind: Microsoft.CodeAnalysis.MethodKind.PropertyGet or Microsoft.CodeAnalysis.MethodKind.PropertySet or Microsoft.CodeAnalysis.MethodKind.EventAdd or Microsoft.CodeAnalysis.MethodKind.EventRemove or Microsoft.CodeAnalysis.MethodKind.EventRaise }:
                    break;
                default:
                    Report(IpcDiagnostics.UnsupportedMember, SymbolFacts.FirstLocation(member), member.Name, SymbolFacts.MemberDescription(member));
                    break;
            }
        }

        if (_failed)
        {
            return null;
        }

        ImmutableArray<RetiredOpcode>.Builder retired = ImmutableArray.CreateBuilder<RetiredOpcode>();
        foreach (RetiredOpcode opcode in _retired.Values)
        {
            retired.Add(opcode);
        }

        retired.Sort((left, right) => left.Id.CompareTo(right.Id));
        return new ContractModel(
            _contract.ContainingNamespace.IsGlobalNamespace ? null : _contract.ContainingNamespace.ToDisplayString(),
            _contract.Name,
            _contract.ToDisplayString(s_fullName),
            BaseName,
            _contract.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            _maxMessageBytes,
            methods.ToImmutable(),
            retired.ToImmutable());
    }

    /// <summary>
    /// The four generated type names must be free in the namespace: no user type may have one (the generated code
    /// would not compile) and no other contract may share the stem (the generated files would collide).
    /// </summary>
    private void ReadGeneratedNames()
    {
        string stem = BaseName;
        INamespaceSymbol space = _contract.ContainingNamespace;
        foreach (string name in new[] { stem + "Opcodes", "I" + stem + "Handler", stem + "Client", stem + "Dispatcher" })
        {
            foreach (INamedTypeSymbol existing in space.GetTypeMembers(name))
            {
                if (!IsGeneratedHere(existing, name))
                {
                    Report(IpcDiagnostics.GeneratedNameTaken, SymbolFacts.FirstLocation(_contract), _contract.Name, name, "'" + existing.ToDisplayString() + "' is declared by hand");
                }
            }
        }

        foreach (INamedTypeSymbol other in space.GetTypeMembers())
        {
            if (other.TypeKind == TypeKind.Interface && !SymbolEqualityComparer.Default.Equals(other, _contract) &&
                StemOf(other.Name) == stem && HasContractAttribute(other))
            {
                Report(IpcDiagnostics.GeneratedNameTaken, SymbolFacts.FirstLocation(_contract), _contract.Name, stem + "Client", "contract '" + other.Name + "' generates the same names");
            }
        }
    }

    /// <summary>True when every declaration of <paramref name="type"/> is this generator's own output file.</summary>
    private static bool IsGeneratedHere(INamedTypeSymbol type, string name)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            string path = reference.SyntaxTree.FilePath;
            if (path.IndexOf(nameof(IpcContractGenerator), StringComparison.Ordinal) < 0 ||
                !path.EndsWith(name + ".g.cs", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string StemOf(string name) =>
        name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name;

    private static bool HasContractAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ContractAttributeName)
            {
                return true;
            }
        }

        return false;
    }

    private void ReadContractShape()
    {
        InterfaceDeclarationSyntax? declaration = null;
        foreach (SyntaxReference reference in _contract.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellation) is InterfaceDeclarationSyntax candidate &&
                (declaration is null || candidate.BaseList is not null || candidate.TypeParameterList is not null))
            {
                declaration = candidate;
            }
        }

        if (_contract.ContainingType is not null)
        {
            Report(IpcDiagnostics.ContractShape, SymbolFacts.FirstLocation(_contract), _contract.Name, "is nested in '" + _contract.ContainingType.ToDisplayString() + "'");
        }

        if (_contract.Interfaces.Length > 0)
        {
            Report(
                IpcDiagnostics.ContractShape,
                declaration?.BaseList?.GetLocation() ?? SymbolFacts.FirstLocation(_contract),
                _contract.Name,
                "extends '" + _contract.Interfaces[0].ToDisplayString() + "'");
        }

        if (_contract.TypeParameters.Length > 0)
        {
            Report(IpcDiagnostics.GenericContract, declaration?.TypeParameterList?.GetLocation() ?? SymbolFacts.FirstLocation(_contract), _contract.Name);
        }
    }

    private void ReadMaxMessageBytes(AttributeData contractAttribute)
    {
        foreach (KeyValuePair<string, TypedConstant> named in contractAttribute.NamedArguments)
        {
            if (named.Key != "MaxMessageBytes" || named.Value.Value is not int value)
            {
                continue;
            }

            if (value <= 0 || value % PageSize != 0 || value > LargestMaxMessageBytes)
            {
                Report(IpcDiagnostics.InvalidMaxMessageBytes, SymbolFacts.NamedArgumentLocation(contractAttribute, named.Key, _cancellation), _contract.Name, value);
                _maxMessageBytes = -1;
            }
            else
            {
                _maxMessageBytes = value;
            }
        }
    }

    private void ReadRetired()
    {
        foreach (AttributeData attribute in _contract.GetAttributes())
        {
            if (SymbolFacts.IsAttribute(attribute, RetiredAttributeName) && attribute.ConstructorArguments.Length == 2 &&
                attribute.ConstructorArguments[0].Value is uint id)
            {
                _retired[id] = new RetiredOpcode(id, attribute.ConstructorArguments[1].Value as string ?? string.Empty);
            }
        }
    }

    private MethodModel? ReadMethod(IMethodSymbol method, int index)
    {
        MethodDeclarationSyntax? syntax = SymbolFacts.FirstSyntax(method, _cancellation) as MethodDeclarationSyntax;
        if (method.IsStatic || !method.IsAbstract)
        {
            Report(IpcDiagnostics.UnsupportedMember, SymbolFacts.FirstLocation(method), method.Name, method.IsStatic ? "static method" : "method with a body (a default implementation)");
            return null;
        }

        AttributeData? opcodeAttribute = SymbolFacts.FindAttribute(method.GetAttributes(), OpcodeAttributeName);
        if (opcodeAttribute is null)
        {
            Report(IpcDiagnostics.MissingOpcode, SymbolFacts.FirstLocation(method), method.Name, _contract.Name);
            return null;
        }

        if (opcodeAttribute.ConstructorArguments.Length != 1 || opcodeAttribute.ConstructorArguments[0].Value is not uint opcode)
        {
            _failed = true; // The compiler reports the malformed attribute.
            return null;
        }

        bool failedBefore = _failed;
        _failed = false;
        CheckMethodIdentity(method, syntax, opcodeAttribute, opcode);

        bool blocking = SymbolFacts.NamedFlag(opcodeAttribute, "Blocking");
        bool deferred = SymbolFacts.NamedFlag(opcodeAttribute, "Deferred");
        bool includeSender = SymbolFacts.NamedFlag(opcodeAttribute, "IncludeSender");

        ImmutableArray<ParameterModel> parameters = ReadParameters(method);
        ParameterModel? memory = null;
        foreach (ParameterModel parameter in parameters)
        {
            if (parameter.Shape != ParameterShape.Scalar)
            {
                memory = parameter;
            }
        }

        WireType? returnType = ReadReturnType(method, syntax, memory is not null, out bool returnOk);
        bool returnsValue = !method.ReturnsVoid;
        MethodKind kind = memory is null
            ? (returnsValue || blocking ? MethodKind.BlockingScalar : MethodKind.Scalar)
            : memory.IsMutable ? MethodKind.MutableBorrow
            : returnsValue || blocking ? MethodKind.Borrow : MethodKind.Move;

        if (deferred && memory is not null)
        {
            Report(IpcDiagnostics.InvalidDeferred, SymbolFacts.NamedArgumentLocation(opcodeAttribute, "Deferred", _cancellation), method.Name, "it has the memory parameter '" + memory.Name + "'");
        }
        else if (deferred && kind == MethodKind.Scalar)
        {
            Report(IpcDiagnostics.InvalidDeferred, SymbolFacts.NamedArgumentLocation(opcodeAttribute, "Deferred", _cancellation), method.Name, "it is fire-and-forget (it returns void without Blocking = true)");
        }

        bool methodFailed = _failed || !returnOk || parameters.IsDefault;
        _failed = failedBefore || methodFailed;
        if (methodFailed)
        {
            return null;
        }

        return new MethodModel(
            index,
            method.Name,
            opcode,
            kind,
            deferred,
            includeSender,
            parameters,
            returnType,
            UniqueName("sender", method),
            UniqueName("reply", method));
    }

    private void CheckMethodIdentity(IMethodSymbol method, MethodDeclarationSyntax? syntax, AttributeData opcodeAttribute, uint opcode)
    {
        if (method.TypeParameters.Length > 0)
        {
            Report(IpcDiagnostics.GenericContract, syntax?.TypeParameterList?.GetLocation() ?? SymbolFacts.FirstLocation(method), method.Name);
        }

        if (!_methodNames.Add(method.Name))
        {
            Report(IpcDiagnostics.OverloadedMethod, SymbolFacts.FirstLocation(method), method.Name);
        }

        string? reserved = ReservedMethodName(method.Name);
        if (reserved is not null)
        {
            Report(IpcDiagnostics.ReservedName, SymbolFacts.FirstLocation(method), method.Name, reserved);
        }

        Location? opcodeLocation = SymbolFacts.ConstructorArgumentLocation(opcodeAttribute, 0, _cancellation);
        if (_methodByOpcode.TryGetValue(opcode, out string? other))
        {
            Report(IpcDiagnostics.DuplicateOpcode, opcodeLocation, opcode, method.Name, other);
        }
        else
        {
            _methodByOpcode[opcode] = method.Name;
        }

        if (_retired.TryGetValue(opcode, out RetiredOpcode? retired))
        {
            Report(IpcDiagnostics.RetiredOpcode, opcodeLocation, opcode, method.Name, retired.Reason);
        }
    }

    private string? ReservedMethodName(string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return "names starting with '__' are kept for generated locals and members";
        }

        string stem = BaseName;
        if (name == stem + "Opcodes" || name == stem + "Client" || name == "I" + stem + "Handler" || name == stem + "Dispatcher")
        {
            return "it is the name of a generated type";
        }

        return null;
    }

    private static string UniqueName(string preferred, IMethodSymbol method)
    {
        string candidate = preferred;
        bool clash = true;
        while (clash)
        {
            clash = false;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.Name == candidate)
                {
                    clash = true;
                    candidate = "ipc" + char.ToUpperInvariant(candidate[0]) + candidate.Substring(1);
                    break;
                }
            }
        }

        return candidate;
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        ReportWithAdditional(descriptor, location, null, arguments);

    private void ReportWithAdditional(DiagnosticDescriptor descriptor, Location? location, Location? additional, params object[] arguments)
    {
        _failed = true;
        if (_report is not null)
        {
            Location[]? additionalLocations = additional is not null && additional.IsInSource ? new[] { additional } : null;
            _report(Diagnostic.Create(descriptor, location ?? SymbolFacts.FirstLocation(_contract), additionalLocations, arguments));
        }
    }
}
