using System.Collections.Immutable;

namespace Xous.Ipc.Generator;

/// <summary>The message kind a method is sent as (names as in Xous.Abi.MessageKind).</summary>
internal enum MethodKind
{
    MutableBorrow,
    Borrow,
    Move,
    Scalar,
    BlockingScalar,
}

/// <summary>How a parameter travels.</summary>
internal enum ParameterShape
{
    /// <summary>In scalar units (a1..a4, or the memory header).</summary>
    Scalar,

    /// <summary>ReadOnlySpan&lt;T&gt;: the payload of a Borrow or Move.</summary>
    ReadOnlySpan,

    /// <summary>Span&lt;T&gt;: the payload of a MutableBorrow, copied back.</summary>
    Span,

    /// <summary>in T / ref readonly T: one struct as the payload of a Borrow or Move.</summary>
    ReadOnlyReference,

    /// <summary>ref T: one struct as the payload of a MutableBorrow, copied back.</summary>
    Reference,
}

/// <summary>A validated contract, ready to emit.</summary>
internal sealed class ContractModel
{
    public ContractModel(
        string? namespaceName,
        string interfaceName,
        string interfaceFullName,
        string baseName,
        string accessibility,
        int maxMessageBytes,
        ImmutableArray<MethodModel> methods,
        ImmutableArray<RetiredOpcode> retired)
    {
        NamespaceName = namespaceName;
        InterfaceName = interfaceName;
        InterfaceFullName = interfaceFullName;
        BaseName = baseName;
        Accessibility = accessibility;
        MaxMessageBytes = maxMessageBytes;
        Methods = methods;
        Retired = retired;
    }

    /// <summary>The namespace, or null for the global namespace.</summary>
    public string? NamespaceName { get; }

    public string InterfaceName { get; }

    /// <summary>global::-qualified.</summary>
    public string InterfaceFullName { get; }

    /// <summary>The interface name without its leading I: the stem of every generated type.</summary>
    public string BaseName { get; }

    /// <summary>"public" or "internal".</summary>
    public string Accessibility { get; }

    public int MaxMessageBytes { get; }

    public ImmutableArray<MethodModel> Methods { get; }

    public ImmutableArray<RetiredOpcode> Retired { get; }

    public string OpcodesName => BaseName + "Opcodes";

    public string ClientName => BaseName + "Client";

    public string HandlerName => "I" + BaseName + "Handler";

    public string DispatcherName => BaseName + "Dispatcher";

    /// <summary>A global::-qualified name of a generated type.</summary>
    public string Qualified(string typeName) =>
        NamespaceName is null ? "global::" + typeName : "global::" + NamespaceName + "." + typeName;
}

/// <summary>An opcode that must never be used again.</summary>
internal sealed class RetiredOpcode
{
    public RetiredOpcode(uint id, string reason)
    {
        Id = id;
        Reason = reason;
    }

    public uint Id { get; }

    public string Reason { get; }
}

/// <summary>A validated contract method.</summary>
internal sealed class MethodModel
{
    public MethodModel(
        int index,
        string name,
        uint opcode,
        MethodKind kind,
        bool deferred,
        bool includeSender,
        ImmutableArray<ParameterModel> parameters,
        WireType? returnType,
        string senderName,
        string replyName)
    {
        Index = index;
        Name = name;
        Opcode = opcode;
        Kind = kind;
        Deferred = deferred;
        IncludeSender = includeSender;
        Parameters = parameters;
        ReturnType = returnType;
        SenderName = senderName;
        ReplyName = replyName;
    }

    /// <summary>Position in the contract: the counter index.</summary>
    public int Index { get; }

    /// <summary>The method name as written (no @).</summary>
    public string Name { get; }

    public uint Opcode { get; }

    public MethodKind Kind { get; }

    public bool Deferred { get; }

    public bool IncludeSender { get; }

    public ImmutableArray<ParameterModel> Parameters { get; }

    /// <summary>Null for void.</summary>
    public WireType? ReturnType { get; }

    /// <summary>The handler's MessageSender parameter name (IncludeSender).</summary>
    public string SenderName { get; }

    /// <summary>The handler's DeferredReply parameter name (Deferred).</summary>
    public string ReplyName { get; }

    public bool HasMemory => Kind is MethodKind.MutableBorrow or MethodKind.Borrow or MethodKind.Move;

    public ParameterModel? MemoryParameter
    {
        get
        {
            foreach (ParameterModel parameter in Parameters)
            {
                if (parameter.Shape != ParameterShape.Scalar)
                {
                    return parameter;
                }
            }

            return null;
        }
    }

    public int ScalarUnits
    {
        get
        {
            int units = 0;
            foreach (ParameterModel parameter in Parameters)
            {
                if (parameter.Shape == ParameterShape.Scalar)
                {
                    units += parameter.Type.Units;
                }
            }

            return units;
        }
    }
}

/// <summary>A validated parameter.</summary>
internal sealed class ParameterModel
{
    public ParameterModel(string name, ParameterShape shape, WireType type, string declaredType, string modifiers, int firstUnit, int maxLength)
    {
        Name = name;
        Shape = shape;
        Type = type;
        DeclaredType = declaredType;
        Modifiers = modifiers;
        FirstUnit = firstUnit;
        MaxLength = maxLength;
    }

    /// <summary>The parameter name as written (no @).</summary>
    public string Name { get; }

    public ParameterShape Shape { get; }

    /// <summary>The value's type, or a span's element type.</summary>
    public WireType Type { get; }

    /// <summary>The declared type, global::-qualified (global::System.ReadOnlySpan&lt;byte&gt; for spans).</summary>
    public string DeclaredType { get; }

    /// <summary>"", "in ", "ref ", "ref readonly ", possibly after "scoped ".</summary>
    public string Modifiers { get; }

    /// <summary>The first scalar unit (Scalar shape only).</summary>
    public int FirstUnit { get; }

    /// <summary>[MaxLength] of a span; 1 for a struct payload.</summary>
    public int MaxLength { get; }

    public bool IsSpan => Shape is ParameterShape.Span or ParameterShape.ReadOnlySpan;

    public bool IsMutable => Shape is ParameterShape.Span or ParameterShape.Reference;
}
