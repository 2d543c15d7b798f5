using System;

namespace Xous.Hal.Simulation;

/// <summary>
/// Thrown by <see cref="SimulatedFlash"/> when an injected power cut interrupts an erase or a program, and by every
/// later <c>Read</c>, <c>Erase</c> or <c>Program</c> until <see cref="SimulatedFlash.PowerOn"/>.
/// </summary>
public sealed class PowerLossException : Exception
{
    /// <summary>Creates the exception for the cut operation whose 0-based index is <paramref name="operationIndex"/>.</summary>
    public PowerLossException(long operationIndex, string message)
        : base(message)
    {
        OperationIndex = operationIndex;
    }

    /// <summary>
    /// The 0-based index (in <see cref="SimulatedFlash.OperationCount"/> terms) of the erase or program the cut
    /// interrupted.
    /// </summary>
    public long OperationIndex { get; }
}
