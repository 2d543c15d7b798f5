namespace System;

/// <summary>The operation is not implemented.</summary>
public class NotImplementedException : SystemException
{
    public NotImplementedException()
        : base(SR.Arg_NotImplementedException)
    {
    }

    public NotImplementedException(string? message)
        : base(message)
    {
    }

    public NotImplementedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
