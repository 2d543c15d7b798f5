namespace Xous.Names.Core;

/// <summary>
/// Outcome counters of <see cref="NamesCore"/> (the dispatcher counts requests per opcode; these count what the core
/// decided). Every count wraps modulo 2^32.
/// </summary>
public struct NamesStatistics
{
    /// <summary>Successful registrations.</summary>
    public uint Registrations { get; internal set; }

    /// <summary>Registrations refused because the name was taken (each owed <see cref="NamesCore.DuplicateRegistrationDelayMs"/>).</summary>
    public uint DuplicateRegistrations { get; internal set; }

    /// <summary>Requests refused for a bad name, a bad registration or a full table.</summary>
    public uint RejectedRequests { get; internal set; }

    /// <summary>Successful unregistrations.</summary>
    public uint Unregistrations { get; internal set; }

    /// <summary>Unregistrations refused with <see cref="Api.NamesStatus.NotOwner"/>.</summary>
    public uint NotOwnerRefusals { get; internal set; }

    /// <summary>Successful connections (including repeated connections of an already-counted process).</summary>
    public uint Connections { get; internal set; }

    /// <summary>Connections refused with <see cref="Api.NamesStatus.LimitReached"/> because the name's quota was used up.</summary>
    public uint LimitRefusals { get; internal set; }

    /// <summary>Connections the kernel refused for another reason than a missing server (reported as LimitReached).</summary>
    public uint KernelRefusals { get; internal set; }

    /// <summary>Registrations dropped because the kernel no longer knew their server.</summary>
    public uint StaleRegistrationsDropped { get; internal set; }

    /// <summary>Successful disconnects (token matched).</summary>
    public uint Disconnects { get; internal set; }

    /// <summary>Disconnects refused with <see cref="Api.NamesStatus.WrongToken"/>.</summary>
    public uint WrongTokens { get; internal set; }

    /// <summary>WaitForRegistration requests parked until the next registration.</summary>
    public uint WaitersParked { get; internal set; }

    /// <summary>WaitForRegistration requests answered at once because the waiter list was full.</summary>
    public uint WaitersOverflowed { get; internal set; }
}
