using Xous.Cbor;
using Xous.Vault.Hid;

namespace Xous.Vault.Fuzz;

/// <summary>
/// The fuzz targets. Each runs one input against a freshly powered-up authenticator (<see cref="FuzzSession"/>). A
/// finding is any exception that escapes the authenticator or the CTAPHID layer (they must turn bad input into status
/// codes), a broken response rule (<see cref="FuzzOracleException"/>), or more than <see cref="AllocationBound"/> bytes
/// allocated for one input. Hangs are the fuzzer's time-out.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>Bytes one input may make the code under test allocate.</summary>
    public const long AllocationBound = 4L * 1024 * 1024;

    /// <summary>Reports one ctaphid input is cut into, at most (longer inputs are cut short).</summary>
    public const int MaxReports = 256;

    /// <summary>The target names, as the command line and tests/fuzz use them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ctaphid", "cbor", "cbor-structured", "apdu"];

    /// <summary>Runs <paramref name="input"/> through <paramref name="target"/>.</summary>
    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "ctaphid":
                Ctaphid(input);
                break;
            case "cbor":
                Cbor(input);
                break;
            case "cbor-structured":
                StructuredCbor(input);
                break;
            case "apdu":
                Apdu(input);
                break;
            default:
                throw new ArgumentException("Unknown target " + target + ".", nameof(target));
        }
    }

    /// <summary>The input cut into 64-byte reports (the last one zero-padded) for the CTAPHID layer; replies dropped.</summary>
    private static void Ctaphid(ReadOnlySpan<byte> input)
    {
        FuzzSession session = FuzzSession.Create();
        var port = new MemoryHidPort(session.Clock);
        CtapHidServer server = session.CreateHidServer(port);
        int reports = 0;
        for (int offset = 0; offset < input.Length && reports < MaxReports; offset += IHidReportPort.ReportSize, reports++)
        {
            port.Enqueue(input[offset..Math.Min(offset + IHidReportPort.ReportSize, input.Length)]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int calls = 0;
        while (port.Pending > 0)
        {
            session.Clock.Advance(1);
            server.ProcessOne(0);
            if (++calls > (4 * reports) + 16)
            {
                throw new FuzzOracleException("ProcessOne does not take the queued reports.");
            }
        }

        // Let the timers run out: a stalled multi-packet request must end in MSG_TIMEOUT, not in an exception.
        for (int tick = 0; tick < 3; tick++)
        {
            session.Clock.Advance(AuthenticatorLimits.TransactionTimeoutMilliseconds + 100);
            server.ProcessOne(0);
        }

        CheckAllocation(before);
    }

    /// <summary>One CTAPHID_CBOR payload (command byte and parameters) straight to the authenticator.</summary>
    private static void Cbor(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return; // The transport answers an empty CBOR payload itself (INVALID_LEN).
        }

        FuzzSession session = FuzzSession.Create();
        ProcessCborChecked(session, input[..Math.Min(input.Length, AuthenticatorLimits.MaxMessageSize)]);
    }

    /// <summary>
    /// A valid-looking request mutated: the first byte picks a template (<see cref="Seeds.CborTemplates"/>: the command
    /// byte and a well-formed parameter map), the rest is a list of 4-byte edits (operation, position 16-bit little
    /// endian, value) applied to the map: overwrite, insert, delete, flip a bit.
    /// </summary>
    private static void StructuredCbor(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        IReadOnlyList<byte[]> templates = Seeds.CborTemplates;
        var request = new List<byte>(templates[input[0] % templates.Count]);
        for (int at = 1; at + 4 <= input.Length && at < 1 + (64 * 4); at += 4)
        {
            int position = input[at + 1] | (input[at + 2] << 8);
            byte value = input[at + 3];
            switch (input[at] % 4)
            {
                case 0 when request.Count > 1:
                    request[1 + (position % (request.Count - 1))] = value;
                    break;
                case 1 when request.Count < AuthenticatorLimits.MaxMessageSize:
                    request.Insert(1 + (position % request.Count), value);
                    break;
                case 2 when request.Count > 1:
                    request.RemoveAt(1 + (position % (request.Count - 1)));
                    break;
                case 3 when request.Count > 1:
                    request[1 + (position % (request.Count - 1))] ^= (byte)(1 << (value % 8));
                    break;
                default:
                    break;
            }
        }

        FuzzSession session = FuzzSession.Create();
        ProcessCborChecked(session, request.ToArray());
    }

    /// <summary>One CTAPHID_MSG payload (a U2F APDU) straight to the authenticator.</summary>
    private static void Apdu(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return; // The transport answers an empty MSG payload itself (INVALID_LEN).
        }

        FuzzSession session = FuzzSession.Create();
        var context = new DirectRequestContext(session.UserPresence);
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        long before = GC.GetAllocatedBytesForCurrentThread();
        int length = session.Authenticator.ProcessApdu(input[..Math.Min(input.Length, AuthenticatorLimits.MaxMessageSize)], response, context);
        CheckAllocation(before);
        if (length < 2 || length > response.Length)
        {
            throw new FuzzOracleException($"ProcessApdu returned the length {length}; a response has 2 to {response.Length} bytes.");
        }
    }

    /// <summary>ProcessCbor with the response rules: 1 to MaxMessageSize bytes, and a success body in canonical CBOR.</summary>
    private static void ProcessCborChecked(FuzzSession session, ReadOnlySpan<byte> request)
    {
        var context = new DirectRequestContext(session.UserPresence);
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        long before = GC.GetAllocatedBytesForCurrentThread();
        int length = session.Authenticator.ProcessCbor(request, response, context);
        CheckAllocation(before);
        if (length < 1 || length > response.Length)
        {
            throw new FuzzOracleException($"ProcessCbor returned the length {length}; a response has 1 to {response.Length} bytes.");
        }

        if (response[0] == 0 && length > 1)
        {
            try
            {
                CborReader.Validate(response.AsSpan(1, length - 1));
            }
            catch (CborException e)
            {
                throw new FuzzOracleException($"A successful response (command 0x{request[0]:X2}) is not canonical CBOR: {e.Error} at {e.Offset}.");
            }
        }
    }

    private static void CheckAllocation(long before)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationBound)
        {
            throw new FuzzOracleException($"One input allocated {allocated:N0} bytes (bound {AllocationBound:N0}).");
        }
    }
}
