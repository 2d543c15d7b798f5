namespace Xous.Ipc;

/// <summary>
/// The outcome of a generated dispatcher's checks, sent in word 0 of a scalar reply or in the <c>offset</c> word of a
/// memory reply. The numbers are wire values and never change.
/// </summary>
public enum IpcStatus : uint
{
    /// <summary>The handler ran; the reply carries its result.</summary>
    Ok = 0,

    /// <summary>The server's contract has no method with this opcode.</summary>
    UnknownOpcode = 1,

    /// <summary>The opcode exists but was sent as a different kind of message than the contract says.</summary>
    WrongMessageKind = 2,

    /// <summary>
    /// The arguments do not decode: a scalar unit out of range for its type, a bool other than 0 or 1, a memory header
    /// that disagrees with the buffer, or a payload that is not a whole number of elements.
    /// </summary>
    MalformedPayload = 3,

    /// <summary>A span payload holds more elements than the parameter's <see cref="MaxLengthAttribute"/>.</summary>
    PayloadTooLarge = 4,

    /// <summary>
    /// Never sent by a server: a client proxy reports it when the server's reply does not decode as the return type.
    /// </summary>
    MalformedReply = 5,
}
