namespace System;

/// <summary>A cast failed (thrown by the runtime).</summary>
public class InvalidCastException : SystemException
{
    public InvalidCastException()
        : base(SR.Arg_InvalidCastException)
    {
    }

    public InvalidCastException(string? message)
        : base(message)
    {
    }

    public InvalidCastException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
