namespace System.Collections.Generic;

/// <summary>The exception that is thrown when the key specified for accessing an element in a collection does not match any key in the collection.</summary>
/// <remarks>
/// The serialization constructor of .NET is omitted (no serialization in the device profile).
/// The collections of this corlib never put the key into the message: keys may be secrets (house rule 7).
/// </remarks>
public class KeyNotFoundException : SystemException
{
    private const string DefaultMessage = "The given key was not present in the dictionary.";

    /// <summary>Initializes a new instance of the <see cref="KeyNotFoundException"/> class with a default message.</summary>
    public KeyNotFoundException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KeyNotFoundException"/> class with the specified error message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public KeyNotFoundException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KeyNotFoundException"/> class with the specified error message and inner exception.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that is the cause of the current exception.</param>
    public KeyNotFoundException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
