namespace System;

/// <summary>An index was outside the bounds of an array (thrown by the runtime on array access).</summary>
public sealed class IndexOutOfRangeException : SystemException
{
    public IndexOutOfRangeException()
        : base(SR.Arg_IndexOutOfRangeException)
    {
    }

    public IndexOutOfRangeException(string? message)
        : base(message)
    {
    }

    public IndexOutOfRangeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
