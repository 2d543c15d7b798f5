namespace System;

/// <summary>An operation on an object that has been disposed.</summary>
public class ObjectDisposedException : InvalidOperationException
{
    private readonly string? _objectName;

    public ObjectDisposedException(string? objectName)
        : this(objectName, SR.ObjectDisposed_Generic)
    {
    }

    public ObjectDisposedException(string? objectName, string? message)
        : base(message)
    {
        _objectName = objectName;
    }

    public ObjectDisposedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The base message, then a new line and "Object name: 'name'." when a name was given.</summary>
    public override string Message
    {
        get
        {
            string name = ObjectName;
            if (string.IsNullOrEmpty(name))
            {
                return base.Message;
            }

            return string.Concat(base.Message, Environment.NewLine, SR.Format(SR.ObjectDisposed_ObjectName_Name, name));
        }
    }

    public string ObjectName => _objectName ?? string.Empty;
}
