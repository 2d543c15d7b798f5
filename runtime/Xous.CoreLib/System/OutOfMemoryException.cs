namespace System;

/// <summary>The heap is exhausted.</summary>
public class OutOfMemoryException : SystemException
{
    public OutOfMemoryException()
        : base(SR.Arg_OutOfMemoryException)
    {
    }

    public OutOfMemoryException(string? message)
        : base(message)
    {
    }

    public OutOfMemoryException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
