using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>
/// Thrown by a generated client proxy when a call fails: the kernel refused or lost the message
/// (<see cref="TransportError"/> is not <see cref="XousError.NoError"/>), or the server's dispatcher rejected it or its
/// reply did not decode (<see cref="Status"/> is not <see cref="IpcStatus.Ok"/>).
/// </summary>
public sealed class IpcException : Exception
{
    /// <summary>Describes a failed call of <paramref name="opcode"/>.</summary>
    public IpcException(uint opcode, XousError transportError, IpcStatus status)
        : base(Describe(opcode, transportError, status))
    {
        Opcode = opcode;
        TransportError = transportError;
        Status = status;
    }

    /// <summary>The opcode of the failed call.</summary>
    public uint Opcode { get; }

    /// <summary>The kernel's error for the send, or <see cref="XousError.NoError"/> when the message was delivered.</summary>
    public XousError TransportError { get; }

    /// <summary>The status the server replied with, or <see cref="IpcStatus.Ok"/> when the failure was the transport.</summary>
    public IpcStatus Status { get; }

    private static string Describe(uint opcode, XousError transportError, IpcStatus status) =>
        transportError != XousError.NoError
            ? "IPC call of opcode " + opcode.ToString() + " failed in the kernel: XousError " + ((uint)transportError).ToString()
            : "IPC call of opcode " + opcode.ToString() + " failed: " + StatusName(status);

    private static string StatusName(IpcStatus status) => status switch
    {
        IpcStatus.Ok => "Ok",
        IpcStatus.UnknownOpcode => "the server does not know the opcode (UnknownOpcode)",
        IpcStatus.WrongMessageKind => "the server expected another message kind (WrongMessageKind)",
        IpcStatus.MalformedPayload => "the server could not decode the arguments (MalformedPayload)",
        IpcStatus.PayloadTooLarge => "a span exceeded its maximum length (PayloadTooLarge)",
        IpcStatus.MalformedReply => "the reply did not decode as the return type (MalformedReply)",
        _ => "unknown status " + ((uint)status).ToString(),
    };
}
