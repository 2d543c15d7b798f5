using System;
using System.Collections.Generic;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Bench.Ctap.Programs;

/// <summary>Entry of <see cref="GetAssertions"/> with one getAssertion.</summary>
public static class GetAssertionOnceProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)GetAssertions.Run(GetAssertions.OnceUnits);
}

/// <summary>Entry of <see cref="GetAssertions"/> with <see cref="GetAssertions.ManyUnits"/> getAssertions.</summary>
public static class GetAssertionManyProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)GetAssertions.Run(GetAssertions.ManyUnits);
}

/// <summary>
/// Power-up of the authenticator on an empty RAM store (fixed-seed test entropy, a clock that ticks per reading,
/// approved presence), one makeCredential (ES256, non-resident; its signature builds the base-point table), then
/// <c>count</c> getAssertion requests with that credential in the allow list. The bench subtracts the run with one
/// from the run with <see cref="ManyUnits"/>, leaving the cost of a getAssertion.
/// </summary>
public static class GetAssertions
{
    /// <summary>getAssertions in the short run.</summary>
    public const int OnceUnits = 1;

    /// <summary>getAssertions in the long run.</summary>
    public const int ManyUnits = 5;

    /// <summary>Runs the kernel; the checksum mixes the last getAssertion response.</summary>
    public static uint Run(int count)
    {
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(0x11 + i);
        }

        byte[] certificate = [0x30, 0x03, 0x02, 0x01, 0x01];
        byte[] aaguid = new byte[16];
        var presence = new ApprovingPresence();
        var environment = new VaultEnvironment(new ArrayVaultStore(), new SeededEntropy(), new TickingClock(), presence, new AttestationMaterial(key, certificate, aaguid));
        var authenticator = new CtapAuthenticator(environment);
        var context = new DirectContext(presence);
        byte[] request = new byte[512];
        byte[] response = new byte[AuthenticatorLimits.MaxMessageSize];
        byte[] clientDataHash = new byte[32];
        for (int i = 0; i < clientDataHash.Length; i++)
        {
            clientDataHash[i] = (byte)(0xC1 ^ i);
        }

        int length = MakeCredential(request, clientDataHash);
        int answer = authenticator.ProcessCbor(request.AsSpan(0, length), response, context);
        if (answer < 2 || response[0] != 0)
        {
            return 0xDEAD0000u | response[0];
        }

        byte[] credentialId = CredentialId(response.AsSpan(1, answer - 1));
        length = GetAssertion(request, clientDataHash, credentialId);
        uint checksum = 0;
        for (int i = 0; i < count; i++)
        {
            answer = authenticator.ProcessCbor(request.AsSpan(0, length), response, context);
            checksum = Mix(response.AsSpan(0, answer));
        }

        return checksum;
    }

    private static uint Mix(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        for (int i = 0; i < bytes.Length; i++)
        {
            hash = (hash ^ bytes[i]) * 16777619;
        }

        return hash;
    }

    private static int MakeCredential(byte[] request, byte[] clientDataHash)
    {
        request[0] = 0x01;
        var w = new CborWriter(request.AsSpan(1));
        w.WriteStartMap(4);
        w.WriteUInt64(1);
        w.WriteByteString(clientDataHash);
        w.WriteUInt64(2);
        w.WriteStartMap(1);
        w.WriteTextString("id");
        w.WriteTextString("example.com");
        w.WriteEndMap();
        w.WriteUInt64(3);
        w.WriteStartMap(2);
        w.WriteTextString("id");
        w.WriteByteString(clientDataHash.AsSpan(0, 16));
        w.WriteTextString("name");
        w.WriteTextString("alice");
        w.WriteEndMap();
        w.WriteUInt64(4);
        w.WriteStartArray(1);
        w.WriteStartMap(2);
        w.WriteTextString("alg");
        w.WriteInt64(-7);
        w.WriteTextString("type");
        w.WriteTextString("public-key");
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();
        return 1 + w.BytesWritten;
    }

    private static int GetAssertion(byte[] request, byte[] clientDataHash, byte[] credentialId)
    {
        request[0] = 0x02;
        var w = new CborWriter(request.AsSpan(1));
        w.WriteStartMap(3);
        w.WriteUInt64(1);
        w.WriteTextString("example.com");
        w.WriteUInt64(2);
        w.WriteByteString(clientDataHash);
        w.WriteUInt64(3);
        w.WriteStartArray(1);
        w.WriteStartMap(2);
        w.WriteTextString("id");
        w.WriteByteString(credentialId);
        w.WriteTextString("type");
        w.WriteTextString("public-key");
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();
        return 1 + w.BytesWritten;
    }

    private static byte[] CredentialId(ReadOnlySpan<byte> body)
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
            int idLength = (authenticatorData[53] << 8) | authenticatorData[54];
            return authenticatorData.Slice(55, idLength).ToArray();
        }

        return [];
    }
}

/// <summary>INSECURE, for the bench only: a store in RAM (a list of named values).</summary>
internal sealed class ArrayVaultStore : IVaultStore
{
    private readonly List<string> _dictionaries = new();
    private readonly List<string> _keys = new();
    private readonly List<byte[]> _values = new();

    public int Read(string dictionary, string key, Span<byte> destination)
    {
        int at = Find(dictionary, key);
        if (at < 0)
        {
            return -1;
        }

        if (destination.Length < _values[at].Length)
        {
            throw new ArgumentException("The destination is shorter than the value.", nameof(destination));
        }

        _values[at].AsSpan().CopyTo(destination);
        return _values[at].Length;
    }

    public int Length(string dictionary, string key)
    {
        int at = Find(dictionary, key);
        return at < 0 ? -1 : _values[at].Length;
    }

    public void Write(string dictionary, string key, ReadOnlySpan<byte> value)
    {
        int at = Find(dictionary, key);
        if (at >= 0)
        {
            _values[at] = value.ToArray();
            return;
        }

        _dictionaries.Add(dictionary);
        _keys.Add(key);
        _values.Add(value.ToArray());
    }

    public bool Delete(string dictionary, string key)
    {
        int at = Find(dictionary, key);
        if (at < 0)
        {
            return false;
        }

        _dictionaries.RemoveAt(at);
        _keys.RemoveAt(at);
        _values.RemoveAt(at);
        return true;
    }

    public void ListKeys(string dictionary, List<string> keys)
    {
        for (int i = 0; i < _dictionaries.Count; i++)
        {
            if (string.Equals(_dictionaries[i], dictionary))
            {
                keys.Add(_keys[i]);
            }
        }
    }

    public void Commit()
    {
    }

    private int Find(string dictionary, string key)
    {
        for (int i = 0; i < _dictionaries.Count; i++)
        {
            if (string.Equals(_dictionaries[i], dictionary) && string.Equals(_keys[i], key))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>INSECURE, for the bench only: a ChaCha DRBG with a fixed seed.</summary>
internal sealed class SeededEntropy : IEntropySource
{
    private readonly ChaChaDrbg _drbg = ChaChaDrbg.CreateInsecureDeterministic(new byte[32]);

    public void Fill(Span<byte> destination) => _drbg.Generate(destination);
}

/// <summary>A clock that moves a millisecond per reading.</summary>
internal sealed class TickingClock : IMonotonicClock
{
    private long _now;

    public long ElapsedMilliseconds => ++_now;
}

/// <summary>INSECURE, for the bench only: approves every prompt.</summary>
internal sealed class ApprovingPresence : IUserPresence
{
    public void Begin(in UserPresenceRequest request)
    {
    }

    public UserPresenceState Poll() => UserPresenceState.Approved;

    public void End()
    {
    }
}

/// <summary>A request context without a transport: presence asked and approved at once, never cancelled.</summary>
internal sealed class DirectContext : ICtapRequestContext
{
    private readonly IUserPresence _presence;

    public DirectContext(IUserPresence presence) => _presence = presence;

    public uint Channel => 0;

    public UserPresenceResult WaitForUserPresence(in UserPresenceRequest request, int timeoutMilliseconds)
    {
        _presence.Begin(request);
        UserPresenceState state = _presence.Poll();
        _presence.End();
        return state == UserPresenceState.Approved ? UserPresenceResult.Approved : UserPresenceResult.Denied;
    }

    public bool KeepAliveAndCheckCancel() => false;
}
