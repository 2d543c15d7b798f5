namespace System;

/// <summary>An argument's format is not valid.</summary>
public class FormatException : SystemException
{
    public FormatException()
        : base(SR.Arg_FormatException)
    {
    }

    public FormatException(string? message)
        : base(message)
    {
    }

    public FormatException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
