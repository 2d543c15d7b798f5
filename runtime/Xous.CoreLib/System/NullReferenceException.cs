namespace System;

/// <summary>A null reference was dereferenced (thrown by the runtime).</summary>
public class NullReferenceException : SystemException
{
    public NullReferenceException()
        : base(SR.Arg_NullReferenceException)
    {
    }

    public NullReferenceException(string? message)
        : base(message)
    {
    }

    public NullReferenceException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
