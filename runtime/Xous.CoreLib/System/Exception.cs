using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// The base class of exceptions. The device records no stack traces, so StackTrace, Source, TargetSite, Data and
/// HResult are left out, and <see cref="ToString"/> is what .NET writes for an exception that was never thrown.
/// </summary>
public class Exception
{
    private readonly string? _message;
    private readonly Exception? _innerException;

    public Exception()
    {
    }

    public Exception(string? message)
    {
        _message = message;
    }

    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        _innerException = innerException;
    }

    public virtual string Message => _message ?? SR.Format(SR.Exception_WasThrown, GetClassName());

    public Exception? InnerException => _innerException;

    public virtual string? HelpLink { get; set; }

    public virtual Exception GetBaseException()
    {
        Exception? inner = InnerException;
        Exception back = this;
        while (inner != null)
        {
            back = inner;
            inner = inner.InnerException;
        }

        return back;
    }

    /// <summary>"Type: message", then a new line, " ---> inner" and the end-of-inner-exception line, as .NET writes it.</summary>
    public override string ToString()
    {
        string className = GetClassName();
        string? message = Message;
        string result = className;
        if (!string.IsNullOrEmpty(message))
        {
            result = string.Concat(result, ": ", message);
        }

        if (_innerException != null)
        {
            result = string.Concat(result, Environment.NewLine, " ---> ", _innerException.ToString()) +
                string.Concat(Environment.NewLine, "   ", SR.Exception_EndOfInnerExceptionStack);
        }

        return result;
    }

    private string GetClassName() => DeviceRuntime.GetTypeName(this);
}
