using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Xous.Ipc.Generator;

/// <summary>
/// For each [IpcContract] interface emits <c>XxxOpcodes</c>, <c>XxxClient</c>, <c>IXxxHandler</c> and
/// <c>XxxDispatcher</c> into the contract's namespace (docs/ipc.md). A contract that breaks a rule gets no code; the
/// <see cref="IpcContractAnalyzer"/> reports why. The pipeline's value is the generated text, compared by value, so
/// an edit that does not change a contract's output re-uses the cached files.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IpcContractGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the step that reads and renders contracts (for incrementality tests).</summary>
    public const string ContractsStep = "IpcContracts";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<GeneratedContract> contracts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ContractReader.ContractAttributeName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (attributeContext, cancellation) => Render(attributeContext, cancellation))
            .WithTrackingName(ContractsStep);

        context.RegisterSourceOutput(contracts, static (output, contract) =>
        {
            foreach (GeneratedFile file in contract.Files)
            {
                output.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        });
    }

    private static GeneratedContract Render(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        if (context.TargetSymbol is not INamedTypeSymbol contract || context.Attributes.Length == 0)
        {
            return new GeneratedContract(ImmutableArray<GeneratedFile>.Empty);
        }

        ContractModel? model = ContractReader.Read(contract, context.Attributes[0], report: null, cancellation);
        return new GeneratedContract(model is null ? ImmutableArray<GeneratedFile>.Empty : Emitter.Emit(model));
    }
}
