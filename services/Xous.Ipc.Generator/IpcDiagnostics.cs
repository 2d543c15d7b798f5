using Microsoft.CodeAnalysis;

namespace Xous.Ipc.Generator;

/// <summary>
/// The contract rules (docs/ipc.md, "Diagnostics"). Every id is permanent; retired ids are kept as comments.
/// When a contract has any of these errors the generator emits nothing for it, so the only errors are these.
/// </summary>
public static class IpcDiagnostics
{
    private const string Category = "Xous.Ipc";
    private const string HelpLink = "docs/ipc.md";

    /// <summary>A contract method has no [Opcode].</summary>
    public static readonly DiagnosticDescriptor MissingOpcode = Create(
        "XIPC0001",
        "Contract method without [Opcode]",
        "Method '{0}' of IPC contract '{1}' has no [Opcode(n)]; give it an explicit opcode number that the contract has never used");

    /// <summary>Two methods share an opcode.</summary>
    public static readonly DiagnosticDescriptor DuplicateOpcode = Create(
        "XIPC0002",
        "Duplicate opcode",
        "Opcode {0} of method '{1}' is already used by method '{2}'; every method needs its own opcode");

    /// <summary>A method uses a retired opcode.</summary>
    public static readonly DiagnosticDescriptor RetiredOpcode = Create(
        "XIPC0003",
        "Opcode is retired",
        "Opcode {0} of method '{1}' is retired ([RetiredOpcode({0}, \"{2}\")]) and must never be reused; pick a number the contract has never used");

    /// <summary>A parameter type has no IPC encoding.</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        "XIPC0004",
        "Unsupported parameter type",
        "Parameter '{0}' of method '{1}' has type '{2}', which cannot be sent over IPC: {3}");

    /// <summary>A return type has no IPC encoding.</summary>
    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "XIPC0005",
        "Unsupported return type",
        "Method '{0}' returns '{1}', which cannot be returned over IPC: {2}");

    /// <summary>Scalar arguments need more than four units.</summary>
    public static readonly DiagnosticDescriptor TooManyScalarUnits = Create(
        "XIPC0006",
        "Too many scalar arguments",
        "Method '{0}' needs {1} 32-bit units of scalar arguments up to parameter '{2}', but a message carries at most 4 (a long or ulong takes 2, a struct one per 4 bytes); pass the values in an 'in' struct");

    /// <summary>More than one memory parameter.</summary>
    public static readonly DiagnosticDescriptor MultipleMemoryParameters = Create(
        "XIPC0007",
        "More than one memory parameter",
        "Parameter '{0}' of method '{1}' is a second memory parameter (after '{2}'); a message lends or moves one buffer, so combine them into one struct or span");

    /// <summary>A span parameter without [MaxLength].</summary>
    public static readonly DiagnosticDescriptor MissingMaxLength = Create(
        "XIPC0008",
        "Span parameter without [MaxLength]",
        "Span parameter '{0}' of method '{1}' needs [MaxLength(n)]: the most elements it may carry, so both sides can check the length");

    /// <summary>A memory message can exceed MaxMessageBytes.</summary>
    public static readonly DiagnosticDescriptor PayloadTooLarge = Create(
        "XIPC0009",
        "Payload larger than MaxMessageBytes",
        "Parameter '{0}' of method '{1}' makes a message of up to {2} bytes (24-byte header + {3} bytes of payload), more than the contract's MaxMessageBytes of {4}; lower [MaxLength] or raise [IpcContract(MaxMessageBytes = ...)]");

    /// <summary>A struct is not fixed-layout.</summary>
    public static readonly DiagnosticDescriptor StructNotFixedLayout = Create(
        "XIPC0010",
        "Struct is not fixed-layout",
        "Struct '{0}' used by '{1}' cannot be sent over IPC: {2}");

    /// <summary>Deferred on a method that cannot be deferred.</summary>
    public static readonly DiagnosticDescriptor InvalidDeferred = Create(
        "XIPC0011",
        "Deferred on a method that cannot be deferred",
        "Method '{0}' cannot be Deferred: {1}; only blocking methods whose parameters are all scalars can be completed later");

    /// <summary>MaxMessageBytes out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidMaxMessageBytes = Create(
        "XIPC0012",
        "Invalid MaxMessageBytes",
        "MaxMessageBytes of contract '{0}' is {1}; it must be a positive multiple of 4096 (whole pages) and at most 1048576 (1 MiB)");

    /// <summary>A generic contract or method.</summary>
    public static readonly DiagnosticDescriptor GenericContract = Create(
        "XIPC0013",
        "Generic contract or method",
        "'{0}' is generic; IPC contracts and their methods cannot be generic because the wire layout must be fixed at build time");

    /// <summary>A member other than an [Opcode] method or a constant.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMember = Create(
        "XIPC0014",
        "Unsupported member in a contract",
        "'{0}' is a {1}; an IPC contract holds only abstract methods with [Opcode] (and constants)");

    /// <summary>An out parameter.</summary>
    public static readonly DiagnosticDescriptor OutParameter = Create(
        "XIPC0015",
        "out parameter in a contract",
        "Parameter '{0}' of method '{1}' is 'out'; return the value, or use a 'ref' struct or Span<T> parameter, which the server fills in");

    /// <summary>Two methods share a name.</summary>
    public static readonly DiagnosticDescriptor OverloadedMethod = Create(
        "XIPC0016",
        "Overloaded contract method",
        "Method name '{0}' is used twice; contract methods name their opcode constants, so each needs its own name");

    /// <summary>[MaxLength] in the wrong place or out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidMaxLength = Create(
        "XIPC0017",
        "Invalid [MaxLength]",
        "[MaxLength] on parameter '{0}' of method '{1}' {2}");

    /// <summary>A name the generated code reserves.</summary>
    public static readonly DiagnosticDescriptor ReservedName = Create(
        "XIPC0018",
        "Name reserved by the generator",
        "'{0}' is reserved by the generated code: {1}; rename it");

    /// <summary>A nested contract or one that extends other interfaces.</summary>
    public static readonly DiagnosticDescriptor ContractShape = Create(
        "XIPC0019",
        "Contract must be a top-level interface without base interfaces",
        "IPC contract '{0}' {1}; declare it directly in a namespace and list every method in it");

    /// <summary>A generated type's name is already taken in the contract's namespace.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameTaken = Create(
        "XIPC0020",
        "A generated type's name is taken",
        "IPC contract '{0}' generates '{1}', but {2}; rename one of them");

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
}
