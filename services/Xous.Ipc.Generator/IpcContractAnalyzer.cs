using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Xous.Ipc.Generator;

/// <summary>
/// Reports the contract rules (XIPC0001–XIPC0020) on every [IpcContract] interface. It runs the same reader as the
/// generator, so whatever it reports is exactly why the generator produced no code for a contract.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IpcContractAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        IpcDiagnostics.MissingOpcode,
        IpcDiagnostics.DuplicateOpcode,
        IpcDiagnostics.RetiredOpcode,
        IpcDiagnostics.UnsupportedParameterType,
        IpcDiagnostics.UnsupportedReturnType,
        IpcDiagnostics.TooManyScalarUnits,
        IpcDiagnostics.MultipleMemoryParameters,
        IpcDiagnostics.MissingMaxLength,
        IpcDiagnostics.PayloadTooLarge,
        IpcDiagnostics.StructNotFixedLayout,
        IpcDiagnostics.InvalidDeferred,
        IpcDiagnostics.InvalidMaxMessageBytes,
        IpcDiagnostics.GenericContract,
        IpcDiagnostics.UnsupportedMember,
        IpcDiagnostics.OutParameter,
        IpcDiagnostics.OverloadedMethod,
        IpcDiagnostics.InvalidMaxLength,
        IpcDiagnostics.ReservedName,
        IpcDiagnostics.ContractShape,
        IpcDiagnostics.GeneratedNameTaken);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? contractAttribute = start.Compilation.GetTypeByMetadataName(ContractReader.ContractAttributeName);
            if (contractAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, contractAttribute), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol contractAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Interface)
        {
            return;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, contractAttribute))
            {
                ContractReader.Read(type, attribute, context.ReportDiagnostic, context.CancellationToken);
                return;
            }
        }
    }
}
