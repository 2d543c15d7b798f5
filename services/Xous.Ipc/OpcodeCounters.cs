using System;
using System.Threading;

namespace Xous.Ipc;

/// <summary>
/// Requests and errors per opcode, kept by a generated dispatcher (house rule 10: observable by default).
/// A request is every message that reached the dispatcher with the opcode; an error is one the dispatcher rejected
/// without calling the handler (wrong kind, malformed or oversized payload). Messages with an opcode the contract does
/// not have are counted in <see cref="UnknownOpcodeMessages"/>. Counts wrap modulo 2^32. Safe to update from several
/// server threads at once (Interlocked).
/// </summary>
public sealed class OpcodeCounters
{
    private readonly uint[] _opcodes;
    private readonly int[] _requests;
    private readonly int[] _errors;
    private int _unknownOpcodeMessages;

    /// <summary>Counters for the given opcodes, in the order the dispatcher indexes them (a copy is kept).</summary>
    public OpcodeCounters(ReadOnlySpan<uint> opcodes)
    {
        _opcodes = opcodes.ToArray();
        _requests = new int[opcodes.Length];
        _errors = new int[opcodes.Length];
    }

    /// <summary>How many opcodes are counted.</summary>
    public int Count => _opcodes.Length;

    /// <summary>Messages whose opcode is not in the contract.</summary>
    public uint UnknownOpcodeMessages => (uint)Volatile.Read(ref _unknownOpcodeMessages);

    /// <summary>The opcode at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public uint OpcodeAt(int index) => _opcodes[index];

    /// <summary>Requests for the opcode at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public uint RequestsAt(int index) => (uint)Volatile.Read(ref _requests[index]);

    /// <summary>Rejected requests for the opcode at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public uint ErrorsAt(int index) => (uint)Volatile.Read(ref _errors[index]);

    /// <summary>The counts for <paramref name="opcode"/>; false (and zeros) when the contract has no such opcode.</summary>
    public bool TryGet(uint opcode, out uint requests, out uint errors)
    {
        for (int index = 0; index < _opcodes.Length; index++)
        {
            if (_opcodes[index] == opcode)
            {
                requests = RequestsAt(index);
                errors = ErrorsAt(index);
                return true;
            }
        }

        requests = 0;
        errors = 0;
        return false;
    }

    /// <summary>Counts a request for the opcode at <paramref name="index"/> (generated dispatchers call this first).</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public void CountRequest(int index) => Interlocked.Increment(ref _requests[index]);

    /// <summary>
    /// Counts an error for the opcode at <paramref name="index"/> and returns the reply that reports
    /// <paramref name="status"/> to the sender (<see cref="Reply.Rejection"/>).
    /// </summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public Reply Reject(int index, in IncomingMessage message, IpcStatus status)
    {
        Interlocked.Increment(ref _errors[index]);
        return Reply.Rejection(message.Kind, status);
    }

    /// <summary>
    /// Counts a message with an opcode the contract does not have and returns the
    /// <see cref="IpcStatus.UnknownOpcode"/> reply for its kind.
    /// </summary>
    public Reply RejectUnknownOpcode(in IncomingMessage message)
    {
        Interlocked.Increment(ref _unknownOpcodeMessages);
        return Reply.Rejection(message.Kind, IpcStatus.UnknownOpcode);
    }
}
