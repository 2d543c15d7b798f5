namespace System;

/// <summary>An element of the wrong type was stored into an array (thrown by the runtime).</summary>
public class ArrayTypeMismatchException : SystemException
{
    public ArrayTypeMismatchException()
        : base(SR.Arg_ArrayTypeMismatchException)
    {
    }

    public ArrayTypeMismatchException(string? message)
        : base(message)
    {
    }

    public ArrayTypeMismatchException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
