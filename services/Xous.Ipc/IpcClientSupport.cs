using System;
using Xous.Abi;

namespace Xous.Ipc;

/// <summary>Checks shared by generated client proxies: turn transport errors and statuses into exceptions.</summary>
public static class IpcClientSupport
{
    /// <summary>Throws when a non-blocking send failed.</summary>
    /// <exception cref="IpcException"><paramref name="error"/> is not <see cref="XousError.NoError"/>.</exception>
    public static void CheckSent(uint opcode, XousError error)
    {
        if (error != XousError.NoError)
        {
            throw new IpcException(opcode, error, IpcStatus.Ok);
        }
    }

    /// <summary>Throws when a BlockingScalar failed in the kernel or the server replied with a status other than Ok.</summary>
    /// <exception cref="IpcException">The transport failed or word 0 of the reply is not <see cref="IpcStatus.Ok"/>.</exception>
    public static void CheckScalarReply(uint opcode, XousError error, in ScalarReply reply)
    {
        CheckSent(opcode, error);
        CheckStatus(opcode, reply.Word0);
    }

    /// <summary>Throws when a lend failed in the kernel or the server returned a status other than Ok.</summary>
    /// <exception cref="IpcException">The transport failed or the reply's offset word is not <see cref="IpcStatus.Ok"/>.</exception>
    public static void CheckMemoryReply(uint opcode, XousError error, in MemoryReply reply)
    {
        CheckSent(opcode, error);
        CheckStatus(opcode, reply.Offset);
    }

    /// <summary>The exception for a reply that does not decode as the method's return type or results.</summary>
    public static IpcException MalformedReply(uint opcode) => new(opcode, XousError.NoError, IpcStatus.MalformedReply);

    /// <summary>Throws before sending when a span is longer than its <see cref="MaxLengthAttribute"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="length"/> exceeds <paramref name="maxLength"/>.</exception>
    public static void CheckLength(int length, int maxLength, string parameterName, string methodName)
    {
        if (length > maxLength)
        {
            throw new ArgumentException(
                methodName + ": '" + parameterName + "' holds " + length.ToString() + " elements; [MaxLength] allows at most " + maxLength.ToString() + ".",
                parameterName);
        }
    }

    private static void CheckStatus(uint opcode, nuint statusWord)
    {
        if (statusWord != (nuint)IpcStatus.Ok)
        {
            IpcStatus status = statusWord <= uint.MaxValue ? (IpcStatus)(uint)statusWord : IpcStatus.MalformedReply;
            throw new IpcException(opcode, XousError.NoError, status);
        }
    }
}
