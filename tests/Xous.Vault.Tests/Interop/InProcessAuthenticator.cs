using System.Formats.Cbor;
using System.Security.Cryptography;
using Xous.Crypto;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Vault.Tests.Interop;

/// <summary>
/// Our <see cref="CtapAuthenticator"/> driven in-process, the way a platform drives it over CTAPHID_CBOR: a RAM store,
/// the OS random generator, a settable clock and a scripted user-presence answer.
/// </summary>
internal sealed class InProcessAuthenticator
{
    private readonly RamVaultStore _store;
    private readonly ManualClock _clock = new();
    private readonly RequestContext _context = new();
    private CtapAuthenticator _authenticator;

    public InProcessAuthenticator(RamVaultStore? store = null)
    {
        _store = store ?? new RamVaultStore();
        _authenticator = PowerUp();
    }

    /// <summary>The store (to power-cycle onto a new instance).</summary>
    public RamVaultStore Store => _store;

    /// <summary>What the next user-presence wait answers.</summary>
    public UserPresenceResult Presence
    {
        get => _context.Answer;
        set => _context.Answer = value;
    }

    /// <summary>Power cycle: a new authenticator over the same store.</summary>
    public void Restart() => _authenticator = PowerUp();

    /// <summary>Sends one CTAP2 command; returns the status byte and the CBOR body (empty when none).</summary>
    public (byte Status, byte[] Body) Send(byte command, byte[]? parameters = null)
    {
        byte[] request = new byte[1 + (parameters?.Length ?? 0)];
        request[0] = command;
        parameters?.CopyTo(request, 1);
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        int length = _authenticator.ProcessCbor(request, response, _context);
        Assert.InRange(length, 1, response.Length);
        return (response[0], response[1..length]);
    }

    /// <summary>Sends a command that must succeed; returns the CBOR body.</summary>
    public byte[] SendOk(byte command, byte[]? parameters = null)
    {
        (byte status, byte[] body) = Send(command, parameters);
        Assert.True(status == 0, $"CTAP command 0x{command:x2} failed with status 0x{status:x2}");
        return body;
    }

    private CtapAuthenticator PowerUp() =>
        new(new VaultEnvironment(_store, new SystemEntropy(), _clock, new NoPrompt(), TestAttestation.Material));

    private sealed class SystemEntropy : IEntropySource
    {
        public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
    }

    private sealed class ManualClock : IMonotonicClock
    {
        public long ElapsedMilliseconds { get; set; }
    }

    /// <summary>Never asked directly: the request context answers user presence in these tests.</summary>
    private sealed class NoPrompt : IUserPresence
    {
        public void Begin(in UserPresenceRequest request)
        {
        }

        public UserPresenceState Poll() => UserPresenceState.Approved;

        public void End()
        {
        }
    }

    private sealed class RequestContext : ICtapRequestContext
    {
        public UserPresenceResult Answer { get; set; } = UserPresenceResult.Approved;

        public uint Channel => 0x01020304;

        public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds) => Answer;

        public bool KeepAliveAndCheckCancel() => false;
    }
}

/// <summary>CTAP2 request and response CBOR, written and read in CTAP2 canonical form.</summary>
internal static class CtapCbor
{
    /// <summary>A CTAP2-canonical CBOR writer.</summary>
    public static CborWriter Writer() => new(CborConformanceMode.Ctap2Canonical, convertIndefiniteLengthEncodings: true);

    /// <summary>Reads a response map with integer keys into raw encoded values (the reader checks canonical form).</summary>
    public static Dictionary<int, byte[]> ReadIntegerMap(byte[] body)
    {
        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        var map = new Dictionary<int, byte[]>();
        int? count = reader.ReadStartMap();
        Assert.NotNull(count);
        for (int i = 0; i < count; i++)
        {
            int key = reader.ReadInt32();
            map[key] = reader.ReadEncodedValue().ToArray();
        }

        reader.ReadEndMap();
        Assert.Equal(0, reader.BytesRemaining);
        return map;
    }

    /// <summary>Decodes one encoded byte string.</summary>
    public static byte[] Bytes(byte[] encoded) => new CborReader(encoded, CborConformanceMode.Ctap2Canonical).ReadByteString();

    /// <summary>Decodes one encoded text string.</summary>
    public static string Text(byte[] encoded) => new CborReader(encoded, CborConformanceMode.Ctap2Canonical).ReadTextString();

    /// <summary>The value of a text key in an encoded map of text keys (null when absent).</summary>
    public static byte[]? TextKey(byte[] encodedMap, string name)
    {
        var reader = new CborReader(encodedMap, CborConformanceMode.Ctap2Canonical);
        int? count = reader.ReadStartMap();
        for (int i = 0; i < count; i++)
        {
            string key = reader.ReadTextString();
            byte[] value = reader.ReadEncodedValue().ToArray();
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The CTAP attestation object (integer keys 1 fmt, 2 authData, 3 attStmt) re-encoded with the WebAuthn string keys
    /// a relying party expects.
    /// </summary>
    public static byte[] AttestationObjectWithStringKeys(Dictionary<int, byte[]> response)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteEncodedValue(response[1]);
        writer.WriteTextString("attStmt");
        writer.WriteEncodedValue(response[3]);
        writer.WriteTextString("authData");
        writer.WriteEncodedValue(response[2]);
        writer.WriteEndMap();
        return writer.Encode();
    }
}
