using System;

namespace Xous.Cbor;

/// <summary>
/// The one exception type <see cref="CborWriter"/> and <see cref="CborReader"/> throw for bad input, a full buffer
/// or misuse. <see cref="Error"/> says what happened and <see cref="Offset"/> where. The message never contains
/// payload bytes, so secrets in a CBOR item cannot leak through it (house rule 7).
/// </summary>
public sealed class CborException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="offset">Byte offset into the input (reader) or output (writer) where it went wrong.</param>
    public CborException(CborError error, int offset)
        : base(MessageFor(error, offset))
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>What went wrong.</summary>
    public CborError Error { get; }

    /// <summary>Byte offset into the input (reader) or output (writer) of the item or byte at fault.</summary>
    public int Offset { get; }

    private static string MessageFor(CborError error, int offset) =>
        $"CBOR error {error} at offset {offset}.";
}
