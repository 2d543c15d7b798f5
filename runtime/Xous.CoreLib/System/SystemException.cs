namespace System;

/// <summary>The base class of exceptions the runtime throws.</summary>
public class SystemException : Exception
{
    public SystemException()
        : base(SR.Arg_SystemException)
    {
    }

    public SystemException(string? message)
        : base(message)
    {
    }

    public SystemException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
