using System.Buffers.Binary;

namespace Xous.Vault.Host.Transports;

/// <summary>
/// The Linux uhid character-device protocol (include/uapi/linux/uhid.h), as far as a FIDO HID device needs it:
/// event types, the packed layout of <c>struct uhid_event</c> and the encoders/decoders for the events we send and
/// read. All multi-byte fields are host-endian (little-endian on every platform .NET runs Linux on). Sizes and
/// offsets are listed in docs/ctaphid.md.
/// </summary>
public static class UhidProtocol
{
    /// <summary><c>sizeof(struct uhid_event)</c> on 64-bit Linux: u32 type + the union (largest member
    /// <c>uhid_create2_req</c>, 4372 bytes, rounded up to 4376 by the u64 in <c>uhid_start_req</c>).</summary>
    public const int EventSize = 4380;

    /// <summary><c>UHID_DATA_MAX</c> and <c>HID_MAX_DESCRIPTOR_SIZE</c>.</summary>
    public const int DataMax = 4096;

    /// <summary>UHID_DESTROY (user → kernel).</summary>
    public const uint Destroy = 1;

    /// <summary>UHID_START (kernel → user): u64 dev_flags.</summary>
    public const uint Start = 2;

    /// <summary>UHID_STOP (kernel → user).</summary>
    public const uint Stop = 3;

    /// <summary>UHID_OPEN (kernel → user): a reader opened the hidraw node.</summary>
    public const uint Open = 4;

    /// <summary>UHID_CLOSE (kernel → user): the last reader closed it.</summary>
    public const uint Close = 5;

    /// <summary>UHID_OUTPUT (kernel → user): an output report from the host.</summary>
    public const uint Output = 6;

    /// <summary>UHID_GET_REPORT (kernel → user): must be answered with <see cref="GetReportReply"/>.</summary>
    public const uint GetReport = 9;

    /// <summary>UHID_GET_REPORT_REPLY (user → kernel).</summary>
    public const uint GetReportReply = 10;

    /// <summary>UHID_CREATE2 (user → kernel): create the device with an inline report descriptor.</summary>
    public const uint Create2 = 11;

    /// <summary>UHID_INPUT2 (user → kernel): one input report to the host.</summary>
    public const uint Input2 = 12;

    /// <summary>UHID_SET_REPORT (kernel → user): must be answered with <see cref="SetReportReply"/>.</summary>
    public const uint SetReport = 13;

    /// <summary>UHID_SET_REPORT_REPLY (user → kernel).</summary>
    public const uint SetReportReply = 14;

    /// <summary>UHID_OUTPUT_REPORT, the <c>rtype</c> of an interrupt-OUT write.</summary>
    public const byte OutputReportType = 1;

    /// <summary>BUS_USB (linux/input.h).</summary>
    public const ushort BusUsb = 0x03;

    /// <summary>EIO, the error we answer GET_REPORT/SET_REPORT with (FIDO uses no feature reports).</summary>
    public const ushort ErrorIo = 5;

    // Offsets in the event (type at 0, union at 4).
    internal const int Create2Name = 4;
    internal const int Create2NameSize = 128;
    internal const int Create2Phys = 132;
    internal const int Create2PhysSize = 64;
    internal const int Create2Uniq = 196;
    internal const int Create2UniqSize = 64;
    internal const int Create2DescriptorSize = 260;
    internal const int Create2Bus = 262;
    internal const int Create2Vendor = 264;
    internal const int Create2Product = 268;
    internal const int Create2Version = 272;
    internal const int Create2Country = 276;
    internal const int Create2Descriptor = 280;
    internal const int StartFlags = 4;
    internal const int Input2Size = 4;
    internal const int Input2Data = 6;
    internal const int OutputData = 4;
    internal const int OutputSize = 4100;
    internal const int OutputReportTypeOffset = 4102;
    internal const int RequestId = 4;
    internal const int GetReportReplyError = 8;
    internal const int GetReportReplySize = 10;
    internal const int SetReportReplyError = 8;

    /// <summary>
    /// The FIDO HID report descriptor of the Precursor (xous-platform.md §4.8): usage page 0xF1D0, usage 1, one
    /// application collection with a 64-byte input report (usage 0x20) and a 64-byte output report (usage 0x21),
    /// no report IDs.
    /// </summary>
    public static ReadOnlySpan<byte> FidoReportDescriptor =>
    [
        0x06, 0xD0, 0xF1, // Usage Page (FIDO Alliance)
        0x09, 0x01, // Usage (U2F authenticator device)
        0xA1, 0x01, // Collection (Application)
        0x09, 0x20, // Usage (Input report data)
        0x15, 0x00, // Logical Minimum (0)
        0x26, 0xFF, 0x00, // Logical Maximum (255)
        0x75, 0x08, // Report Size (8)
        0x95, 0x40, // Report Count (64)
        0x81, 0x02, // Input (Data, Variable, Absolute)
        0x09, 0x21, // Usage (Output report data)
        0x15, 0x00, // Logical Minimum (0)
        0x26, 0xFF, 0x00, // Logical Maximum (255)
        0x75, 0x08, // Report Size (8)
        0x95, 0x40, // Report Count (64)
        0x91, 0x02, // Output (Data, Variable, Absolute)
        0xC0, // End Collection
    ];

    /// <summary>Writes a UHID_CREATE2 event for <paramref name="identity"/> into <paramref name="destination"/> (<see cref="EventSize"/> bytes).</summary>
    public static void WriteCreate2(Span<byte> destination, UhidDeviceIdentity identity, ReadOnlySpan<byte> descriptor)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (descriptor.Length > DataMax)
        {
            throw new ArgumentException("A report descriptor holds at most 4096 bytes.", nameof(descriptor));
        }
        Span<byte> ev = destination.Slice(0, EventSize);
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Create2);
        WriteString(ev.Slice(Create2Name, Create2NameSize), identity.Name);
        WriteString(ev.Slice(Create2Phys, Create2PhysSize), identity.Physical);
        WriteString(ev.Slice(Create2Uniq, Create2UniqSize), identity.Unique);
        BinaryPrimitives.WriteUInt16LittleEndian(ev.Slice(Create2DescriptorSize), (ushort)descriptor.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(ev.Slice(Create2Bus), identity.Bus);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.Slice(Create2Vendor), identity.Vendor);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.Slice(Create2Product), identity.Product);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.Slice(Create2Version), identity.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.Slice(Create2Country), identity.Country);
        descriptor.CopyTo(ev.Slice(Create2Descriptor));
    }

    /// <summary>Writes a UHID_INPUT2 event carrying <paramref name="report"/> (at most 4096 bytes).</summary>
    public static void WriteInput2(Span<byte> destination, ReadOnlySpan<byte> report)
    {
        if (report.Length > DataMax)
        {
            throw new ArgumentException("An input report holds at most 4096 bytes.", nameof(report));
        }
        Span<byte> ev = destination.Slice(0, EventSize);
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, Input2);
        BinaryPrimitives.WriteUInt16LittleEndian(ev.Slice(Input2Size), (ushort)report.Length);
        report.CopyTo(ev.Slice(Input2Data));
    }

    /// <summary>Writes an event that carries only its type (UHID_DESTROY).</summary>
    public static void WriteTypeOnly(Span<byte> destination, uint type)
    {
        Span<byte> ev = destination.Slice(0, EventSize);
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, type);
    }

    /// <summary>Writes the refusal of a GET_REPORT or SET_REPORT request (<paramref name="replyType"/>) with EIO.</summary>
    public static void WriteReportRefusal(Span<byte> destination, uint replyType, uint requestId)
    {
        Span<byte> ev = destination.Slice(0, EventSize);
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, replyType);
        BinaryPrimitives.WriteUInt32LittleEndian(ev.Slice(RequestId), requestId);
        // GET_REPORT_REPLY and SET_REPORT_REPLY both carry err right after id.
        BinaryPrimitives.WriteUInt16LittleEndian(ev.Slice(GetReportReplyError), ErrorIo);
    }

    /// <summary>
    /// Extracts the FIDO report from a UHID_OUTPUT event. hidraw hands the kernel the buffer with its leading
    /// report-number byte, which is 0 for a descriptor without report IDs, so a 65-byte output starting with 0 is
    /// that byte plus the report; a bare 64-byte output is accepted too.
    /// </summary>
    /// <returns>False when the event is not a 64-byte output report.</returns>
    public static bool TryReadOutputReport(ReadOnlySpan<byte> ev, Span<byte> report)
    {
        if (ev.Length < OutputReportTypeOffset + 1)
        {
            return false;
        }
        int size = BinaryPrimitives.ReadUInt16LittleEndian(ev.Slice(OutputSize));
        byte reportType = ev[OutputReportTypeOffset];
        if (reportType != OutputReportType)
        {
            return false;
        }
        const int Report = Xous.Vault.Hid.IHidReportPort.ReportSize;
        if (size == Report + 1 && ev[OutputData] == 0)
        {
            ev.Slice(OutputData + 1, Report).CopyTo(report);
            return true;
        }
        if (size == Report)
        {
            ev.Slice(OutputData, Report).CopyTo(report);
            return true;
        }
        return false;
    }

    private static void WriteString(Span<byte> field, string value)
    {
        // NUL-terminated, truncated to the field; non-ASCII characters become '?' (the names are ours and ASCII).
        field.Clear();
        int length = Math.Min(value.Length, field.Length - 1);
        for (int i = 0; i < length; i++)
        {
            char c = value[i];
            field[i] = c is >= ' ' and <= '~' ? (byte)c : (byte)'?';
        }
    }
}

/// <summary>The identity a uhid device is created with (UHID_CREATE2).</summary>
public sealed class UhidDeviceIdentity
{
    /// <summary>Device name ("Xous Precursor FIDO").</summary>
    public string Name { get; init; } = "Xous Precursor FIDO";

    /// <summary>Physical path string.</summary>
    public string Physical { get; init; } = "xous-vault/uhid";

    /// <summary>Unique id (serial) string.</summary>
    public string Unique { get; init; } = "xous-vault";

    /// <summary>Bus type (BUS_USB, so hidraw users that filter by bus see it).</summary>
    public ushort Bus { get; init; } = UhidProtocol.BusUsb;

    /// <summary>USB vendor id (0x1209, pid.codes, as the Precursor).</summary>
    public uint Vendor { get; init; } = 0x1209;

    /// <summary>USB product id (0x3613, the Precursor).</summary>
    public uint Product { get; init; } = 0x3613;

    /// <summary>Device version (BCD-style).</summary>
    public uint Version { get; init; } = 0x0100;

    /// <summary>HID country code (0: not localised).</summary>
    public uint Country { get; init; }
}
