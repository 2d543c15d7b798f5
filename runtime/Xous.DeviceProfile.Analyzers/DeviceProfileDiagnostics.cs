using Microsoft.CodeAnalysis;

namespace Xous.DeviceProfile.Analyzers;

/// <summary>The device-profile rules (docs/device-profile.md). Every id is permanent; retired ids are kept as comments.</summary>
public static class DeviceProfileDiagnostics
{
    private const string Category = "Xous.DeviceProfile";
    private const string HelpLink = "docs/device-profile.md";

    /// <summary>LINQ.</summary>
    public static readonly DiagnosticDescriptor Linq = new(
        "XDP0001",
        "LINQ is not in the device profile",
        "LINQ ({0}) is not in the device profile: it allocates hidden iterators and delegates on every call; write a loop",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>async/await.</summary>
    public static readonly DiagnosticDescriptor Async = new(
        "XDP0002",
        "async/await is not in the device profile",
        "async/await ({0}) is not in the device profile: there is no task scheduler on the device; block on a message or use a kernel thread",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>Reflection.</summary>
    public static readonly DiagnosticDescriptor Reflection = new(
        "XDP0003",
        "Reflection is not in the device profile",
        "Reflection ({0}) is not in the device profile: the device image carries no metadata; declare what you need at build time",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>dynamic.</summary>
    public static readonly DiagnosticDescriptor Dynamic = new(
        "XDP0004",
        "dynamic is not in the device profile",
        "'dynamic' is not in the device profile: it needs a runtime binder; use a static type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>Threads, tasks and monitors from System.Threading.</summary>
    public static readonly DiagnosticDescriptor Threading = new(
        "XDP0005",
        "System.Threading threads, tasks and locks are not in the device profile",
        "{0} is not in the device profile: threads come from the kernel (CreateThread) and locks from the ticktimer's mutex; only Volatile and Interlocked are available",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>Finalizers.</summary>
    public static readonly DiagnosticDescriptor Finalizer = new(
        "XDP0006",
        "Finalizers are not in the device profile",
        "The finalizer of '{0}' is not in the device profile: the device collector does not run finalizers; implement IDisposable",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>Formatting a float or double.</summary>
    public static readonly DiagnosticDescriptor FloatingPointFormatting = new(
        "XDP0007",
        "Floating-point formatting is not in the device profile",
        "Formatting {0} is not in the device profile: Xous.CoreLib does not implement .NET's round-trip float formatting and would throw at run time; format a scaled integer",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    /// <summary>The rule with id <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "XDP0001" => Linq,
        "XDP0002" => Async,
        "XDP0003" => Reflection,
        "XDP0004" => Dynamic,
        "XDP0005" => Threading,
        "XDP0006" => Finalizer,
        "XDP0007" => FloatingPointFormatting,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "No such device-profile rule."),
    };
}
