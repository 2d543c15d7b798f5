namespace Xous.Log.Core;

/// <summary>
/// Counters of <see cref="LogCore"/> (the dispatcher counts requests per opcode; these count what the core did).
/// Every count wraps modulo 2^32.
/// </summary>
public struct LogStatistics
{
    /// <summary>Records of level Error.</summary>
    public uint ErrorRecords { get; internal set; }

    /// <summary>Records of level Warn.</summary>
    public uint WarnRecords { get; internal set; }

    /// <summary>Records of level Info.</summary>
    public uint InfoRecords { get; internal set; }

    /// <summary>Records of level Debug.</summary>
    public uint DebugRecords { get; internal set; }

    /// <summary>Records of level Trace.</summary>
    public uint TraceRecords { get; internal set; }

    /// <summary>Records refused: unknown level, or a source or text length beyond its capacity.</summary>
    public uint MalformedRecords { get; internal set; }

    /// <summary>StandardOutput messages.</summary>
    public uint StandardOutputWrites { get; internal set; }

    /// <summary>StandardError messages.</summary>
    public uint StandardErrorWrites { get; internal set; }

    /// <summary>Partial output lines written before their end arrived (partial buffer full, or no buffer free).</summary>
    public uint PartialLinesFlushedEarly { get; internal set; }

    /// <summary>ProgramName messages refused because the name table was full.</summary>
    public uint ProgramNamesRefused { get; internal set; }

    /// <summary>Panic reports written (PanicFinished, or a process that ended mid-report).</summary>
    public uint Panics { get; internal set; }

    /// <summary>Panic reports whose text was lost because every panic buffer was in use.</summary>
    public uint PanicsLost { get; internal set; }

    /// <summary>Panic reports whose text exceeded the panic buffer and was cut.</summary>
    public uint PanicsTruncated { get; internal set; }

    /// <summary>Panic chunks from a process with no open report (ignored).</summary>
    public uint StrayPanicChunks { get; internal set; }

    /// <summary>Lines written to the output.</summary>
    public uint LinesWritten { get; internal set; }
}
