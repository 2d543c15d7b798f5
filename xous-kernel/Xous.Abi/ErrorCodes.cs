namespace Xous.Abi;

/// <summary>The wire encoding of <see cref="XousError"/>.</summary>
public static class ErrorCodes
{
    /// <summary>The highest code this ABI defines.</summary>
    public const uint Highest = (uint)XousError.SecurityError;

    /// <summary>The word for an error: its number, except <see cref="XousError.UnknownError"/>, which Xous encodes as all ones.</summary>
    public static nuint Encode(XousError error) =>
        error == XousError.UnknownError || (uint)error > Highest ? nuint.MaxValue : (nuint)(uint)error;

    /// <summary>The error for a word; 22, all ones and every code above <see cref="Highest"/> decode as <see cref="XousError.UnknownError"/>.</summary>
    public static XousError Decode(nuint word) =>
        word > Highest ? XousError.UnknownError : (XousError)(uint)word;
}
