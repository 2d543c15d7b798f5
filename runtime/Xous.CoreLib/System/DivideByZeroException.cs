namespace System;

/// <summary>An integer division by zero.</summary>
public class DivideByZeroException : ArithmeticException
{
    public DivideByZeroException()
        : base(SR.Arg_DivideByZero)
    {
    }

    public DivideByZeroException(string? message)
        : base(message)
    {
    }

    public DivideByZeroException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
