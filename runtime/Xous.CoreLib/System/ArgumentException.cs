using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>An argument is not valid.</summary>
public class ArgumentException : SystemException
{
    private readonly string? _paramName;

    public ArgumentException()
        : base(SR.Arg_ArgumentException)
    {
    }

    public ArgumentException(string? message)
        : base(message)
    {
    }

    public ArgumentException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ArgumentException(string? message, string? paramName, Exception? innerException)
        : base(message, innerException)
    {
        _paramName = paramName;
    }

    public ArgumentException(string? message, string? paramName)
        : base(message)
    {
        _paramName = paramName;
    }

    /// <summary>The message, followed by " (Parameter 'name')" when a parameter name was given.</summary>
    public override string Message
    {
        get
        {
            string s = base.Message;
            if (!string.IsNullOrEmpty(_paramName))
            {
                s = string.Concat(s, " ", SR.Format(SR.Arg_ParamName_Name, _paramName));
            }

            return s;
        }
    }

    public virtual string? ParamName => _paramName;

    public static void ThrowIfNullOrEmpty([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (string.IsNullOrEmpty(argument))
        {
            ThrowNullOrEmptyException(argument, paramName);
        }
    }

    public static void ThrowIfNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            ThrowNullOrWhiteSpaceException(argument, paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowNullOrEmptyException(string? argument, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        throw new ArgumentException(SR.Argument_EmptyString, paramName);
    }

    [DoesNotReturn]
    private static void ThrowNullOrWhiteSpaceException(string? argument, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        throw new ArgumentException(SR.Argument_EmptyOrWhiteSpaceString, paramName);
    }
}
