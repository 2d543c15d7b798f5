using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Xous.DeviceProfile.Analyzers;

/// <summary>
/// XDP0007: formatting a float or double. Xous.CoreLib cannot drop <c>ToString</c> from Single and Double (it
/// overrides Object's), and it does not approximate .NET's round-trip formatting, so the call would throw
/// NotSupportedException at run time; this rule makes it a build error instead. Needs binding, so it is an analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloatingPointFormattingAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DeviceProfileDiagnostics.FloatingPointFormatting);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.Interpolation);
        context.RegisterOperationAction(AnalyzeConcatenation, OperationKind.Binary);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name is "ToString" or "TryFormat" && IsFloatingPoint(invocation.TargetMethod.ContainingType))
        {
            Report(context, invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name);
            return;
        }

        // $"..." lowered through an interpolated-string handler calls AppendFormatted(value).
        if (invocation.TargetMethod.Name == "AppendFormatted" && invocation.Arguments.Length > 0 &&
            IsFloatingPoint(Unconverted(invocation.Arguments[0].Value).Type))
        {
            Report(context, "a " + Unconverted(invocation.Arguments[0].Value).Type!.Name + " in an interpolated string");
        }
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var hole = (IInterpolationOperation)context.Operation;
        if (IsFloatingPoint(Unconverted(hole.Expression).Type))
        {
            Report(context, "a " + Unconverted(hole.Expression).Type!.Name + " in an interpolated string");
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        foreach (IOperation operand in new[] { binary.LeftOperand, binary.RightOperand })
        {
            if (IsFloatingPoint(Unconverted(operand).Type))
            {
                Report(context, "a " + Unconverted(operand).Type!.Name + " in a string concatenation");
            }
        }
    }

    private static IOperation Unconverted(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;

    private static bool IsFloatingPoint(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    private static void Report(OperationAnalysisContext context, string construct) =>
        context.ReportDiagnostic(Diagnostic.Create(DeviceProfileDiagnostics.FloatingPointFormatting, context.Operation.Syntax.GetLocation(), construct));
}
