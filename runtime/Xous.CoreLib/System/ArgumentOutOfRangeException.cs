namespace System;

/// <summary>An argument is outside the range of allowed values.</summary>
public class ArgumentOutOfRangeException : ArgumentException
{
    private readonly object? _actualValue;

    public ArgumentOutOfRangeException()
        : base(SR.Arg_ArgumentOutOfRangeException)
    {
    }

    public ArgumentOutOfRangeException(string? paramName)
        : base(SR.Arg_ArgumentOutOfRangeException, paramName)
    {
    }

    public ArgumentOutOfRangeException(string? paramName, string? message)
        : base(message, paramName)
    {
    }

    public ArgumentOutOfRangeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ArgumentOutOfRangeException(string? paramName, object? actualValue, string? message)
        : base(message, paramName)
    {
        _actualValue = actualValue;
    }

    /// <summary>The base message, then a new line and "Actual value was {value}." when a value was given.</summary>
    public override string Message
    {
        get
        {
            string s = base.Message;
            if (_actualValue != null)
            {
                string valueMessage = SR.Format(SR.ArgumentOutOfRange_ActualValue, _actualValue.ToString());
                if (s == null)
                {
                    return valueMessage;
                }

                return string.Concat(s, Environment.NewLine, valueMessage);
            }

            return s;
        }
    }

    public virtual object? ActualValue => _actualValue;
}
