using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Xous.Ipc.Generator;

/// <summary>Parameters and return types: which shape each takes and whether it fits the wire.</summary>
internal sealed partial class ContractReader
{
    private ImmutableArray<ParameterModel> ReadParameters(IMethodSymbol method)
    {
        ImmutableArray<ParameterModel>.Builder parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        int units = 0;
        bool unitsReported = false;
        ParameterModel? memory = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            _cancellation.ThrowIfCancellationRequested();
            ParameterModel? model = ReadParameter(method, parameter, units);
            if (model is null)
            {
                continue;
            }

            Location? location = SymbolFacts.FirstSyntax(parameter, _cancellation)?.GetLocation() ?? SymbolFacts.FirstLocation(parameter);
            if (model.Shape == ParameterShape.Scalar)
            {
                units += model.Type.Units;
                if (units > MaxUnits && !unitsReported)
                {
                    unitsReported = true;
                    Report(IpcDiagnostics.TooManyScalarUnits, location, method.Name, units, parameter.Name);
                }
            }
            else if (memory is not null)
            {
                Report(IpcDiagnostics.MultipleMemoryParameters, location, parameter.Name, method.Name, memory.Name);
            }
            else
            {
                memory = model;
                CheckPayloadSize(method, parameter, model);
            }

            parameters.Add(model);
        }

        return parameters.ToImmutable();
    }

    private ParameterModel? ReadParameter(IMethodSymbol method, IParameterSymbol parameter, int firstUnit)
    {
        var syntax = SymbolFacts.FirstSyntax(parameter, _cancellation) as ParameterSyntax;
        Location? typeLocation = syntax?.Type?.GetLocation() ?? SymbolFacts.FirstLocation(parameter);
        AttributeData? maxLength = SymbolFacts.FindAttribute(parameter.GetAttributes(), MaxLengthAttributeName);
        if (parameter.RefKind == RefKind.Out)
        {
            Location? outKeyword = null;
            if (syntax is not null)
            {
                foreach (SyntaxToken modifier in syntax.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.OutKeyword))
                    {
                        outKeyword = modifier.GetLocation();
                    }
                }
            }

            Report(IpcDiagnostics.OutParameter, outKeyword ?? SymbolFacts.FirstLocation(parameter), parameter.Name, method.Name);
            return null;
        }

        if (parameter.Name.StartsWith("__", System.StringComparison.Ordinal))
        {
            Report(IpcDiagnostics.ReservedName, SymbolFacts.FirstLocation(parameter), parameter.Name, "names starting with '__' are kept for generated locals");
            return null;
        }

        string modifiers = (parameter.ScopedKind != ScopedKind.None ? "scoped " : string.Empty) + parameter.RefKind switch
        {
            RefKind.In => "in ",
            RefKind.Ref => "ref ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };
        string declaredType = parameter.Type.ToDisplayString(s_fullName);

        if (parameter.RefKind == RefKind.None && SpanShape(parameter.Type) is ParameterShape spanShape)
        {
            ITypeSymbol element = ((INamedTypeSymbol)parameter.Type).TypeArguments[0];
            WireType? elementType = ClassifyOrReport(element, typeLocation, method, parameter, isReturn: false);
            int elements = ReadMaxLength(method, parameter, maxLength, isSpan: true, syntax);
            return elementType is null || elements < 1
                ? null
                : new ParameterModel(parameter.Name, spanShape, elementType, declaredType, modifiers, 0, elements);
        }

        ReadMaxLength(method, parameter, maxLength, isSpan: false, syntax);
        WireType? type = ClassifyOrReport(parameter.Type, typeLocation, method, parameter, isReturn: false);
        if (type is null)
        {
            return null;
        }

        if (parameter.RefKind != RefKind.None)
        {
            if (type.Kind != WireKind.Struct)
            {
                Report(
                    IpcDiagnostics.UnsupportedParameterType,
                    typeLocation,
                    parameter.Name,
                    method.Name,
                    parameter.Type.ToDisplayString(),
                    "'in', 'ref readonly' and 'ref' parameters carry one fixed-layout struct; pass primitives and enums by value");
                return null;
            }

            ParameterShape shape = parameter.RefKind == RefKind.Ref ? ParameterShape.Reference : ParameterShape.ReadOnlyReference;
            return new ParameterModel(parameter.Name, shape, type, declaredType, modifiers, 0, 1);
        }

        if (type.Units > MaxUnits)
        {
            Report(
                IpcDiagnostics.UnsupportedParameterType,
                typeLocation,
                parameter.Name,
                method.Name,
                parameter.Type.ToDisplayString(),
                "a struct passed by value travels in scalar units and is at most 16 bytes (it is " + type.Size + "); pass it as 'in' (Borrow or Move) instead");
            return null;
        }

        return new ParameterModel(parameter.Name, ParameterShape.Scalar, type, declaredType, modifiers, firstUnit, 0);
    }

    private int ReadMaxLength(IMethodSymbol method, IParameterSymbol parameter, AttributeData? maxLength, bool isSpan, ParameterSyntax? syntax)
    {
        if (!isSpan)
        {
            if (maxLength is not null)
            {
                Report(IpcDiagnostics.InvalidMaxLength, SymbolFacts.AttributeLocation(maxLength, _cancellation), parameter.Name, method.Name, "applies only to Span<T> and ReadOnlySpan<T> parameters");
            }

            return 0;
        }

        if (maxLength is null)
        {
            Report(IpcDiagnostics.MissingMaxLength, syntax?.GetLocation() ?? SymbolFacts.FirstLocation(parameter), parameter.Name, method.Name);
            return 0;
        }

        if (maxLength.ConstructorArguments.Length != 1 || maxLength.ConstructorArguments[0].Value is not int elements)
        {
            _failed = true; // The compiler reports the malformed attribute.
            return 0;
        }

        if (elements < 1)
        {
            Report(IpcDiagnostics.InvalidMaxLength, SymbolFacts.ConstructorArgumentLocation(maxLength, 0, _cancellation), parameter.Name, method.Name, "must be at least 1 (it is " + elements + ")");
            return 0;
        }

        return elements;
    }

    private void CheckPayloadSize(IMethodSymbol method, IParameterSymbol parameter, ParameterModel model)
    {
        if (_maxMessageBytes <= 0)
        {
            return;
        }

        long payload = (long)model.Type.Size * model.MaxLength;
        long total = HeaderSize + payload;
        if (total > _maxMessageBytes)
        {
            AttributeData? maxLength = SymbolFacts.FindAttribute(parameter.GetAttributes(), MaxLengthAttributeName);
            Location? location = maxLength is not null
                ? SymbolFacts.AttributeLocation(maxLength, _cancellation)
                : (SymbolFacts.FirstSyntax(parameter, _cancellation) as ParameterSyntax)?.Type?.GetLocation();
            Report(IpcDiagnostics.PayloadTooLarge, location ?? SymbolFacts.FirstLocation(parameter), parameter.Name, method.Name, total, payload, _maxMessageBytes);
        }
    }

    private WireType? ReadReturnType(IMethodSymbol method, MethodDeclarationSyntax? syntax, bool hasMemory, out bool ok)
    {
        ok = true;
        if (method.ReturnsVoid)
        {
            return null;
        }

        Location? location = syntax?.ReturnType.GetLocation() ?? SymbolFacts.FirstLocation(method);
        string typeName = method.ReturnType.ToDisplayString();
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(IpcDiagnostics.UnsupportedReturnType, location, method.Name, typeName, "a ref return cannot cross address spaces; return the value");
            ok = false;
            return null;
        }

        WireType? type = ClassifyOrReport(method.ReturnType, location, method, null, isReturn: true);
        if (type is null)
        {
            ok = false;
            return null;
        }

        if (type.Units > MaxUnits)
        {
            Report(
                IpcDiagnostics.UnsupportedReturnType,
                location,
                method.Name,
                typeName,
                "a scalar reply carries at most 16 bytes (4 units) after the status word and this is " + type.Size + "; return a smaller struct or fill a 'ref' struct parameter");
            ok = false;
            return null;
        }

        if (hasMemory && type.Units > 1)
        {
            Report(
                IpcDiagnostics.UnsupportedReturnType,
                location,
                method.Name,
                typeName,
                "a method with a memory parameter returns at most one 32-bit unit (in the reply's valid word); return int, uint or smaller, or write the result into a Span<T> or 'ref' parameter");
            ok = false;
            return null;
        }

        return type;
    }

    private WireType? ClassifyOrReport(ITypeSymbol type, Location? location, IMethodSymbol method, IParameterSymbol? parameter, bool isReturn)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            _failed = true; // The compiler reports the unknown type.
            return null;
        }

        WireType? wire = _classifier.Classify(type, out WireTypeFailure? failure);
        if (wire is not null)
        {
            return wire;
        }

        string user = parameter is null ? "the return value of '" + method.Name + "'" : "parameter '" + parameter.Name + "' of '" + method.Name + "'";
        if (failure!.IsLayout)
        {
            ReportWithAdditional(IpcDiagnostics.StructNotFixedLayout, location, failure.Field is null ? null : SymbolFacts.FirstLocation(failure.Field), failure.StructName, user, failure.Reason);
        }
        else if (isReturn)
        {
            Report(IpcDiagnostics.UnsupportedReturnType, location, method.Name, type.ToDisplayString(), failure.Reason);
        }
        else
        {
            Report(IpcDiagnostics.UnsupportedParameterType, location, parameter!.Name, method.Name, type.ToDisplayString(), failure.Reason);
        }

        return null;
    }

    private static ParameterShape? SpanShape(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return null;
        }

        return named.OriginalDefinition.ToDisplayString() switch
        {
            "System.Span<T>" => ParameterShape.Span,
            "System.ReadOnlySpan<T>" => ParameterShape.ReadOnlySpan,
            _ => null,
        };
    }
}
