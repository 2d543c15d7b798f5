using System;

namespace Xous.Abi;

/// <summary>Typed constructors, one per result tag; each documents its register layout.</summary>
public readonly partial struct SyscallResult
{
    /// <summary>Ok.</summary>
    public static SyscallResult Ok() => new(ResultTag.Ok);

    /// <summary>Error: a1 = code (see <see cref="ErrorCodes"/>).</summary>
    public static SyscallResult Failure(XousError error) =>
        new(ResultTag.Error, (nuint)ErrorCodes.Decode(ErrorCodes.Encode(error)));

    /// <summary>MemoryAddress: a1 = address.</summary>
    public static SyscallResult FromMemoryAddress(nuint address) => new(ResultTag.MemoryAddress, address);

    /// <summary>MemoryRange: a1 = address, a2 = size.</summary>
    public static SyscallResult FromMemoryRange(MemoryRange range)
    {
        if (range.IsEmpty)
        {
            throw new ArgumentException("The memory range is empty.", nameof(range));
        }

        return new(ResultTag.MemoryRange, range.Address, range.Size);
    }

    /// <summary>ReadyThreads: a1 = count (0..3), then (pid, context) pairs.</summary>
    public static SyscallResult FromReadyThreads(ReadOnlySpan<Pid> processes, ReadOnlySpan<nuint> contexts)
    {
        if (processes.Length > 3 || processes.Length != contexts.Length)
        {
            throw new ArgumentException("ReadyThreads carries up to three (pid, context) pairs.", nameof(processes));
        }

        nuint p0 = processes.Length > 0 ? processes[0].Value : 0u;
        nuint c0 = contexts.Length > 0 ? contexts[0] : 0;
        nuint p1 = processes.Length > 1 ? processes[1].Value : 0u;
        nuint c1 = contexts.Length > 1 ? contexts[1] : 0;
        nuint p2 = processes.Length > 2 ? processes[2].Value : 0u;
        nuint c2 = contexts.Length > 2 ? contexts[2] : 0;
        return new(ResultTag.ReadyThreads, (nuint)processes.Length, p0, c0, p1, c1, p2, c2);
    }

    /// <summary>ResumeProcess.</summary>
    public static SyscallResult ResumeProcess() => new(ResultTag.ResumeProcess);

    /// <summary>ServerID: a1..a4 = SID.</summary>
    public static SyscallResult FromServerId(Sid sid) =>
        new(ResultTag.ServerId, sid.Word0, sid.Word1, sid.Word2, sid.Word3);

    /// <summary>ConnectionID: a1 = CID.</summary>
    public static SyscallResult FromConnectionId(Cid connection) => new(ResultTag.ConnectionId, connection.Value);

    /// <summary>NewServerID: a1..a4 = SID, a5 = CID.</summary>
    public static SyscallResult FromNewServer(Sid sid, Cid connection) =>
        new(ResultTag.NewServerId, sid.Word0, sid.Word1, sid.Word2, sid.Word3, connection.Value);

    /// <summary>MessageEnvelope: a1 = sender, a2 = kind (0..4), a3 = id, a4..a7 = message words.</summary>
    public static SyscallResult FromEnvelope(MessageEnvelope envelope)
    {
        Message body = envelope.Body;
        if (body.HasMemory && (body.Word1 == 0 || body.Word2 == 0))
        {
            throw new ArgumentException("A memory message needs a non-empty buffer.", nameof(envelope));
        }

        return new(ResultTag.MessageEnvelope, envelope.Sender.Value, MessageKindCodes.ToEnvelopeCode(body.Kind), body.Id, body.Word1, body.Word2, body.Word3, body.Word4);
    }

    /// <summary>ThreadID: a1 = tid.</summary>
    public static SyscallResult FromThreadId(Tid thread) => new(ResultTag.ThreadId, thread.Value);

    /// <summary>ProcessID: a1 = pid.</summary>
    public static SyscallResult FromProcessId(Pid process) => new(ResultTag.ProcessId, process.Value);

    /// <summary>Unimplemented (tag 12).</summary>
    public static SyscallResult Unimplemented() => new(ResultTag.Unimplemented);

    /// <summary>BlockedProcess (hosted only).</summary>
    public static SyscallResult BlockedProcess() => new(ResultTag.BlockedProcess);

    /// <summary>Scalar1: a1 = value.</summary>
    public static SyscallResult Scalar1(nuint value) => new(ResultTag.Scalar1, value);

    /// <summary>Scalar2: a1, a2 = values.</summary>
    public static SyscallResult Scalar2(nuint value1, nuint value2) => new(ResultTag.Scalar2, value1, value2);

    /// <summary>RetryCall.</summary>
    public static SyscallResult RetryCall() => new(ResultTag.RetryCall);

    /// <summary>None: an empty non-blocking receive.</summary>
    public static SyscallResult Nothing() => new(ResultTag.None);

    /// <summary>MemoryReturned: a1 = offset, a2 = valid.</summary>
    public static SyscallResult MemoryReturned(nuint offset, nuint valid) => new(ResultTag.MemoryReturned, offset, valid);

    /// <summary>NewProcess: a1 = pid, a2..a5 = SID of the new process's loader server.</summary>
    public static SyscallResult FromNewProcess(Pid process, Sid server) =>
        new(ResultTag.NewProcess, process.Value, server.Word0, server.Word1, server.Word2, server.Word3);

    /// <summary>Scalar5: a1..a5 = values.</summary>
    public static SyscallResult Scalar5(nuint value1, nuint value2, nuint value3, nuint value4, nuint value5) =>
        new(ResultTag.Scalar5, value1, value2, value3, value4, value5);

    /// <summary>Message: a1 = kind (0..4), a2 = id, a3..a6 = message words.</summary>
    public static SyscallResult FromMessage(Message message)
    {
        if (message.HasMemory && (message.Word1 == 0 || message.Word2 == 0))
        {
            throw new ArgumentException("A memory message needs a non-empty buffer.", nameof(message));
        }

        return new(ResultTag.Message, MessageKindCodes.ToEnvelopeCode(message.Kind), message.Id, message.Word1, message.Word2, message.Word3, message.Word4);
    }
}
