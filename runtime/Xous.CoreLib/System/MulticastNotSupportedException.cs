namespace System;

/// <summary>A delegate that cannot be combined was combined.</summary>
public sealed class MulticastNotSupportedException : SystemException
{
    public MulticastNotSupportedException()
        : base(SR.Arg_MulticastNotSupportedException)
    {
    }

    public MulticastNotSupportedException(string? message)
        : base(message)
    {
    }

    public MulticastNotSupportedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
