namespace Xous.Abi;

/// <summary>
/// Kernel error codes (<c>xous::Error</c>). The numbers are the wire values, except that
/// <see cref="UnknownError"/> is encoded as all-ones (<c>usize::MAX</c>) like Xous does, and any code this
/// enum does not know decodes to <see cref="UnknownError"/>.
/// </summary>
public enum XousError : uint
{
    /// <summary>No error.</summary>
    NoError = 0,
    /// <summary>An address or size was not aligned as required.</summary>
    BadAlignment = 1,
    /// <summary>An address is not valid for the caller.</summary>
    BadAddress = 2,
    /// <summary>A table or the memory pool is exhausted.</summary>
    OutOfMemory = 3,
    /// <summary>The memory is already in use.</summary>
    MemoryInUse = 4,
    /// <summary>No such interrupt.</summary>
    InterruptNotFound = 5,
    /// <summary>The interrupt is owned by another process.</summary>
    InterruptInUse = 6,
    /// <summary>A string was not valid.</summary>
    InvalidString = 7,
    /// <summary>A server with that SID already exists.</summary>
    ServerExists = 8,
    /// <summary>No server with that SID or connection.</summary>
    ServerNotFound = 9,
    /// <summary>No such process.</summary>
    ProcessNotFound = 10,
    /// <summary>The process is not a child of the caller.</summary>
    ProcessNotChild = 11,
    /// <summary>The process has terminated.</summary>
    ProcessTerminated = 12,
    /// <summary>A timeout expired.</summary>
    Timeout = 13,
    /// <summary>The kernel hit an internal error.</summary>
    InternalError = 14,
    /// <summary>The server's queue is full.</summary>
    ServerQueueFull = 15,
    /// <summary>No thread slot is available, or the thread cannot be joined.</summary>
    ThreadNotAvailable = 16,
    /// <summary>The syscall is known but not handled.</summary>
    UnhandledSyscall = 17,
    /// <summary>The syscall or its arguments are malformed.</summary>
    InvalidSyscall = 18,
    /// <summary>Memory was already lent or is not mapped.</summary>
    ShareViolation = 19,
    /// <summary>No such thread.</summary>
    InvalidThread = 20,
    /// <summary>A process id was zero or out of range.</summary>
    InvalidPID = 21,
    /// <summary>An unknown error (wire value: all ones).</summary>
    UnknownError = 22,
    /// <summary>The caller is not allowed to do this.</summary>
    AccessDenied = 23,
    /// <summary>Something was used before it was initialised.</summary>
    UseBeforeInit = 24,
    /// <summary>Memory was freed twice.</summary>
    DoubleFree = 25,
    /// <summary>A debugger is attached.</summary>
    DebugInProgress = 26,
    /// <summary>The limit index or expected value is wrong.</summary>
    InvalidLimit = 27,
    /// <summary>Not found.</summary>
    NotFound = 28,
    /// <summary>Data was not encoded as required.</summary>
    InvalidCoding = 29,
    /// <summary>The hardware reported an error.</summary>
    HardwareError = 30,
    /// <summary>Serialisation failed.</summary>
    SerializationError = 31,
    /// <summary>An argument is not valid.</summary>
    InvalidArgument = 32,
    /// <summary>A network error.</summary>
    NetworkError = 33,
    /// <summary>A storage error.</summary>
    StorageError = 34,
    /// <summary>The resource is not available now.</summary>
    Unavailable = 35,
    /// <summary>Input could not be parsed.</summary>
    ParseError = 36,
    /// <summary>No such CPU core.</summary>
    InvalidCore = 37,
    /// <summary>A verification failed.</summary>
    VerificationError = 38,
    /// <summary>A security check failed.</summary>
    SecurityError = 39,
}
