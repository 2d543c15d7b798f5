using System;

namespace Xous.Ipc;

/// <summary>
/// Marks an interface as an IPC contract: the source generator in <c>Xous.Ipc.Generator</c> emits the opcode
/// constants, a client proxy, a handler interface and a server dispatcher for it (docs/ipc.md).
/// Every method needs an <see cref="OpcodeAttribute"/>; nothing else may be declared in a contract except constants.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class IpcContractAttribute : Attribute
{
    /// <summary>The default <see cref="MaxMessageBytes"/>: one page.</summary>
    public const int DefaultMaxMessageBytes = 4096;

    /// <summary>The largest <see cref="MaxMessageBytes"/> a contract may declare: 1 MiB.</summary>
    public const int LargestMaxMessageBytes = 1024 * 1024;

    /// <summary>
    /// The largest memory message (header plus payload) any method of the contract may send, in bytes.
    /// A whole number of pages (a multiple of 4096), at most <see cref="LargestMaxMessageBytes"/>;
    /// checked at build time (XIPC0012), and every span's <see cref="MaxLengthAttribute"/> must fit in it (XIPC0009).
    /// </summary>
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;
}

/// <summary>
/// Gives a contract method its opcode (the message id). Opcodes are explicit and never reused: when a method is
/// removed, list its number in a <see cref="RetiredOpcodeAttribute"/> on the contract.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OpcodeAttribute : Attribute
{
    /// <summary>Assigns <paramref name="id"/> as the method's opcode.</summary>
    public OpcodeAttribute(uint id) => Id = id;

    /// <summary>The opcode.</summary>
    public uint Id { get; }

    /// <summary>
    /// Makes a <c>void</c> method wait for the server to finish (BlockingScalar instead of Scalar, Borrow instead
    /// of Move). Methods that return a value, or take a <c>Span&lt;T&gt;</c> or <c>ref</c> parameter, block anyway.
    /// </summary>
    public bool Blocking { get; set; }

    /// <summary>
    /// The server replies later: the handler method returns <c>void</c> and receives a trailing
    /// <see cref="DeferredReply"/>; the server completes it with the dispatcher's <c>XxxReply</c> helper.
    /// Only for blocking methods whose parameters are all scalars (XIPC0011).
    /// </summary>
    public bool Deferred { get; set; }

    /// <summary>The handler method receives the caller's <c>MessageSender</c> as a leading parameter.</summary>
    public bool IncludeSender { get; set; }
}

/// <summary>
/// Records an opcode that a contract used once and must never use again (XIPC0003 rejects a method that does).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class RetiredOpcodeAttribute : Attribute
{
    /// <summary>Retires <paramref name="id"/> for the stated <paramref name="reason"/>.</summary>
    public RetiredOpcodeAttribute(uint id, string reason)
    {
        Id = id;
        Reason = reason;
    }

    /// <summary>The retired opcode.</summary>
    public uint Id { get; }

    /// <summary>Why it was retired (for the reader; also emitted into the generated opcode class).</summary>
    public string Reason { get; }
}

/// <summary>
/// The most elements a <c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c> parameter may carry. Required on every
/// span parameter (XIPC0008). The client throws <see cref="ArgumentException"/> for a longer span before sending; the
/// server rejects a longer payload with <see cref="IpcStatus.PayloadTooLarge"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class MaxLengthAttribute : Attribute
{
    /// <summary>Allows at most <paramref name="elements"/> elements (at least 1).</summary>
    public MaxLengthAttribute(int elements) => Elements = elements;

    /// <summary>The most elements the span may hold.</summary>
    public int Elements { get; }
}
