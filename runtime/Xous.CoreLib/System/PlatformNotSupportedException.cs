namespace System;

/// <summary>The feature is not supported on this platform.</summary>
public class PlatformNotSupportedException : NotSupportedException
{
    public PlatformNotSupportedException()
        : base(SR.Arg_PlatformNotSupported)
    {
    }

    public PlatformNotSupportedException(string? message)
        : base(message)
    {
    }

    public PlatformNotSupportedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
