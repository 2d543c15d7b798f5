using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Hid;

namespace Xous.Vault.Fuzz;

/// <summary>
/// Real requests as fuzzing seeds (the <c>seeds</c> command writes them under tests/fuzz/seeds/TARGET/), and the
/// request templates of the structure-aware CBOR target. Credential IDs, U2F key handles and the CTAPHID channel
/// are learnt by running the requests once against a session like the fuzzer's, so the seeds reach past the
/// "unknown credential" and "unknown channel" checks.
/// </summary>
internal static class Seeds
{
    private const string RelyingParty = "example.com";

    private static IReadOnlyList<byte[]>? s_templates;

    /// <summary>The templates of the structure-aware target: a command byte and a well-formed parameter map each.</summary>
    public static IReadOnlyList<byte[]> CborTemplates => s_templates ??= [.. CborRequests(FallbackCredentialId()).Select(request => request.Bytes)];

    /// <summary>makeCredential (0x01): ES256, non-resident, rp example.com, no extensions.</summary>
    public static byte[] MakeCredentialRequest() => Named(CborRequests(FallbackCredentialId()), "make-credential");

    /// <summary>getAssertion (0x02) for example.com with <paramref name="credentialId"/> in the allow list and up=true.</summary>
    public static byte[] GetAssertionRequest(byte[] credentialId) => Named(CborRequests(credentialId), "get-assertion");

    /// <summary>The credential ID in a successful makeCredential response body (the CBOR map after the status byte), or null.</summary>
    public static byte[]? CredentialIdOf(ReadOnlySpan<byte> body)
    {
        var reader = new CborReader(body);
        int pairs = reader.ReadStartMap();
        for (int pair = 0; pair < pairs; pair++)
        {
            if (reader.ReadUInt32() != 2)
            {
                reader.SkipValue();
                continue;
            }

            ReadOnlySpan<byte> authenticatorData = reader.ReadByteString();
            if (authenticatorData.Length < 55)
            {
                return null;
            }

            int idLength = (authenticatorData[53] << 8) | authenticatorData[54];
            return authenticatorData.Length < 55 + idLength ? null : authenticatorData.Slice(55, idLength).ToArray();
        }

        return null;
    }

    /// <summary>Writes every seed under <paramref name="directory"/>/TARGET/NAME; returns how many.</summary>
    public static int Write(string directory)
    {
        byte[] credentialId = LearnCredentialId(out string? credentialProblem) ?? FallbackCredentialId();
        byte[] keyHandle = LearnKeyHandle(out string? keyHandleProblem) ?? FallbackCredentialId();
        uint channel = LearnChannel(out string? channelProblem) ?? 0x00000001;
        foreach (string? problem in new[] { credentialProblem, keyHandleProblem, channelProblem })
        {
            if (problem is not null)
            {
                Console.Error.WriteLine("seeds: " + problem + " (a stand-in is used)");
            }
        }

        int count = 0;
        void Save(string target, string name, byte[] bytes)
        {
            string folder = Path.Combine(directory, target);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            count++;
        }

        IReadOnlyList<(string Name, byte[] Bytes)> cbor = CborRequests(credentialId);
        for (int index = 0; index < cbor.Count; index++)
        {
            Save("cbor", cbor[index].Name, cbor[index].Bytes);
            // The structure-aware target: the template's index alone, then one edit (overwrite the first map byte with itself).
            Save("cbor-structured", cbor[index].Name, [(byte)index]);
            Save("cbor-structured", cbor[index].Name + "-edit", [(byte)index, 0, 0, 0, cbor[index].Bytes.Length > 1 ? cbor[index].Bytes[1] : (byte)0]);
        }

        foreach ((string name, byte[] bytes) in Apdus(keyHandle))
        {
            Save("apdu", name, bytes);
        }

        foreach ((string name, byte[] bytes) in HidStreams(channel, cbor))
        {
            Save("ctaphid", name, bytes);
        }

        return count;
    }

    /// <summary>CTAP2 requests: the command byte and its CBOR parameters.</summary>
    private static IReadOnlyList<(string Name, byte[] Bytes)> CborRequests(byte[] credentialId)
    {
        byte[] clientDataHash = Filled(32, 0xC1);
        byte[] userId = Filled(16, 0x75);
        byte[] pinUvAuthParam = Filled(32, 0xA5);
        return
        [
            ("get-info", [0x04]),
            ("make-credential", Request(0x01, (ref CborWriter w) =>
            {
                w.WriteStartMap(4);
                w.WriteUInt64(1);
                w.WriteByteString(clientDataHash);
                w.WriteUInt64(2);
                RelyingPartyEntity(ref w);
                w.WriteUInt64(3);
                UserEntity(ref w, userId);
                w.WriteUInt64(4);
                Es256Parameters(ref w);
                w.WriteEndMap();
            })),
            ("make-credential-rk-extensions", Request(0x01, (ref CborWriter w) =>
            {
                w.WriteStartMap(7);
                w.WriteUInt64(1);
                w.WriteByteString(clientDataHash);
                w.WriteUInt64(2);
                RelyingPartyEntity(ref w);
                w.WriteUInt64(3);
                UserEntity(ref w, userId);
                w.WriteUInt64(4);
                Es256Parameters(ref w);
                w.WriteUInt64(5);
                w.WriteStartArray(1);
                Descriptor(ref w, Filled(16, 0xEE));
                w.WriteEndArray();
                w.WriteUInt64(6);
                w.WriteStartMap(4);
                w.WriteTextString("credBlob");
                w.WriteByteString(Filled(8, 0xB1));
                w.WriteTextString("credProtect");
                w.WriteUInt64(2);
                w.WriteTextString("hmac-secret");
                w.WriteBoolean(true);
                w.WriteTextString("largeBlobKey");
                w.WriteBoolean(true);
                w.WriteEndMap();
                w.WriteUInt64(7);
                w.WriteStartMap(1);
                w.WriteTextString("rk");
                w.WriteBoolean(true);
                w.WriteEndMap();
                w.WriteEndMap();
            })),
            ("make-credential-pin-probe", Request(0x01, (ref CborWriter w) =>
            {
                w.WriteStartMap(6);
                w.WriteUInt64(1);
                w.WriteByteString(clientDataHash);
                w.WriteUInt64(2);
                RelyingPartyEntity(ref w);
                w.WriteUInt64(3);
                UserEntity(ref w, userId);
                w.WriteUInt64(4);
                Es256Parameters(ref w);
                w.WriteUInt64(8);
                w.WriteByteString([]);
                w.WriteUInt64(9);
                w.WriteUInt64(2);
                w.WriteEndMap();
            })),
            ("get-assertion", Request(0x02, (ref CborWriter w) =>
            {
                w.WriteStartMap(4);
                w.WriteUInt64(1);
                w.WriteTextString(RelyingParty);
                w.WriteUInt64(2);
                w.WriteByteString(clientDataHash);
                w.WriteUInt64(3);
                w.WriteStartArray(1);
                Descriptor(ref w, credentialId);
                w.WriteEndArray();
                w.WriteUInt64(5);
                w.WriteStartMap(1);
                w.WriteTextString("up");
                w.WriteBoolean(true);
                w.WriteEndMap();
                w.WriteEndMap();
            })),
            ("get-assertion-discoverable", Request(0x02, (ref CborWriter w) =>
            {
                w.WriteStartMap(2);
                w.WriteUInt64(1);
                w.WriteTextString(RelyingParty);
                w.WriteUInt64(2);
                w.WriteByteString(clientDataHash);
                w.WriteEndMap();
            })),
            ("get-next-assertion", [0x08]),
            ("client-pin-get-retries", Request(0x06, (ref CborWriter w) => SmallMap(ref w, 2, 1))),
            ("client-pin-get-key-agreement", Request(0x06, (ref CborWriter w) => SmallMap(ref w, 2, 2))),
            ("client-pin-get-key-agreement-v1", Request(0x06, (ref CborWriter w) => SmallMap(ref w, 1, 2))),
            ("client-pin-set-pin", Request(0x06, (ref CborWriter w) =>
            {
                w.WriteStartMap(5);
                w.WriteUInt64(1);
                w.WriteUInt64(2);
                w.WriteUInt64(2);
                w.WriteUInt64(3);
                w.WriteUInt64(3);
                PlatformKey(ref w);
                w.WriteUInt64(4);
                w.WriteByteString(pinUvAuthParam);
                w.WriteUInt64(5);
                w.WriteByteString(Filled(80, 0x50));
                w.WriteEndMap();
            })),
            ("client-pin-get-token-with-permissions", Request(0x06, (ref CborWriter w) =>
            {
                w.WriteStartMap(6);
                w.WriteUInt64(1);
                w.WriteUInt64(2);
                w.WriteUInt64(2);
                w.WriteUInt64(9);
                w.WriteUInt64(3);
                PlatformKey(ref w);
                w.WriteUInt64(6);
                w.WriteByteString(Filled(32, 0x68));
                w.WriteUInt64(9);
                w.WriteUInt64(3);
                w.WriteUInt64(10);
                w.WriteTextString(RelyingParty);
                w.WriteEndMap();
            })),
            ("reset", [0x07]),
            ("credential-management-metadata", Request(0x0A, (ref CborWriter w) =>
            {
                w.WriteStartMap(3);
                w.WriteUInt64(1);
                w.WriteUInt64(1);
                w.WriteUInt64(3);
                w.WriteUInt64(2);
                w.WriteUInt64(4);
                w.WriteByteString(pinUvAuthParam);
                w.WriteEndMap();
            })),
            ("credential-management-enumerate-credentials", Request(0x0A, (ref CborWriter w) =>
            {
                byte[] rpIdHash = new byte[32];
                Sha256.Hash("example.com"u8, rpIdHash);
                w.WriteStartMap(4);
                w.WriteUInt64(1);
                w.WriteUInt64(4);
                w.WriteUInt64(2);
                w.WriteStartMap(1);
                w.WriteUInt64(1);
                w.WriteByteString(rpIdHash);
                w.WriteEndMap();
                w.WriteUInt64(3);
                w.WriteUInt64(2);
                w.WriteUInt64(4);
                w.WriteByteString(pinUvAuthParam);
                w.WriteEndMap();
            })),
            ("large-blobs-get", Request(0x0C, (ref CborWriter w) => SmallMap(ref w, 1024, 0, firstKey: 1, secondKey: 3))),
            ("selection", [0x0B]),
            ("config-toggle-always-uv", Request(0x0D, (ref CborWriter w) =>
            {
                w.WriteStartMap(3);
                w.WriteUInt64(1);
                w.WriteUInt64(2);
                w.WriteUInt64(3);
                w.WriteUInt64(2);
                w.WriteUInt64(4);
                w.WriteByteString(pinUvAuthParam);
                w.WriteEndMap();
            })),
        ];
    }

    /// <summary>U2F APDUs: VERSION (short and extended), REGISTER, AUTHENTICATE (all three modes) and bad CLA/INS.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Apdus(byte[] keyHandle)
    {
        byte[] challenge = Filled(32, 0xC4);
        byte[] application = new byte[32];
        Sha256.Hash("example.com"u8, application);
        yield return ("version-short", [0x00, 0x03, 0x00, 0x00, 0x00]);
        yield return ("version-extended", [0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00]);
        yield return ("register-extended", [0x00, 0x01, 0x03, 0x00, 0x00, 0x00, 0x40, .. challenge, .. application, 0x00, 0x00]);
        yield return ("register-short", [0x00, 0x01, 0x03, 0x00, 0x40, .. challenge, .. application, 0x00]);
        foreach ((string mode, byte p1) in new[] { ("enforce", (byte)0x03), ("check-only", (byte)0x07), ("dont-enforce", (byte)0x08) })
        {
            int length = 65 + keyHandle.Length;
            yield return ("authenticate-" + mode, [0x00, 0x02, p1, 0x00, 0x00, (byte)(length >> 8), (byte)length, .. challenge, .. application, (byte)keyHandle.Length, .. keyHandle, 0x00, 0x00]);
        }

        yield return ("bad-class", [0x80, 0x03, 0x00, 0x00, 0x00]);
        yield return ("bad-instruction", [0x00, 0x99, 0x00, 0x00, 0x00]);
    }

    /// <summary>CTAPHID report streams: INIT on the broadcast channel, then commands on the channel it hands out.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> HidStreams(uint channel, IReadOnlyList<(string Name, byte[] Bytes)> cbor)
    {
        byte[] init = Frame(0xFFFFFFFF, 0x86, Filled(8, 0x11));
        yield return ("init", init);
        yield return ("init-ping", [.. init, .. Frame(channel, 0x81, Filled(8, 0x70))]);
        yield return ("init-ping-long", [.. init, .. Frame(channel, 0x81, Filled(200, 0x71))]);
        yield return ("init-wink", [.. init, .. Frame(channel, 0x88, [])]);
        yield return ("init-lock", [.. init, .. Frame(channel, 0x84, [1])]);
        yield return ("init-cancel", [.. init, .. Frame(channel, 0x91, [])]);
        yield return ("init-resync", [.. init, .. Frame(channel, 0x86, Filled(8, 0x12))]);
        yield return ("init-msg-version", [.. init, .. Frame(channel, 0x83, [0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00])]);
        yield return ("init-bad-command", [.. init, .. Frame(channel, 0xE6, [])]);
        yield return ("init-stalled-continuation", [.. init, .. Frame(channel, 0x81, Filled(200, 0x72))[..128]]);
        foreach ((string name, byte[] bytes) in cbor)
        {
            if (name is "get-info" or "make-credential" or "get-assertion" or "client-pin-get-key-agreement")
            {
                yield return ("init-cbor-" + name, [.. init, .. Frame(channel, 0x90, bytes)]);
            }
        }
    }

    /// <summary>One CTAPHID message as 64-byte reports: an init packet and as many continuation packets as needed.</summary>
    public static byte[] Frame(uint channel, byte command, ReadOnlySpan<byte> payload)
    {
        var reports = new List<byte>();
        byte[] report = new byte[IHidReportPort.ReportSize];
        WriteChannel(report, channel);
        report[4] = command;
        report[5] = (byte)(payload.Length >> 8);
        report[6] = (byte)payload.Length;
        int taken = Math.Min(payload.Length, 57);
        payload[..taken].CopyTo(report.AsSpan(7));
        reports.AddRange(report);
        for (byte sequence = 0; taken < payload.Length; sequence++)
        {
            Array.Clear(report);
            WriteChannel(report, channel);
            report[4] = sequence;
            int chunk = Math.Min(payload.Length - taken, 59);
            payload.Slice(taken, chunk).CopyTo(report.AsSpan(5));
            taken += chunk;
            reports.AddRange(report);
        }

        return [.. reports];
    }

    private static void WriteChannel(byte[] report, uint channel)
    {
        report[0] = (byte)(channel >> 24);
        report[1] = (byte)(channel >> 16);
        report[2] = (byte)(channel >> 8);
        report[3] = (byte)channel;
    }

    /// <summary>The credential ID of a non-resident makeCredential in a fresh session, or null (with why).</summary>
    private static byte[]? LearnCredentialId(out string? problem)
    {
        try
        {
            FuzzSession session = FuzzSession.Create();
            byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
            byte[] request = MakeCredentialRequest();
            int length = session.Authenticator.ProcessCbor(request, response, new DirectRequestContext(session.UserPresence));
            if (length < 2 || response[0] != 0)
            {
                problem = "makeCredential answered status 0x" + response[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
                return null;
            }

            byte[]? id = CredentialIdOf(response.AsSpan(1, length - 1));
            problem = id is null ? "makeCredential returned no credential ID" : null;
            return id;
        }
        catch (NotImplementedException)
        {
            problem = "the authenticator is not implemented yet";
            return null;
        }
    }

    /// <summary>The key handle of a U2F REGISTER in a fresh session, or null (with why).</summary>
    private static byte[]? LearnKeyHandle(out string? problem)
    {
        try
        {
            FuzzSession session = FuzzSession.Create();
            byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
            byte[] register = Apdus(FallbackCredentialId()).First(apdu => apdu.Name == "register-extended").Bytes;
            int length = session.Authenticator.ProcessApdu(register, response, new DirectRequestContext(session.UserPresence));
            if (length < 67 + 2 || response[length - 2] != 0x90 || response[0] != 0x05)
            {
                problem = "U2F REGISTER did not succeed";
                return null;
            }

            problem = null;
            return response.AsSpan(67, response[66]).ToArray();
        }
        catch (NotImplementedException)
        {
            problem = "U2F is not implemented yet";
            return null;
        }
    }

    /// <summary>The channel the CTAPHID layer hands out to the first INIT, or null (with why).</summary>
    private static uint? LearnChannel(out string? problem)
    {
        try
        {
            FuzzSession session = FuzzSession.Create();
            var replies = new List<byte[]>();
            var port = new MemoryHidPort(session.Clock, replies);
            CtapHidServer server = session.CreateHidServer(port);
            port.Enqueue(Frame(0xFFFFFFFF, 0x86, Filled(8, 0x11)));
            server.ProcessOne(0);
            foreach (byte[] reply in replies)
            {
                if (reply[4] == 0x86 && reply.AsSpan(7, 8).SequenceEqual(Filled(8, 0x11)))
                {
                    problem = null;
                    return ((uint)reply[15] << 24) | ((uint)reply[16] << 16) | ((uint)reply[17] << 8) | reply[18];
                }
            }

            problem = "INIT got no reply";
            return null;
        }
        catch (NotImplementedException)
        {
            problem = "CTAPHID is not implemented yet";
            return null;
        }
    }

    private static byte[] Named(IReadOnlyList<(string Name, byte[] Bytes)> requests, string name) => requests.First(request => request.Name == name).Bytes;

    private delegate void Body(ref CborWriter writer);

    private static byte[] Request(byte command, Body body)
    {
        byte[] buffer = new byte[2048];
        buffer[0] = command;
        var writer = new CborWriter(buffer.AsSpan(1));
        body(ref writer);
        return buffer.AsSpan(0, 1 + writer.BytesWritten).ToArray();
    }

    private static void SmallMap(ref CborWriter w, ulong first, ulong second, ulong firstKey = 1, ulong secondKey = 2)
    {
        w.WriteStartMap(2);
        w.WriteUInt64(firstKey);
        w.WriteUInt64(first);
        w.WriteUInt64(secondKey);
        w.WriteUInt64(second);
        w.WriteEndMap();
    }

    private static void RelyingPartyEntity(ref CborWriter w)
    {
        w.WriteStartMap(2);
        w.WriteTextString("id");
        w.WriteTextString(RelyingParty);
        w.WriteTextString("name");
        w.WriteTextString("Example");
        w.WriteEndMap();
    }

    private static void UserEntity(ref CborWriter w, byte[] userId)
    {
        w.WriteStartMap(3);
        w.WriteTextString("id");
        w.WriteByteString(userId);
        w.WriteTextString("name");
        w.WriteTextString("alice");
        w.WriteTextString("displayName");
        w.WriteTextString("Alice");
        w.WriteEndMap();
    }

    private static void Es256Parameters(ref CborWriter w)
    {
        w.WriteStartArray(1);
        w.WriteStartMap(2);
        w.WriteTextString("alg");
        w.WriteInt64(-7);
        w.WriteTextString("type");
        w.WriteTextString("public-key");
        w.WriteEndMap();
        w.WriteEndArray();
    }

    private static void Descriptor(ref CborWriter w, byte[] id)
    {
        w.WriteStartMap(2);
        w.WriteTextString("id");
        w.WriteByteString(id);
        w.WriteTextString("type");
        w.WriteTextString("public-key");
        w.WriteEndMap();
    }

    /// <summary>A valid platform key-agreement key (COSE_Key, ECDH-ES+HKDF-256 on P-256) from a fixed scalar.</summary>
    private static void PlatformKey(ref CborWriter w)
    {
        byte[] privateKey = Filled(32, 0x3C);
        byte[] publicKey = new byte[65];
        P256.GeneratePublicKey(privateKey, publicKey);
        w.WriteStartMap(5);
        w.WriteUInt64(1);
        w.WriteUInt64(2);
        w.WriteUInt64(3);
        w.WriteInt64(-25);
        w.WriteInt64(-1);
        w.WriteUInt64(1);
        w.WriteInt64(-2);
        w.WriteByteString(publicKey.AsSpan(1, 32));
        w.WriteInt64(-3);
        w.WriteByteString(publicKey.AsSpan(33, 32));
        w.WriteEndMap();
    }

    private static byte[] FallbackCredentialId() => Filled(64, 0xCD);

    private static byte[] Filled(int length, byte value)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
