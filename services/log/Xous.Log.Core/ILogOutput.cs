using System;

namespace Xous.Log.Core;

/// <summary>
/// Where <see cref="LogCore"/> writes: the console UART on the device, the terminal (or a file) in hosted mode, a list
/// in tests. The core's only dependency on the outside world; it has no clock (an output that wants timestamps adds
/// them).
/// </summary>
public interface ILogOutput
{
    /// <summary>
    /// Writes one line. <paramref name="utf8Line"/> is valid UTF-8 without a line terminator and without control
    /// characters other than tab (the core replaced anything else); it is only valid during the call.
    /// </summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="isError">
    /// True for error records, standard error, panics and reports of malformed input: an output with two streams
    /// (stdout/stderr) or colours should show it as an error.
    /// </param>
    void WriteLine(ReadOnlySpan<byte> utf8Line, bool isError);
}
