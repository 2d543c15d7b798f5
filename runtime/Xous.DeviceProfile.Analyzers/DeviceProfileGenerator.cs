using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Xous.DeviceProfile.Analyzers;

/// <summary>
/// Reports the syntactic device-profile rules (XDP0001–XDP0006). It is a source generator that generates nothing:
/// the compiler reports generator diagnostics even when the compilation has declaration errors (a device build of
/// <c>using System.Linq;</c> fails on the unresolved namespace before any analyzer runs), so the construct is named
/// in every case.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DeviceProfileGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ImmutableArray<Finding>> findings = context.SyntaxProvider.CreateSyntaxProvider(
            static (node, _) => DeviceProfileSyntax.IsCandidate(node),
            static (syntax, _) =>
            {
                ImmutableArray<Finding>.Builder builder = ImmutableArray.CreateBuilder<Finding>();
                foreach (SyntaxViolation violation in DeviceProfileSyntax.Check(syntax.Node))
                {
                    builder.Add(new Finding(violation.Rule.Id, violation.Location.SourceTree?.FilePath ?? string.Empty, violation.Location.SourceSpan, violation.Location.GetLineSpan().Span, violation.Construct));
                }

                return builder.ToImmutable();
            })
            .Where(static found => !found.IsEmpty);

        context.RegisterSourceOutput(findings, static (output, found) =>
        {
            foreach (Finding finding in found)
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    DeviceProfileDiagnostics.ById(finding.RuleId),
                    Location.Create(finding.Path, finding.Span, finding.Lines),
                    finding.Construct));
            }
        });
    }

    /// <summary>A value-equal record of a violation, so unchanged files are not re-reported from scratch.</summary>
    private readonly struct Finding : IEquatable<Finding>
    {
        public Finding(string ruleId, string path, TextSpan span, LinePositionSpan lines, string construct)
        {
            RuleId = ruleId;
            Path = path;
            Span = span;
            Lines = lines;
            Construct = construct;
        }

        public string RuleId { get; }

        public string Path { get; }

        public TextSpan Span { get; }

        public LinePositionSpan Lines { get; }

        public string Construct { get; }

        public bool Equals(Finding other) =>
            RuleId == other.RuleId && Path == other.Path && Span == other.Span && Lines == other.Lines && Construct == other.Construct;

        public override bool Equals(object? obj) => obj is Finding other && Equals(other);

        public override int GetHashCode() => (RuleId.GetHashCode() * 31) ^ Span.GetHashCode() ^ Path.GetHashCode();
    }
}
