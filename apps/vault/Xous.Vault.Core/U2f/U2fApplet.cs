using System;
using System.Buffers.Binary;
using Xous.Vault.Credentials;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Vault.U2f;

/// <summary>
/// U2F / CTAP1 over CTAPHID_MSG: REGISTER, AUTHENTICATE (enforce, check-only, don't-enforce) and VERSION, short and
/// extended APDUs. Key handles are credential IDs (the CTAP2 format with rpIdHash = the application parameter), so
/// U2F and CTAP2 credentials work both ways. While alwaysUv is on, U2F (which cannot verify the user) is off:
/// every instruction answers 0x6D00 and getInfo leaves "U2F_V2" out.
/// </summary>
internal sealed class U2fApplet
{
    private const byte InsRegister = 0x01;
    private const byte InsAuthenticate = 0x02;
    private const byte InsVersion = 0x03;
    private const byte EnforcePresence = 0x03;
    private const byte CheckOnly = 0x07;
    private const byte DontEnforcePresence = 0x08;

    private readonly AuthenticatorContext _authenticator;
    private readonly U2fPresence _presence;
    private readonly U2fAppRegistry _apps;

    public U2fApplet(AuthenticatorContext authenticator)
    {
        _authenticator = authenticator;
        VaultEnvironment environment = authenticator.Environment;
        _presence = new U2fPresence(environment.UserPresence, environment.Clock);
        _apps = new U2fAppRegistry(environment.Store, environment.Clock);
    }

    /// <summary>The presence prompt (a CTAP2 command closes it).</summary>
    public U2fPresence Presence => _presence;

    /// <summary>The application records.</summary>
    public U2fAppRegistry Apps => _apps;

    /// <summary>Processes one APDU; writes data ‖ SW1 SW2; returns the length.</summary>
    public int Process(ReadOnlySpan<byte> apdu, Span<byte> response, out U2fStatus status)
    {
        int dataLength = 0;
        status = Dispatch(apdu, response, ref dataLength);
        if (status != U2fStatus.Ok)
        {
            dataLength = 0;
        }

        BinaryPrimitives.WriteUInt16BigEndian(response.Slice(dataLength, 2), (ushort)status);
        return dataLength + 2;
    }

    private U2fStatus Dispatch(ReadOnlySpan<byte> apdu, Span<byte> response, ref int length)
    {
        if (apdu.Length < 4)
        {
            return U2fStatus.WrongLength;
        }

        if (apdu[0] != 0)
        {
            return U2fStatus.ClassNotSupported;
        }

        if (!TryGetData(apdu, out ReadOnlySpan<byte> data))
        {
            return U2fStatus.WrongLength;
        }

        if (_authenticator.PinUvAuth.AlwaysUv)
        {
            return U2fStatus.InstructionNotSupported;
        }

        try
        {
            return apdu[1] switch
            {
                InsRegister => Register(data, response, ref length),
                InsAuthenticate => Authenticate(apdu[2], data, response, ref length),
                InsVersion => Version(data, response, ref length),
                _ => U2fStatus.InstructionNotSupported,
            };
        }
        catch (VaultStoreException)
        {
            return U2fStatus.Other;
        }
    }

    /// <summary>Splits the body of a short or extended APDU; false for an inconsistent length.</summary>
    public static bool TryGetData(ReadOnlySpan<byte> apdu, out ReadOnlySpan<byte> data)
    {
        data = default;
        ReadOnlySpan<byte> body = apdu[4..];
        if (body.Length == 0 || body.Length == 1)
        {
            return true;
        }

        if (body[0] != 0)
        {
            int shortLength = body[0];
            int rest = body.Length - 1 - shortLength;
            if (rest != 0 && rest != 1)
            {
                return false;
            }

            data = body.Slice(1, shortLength);
            return true;
        }

        if (body.Length == 3)
        {
            return true;
        }

        if (body.Length < 3)
        {
            return false;
        }

        int extendedLength = (body[1] << 8) | body[2];
        int remaining = body.Length - 3 - extendedLength;
        if (remaining != 0 && remaining != 2)
        {
            return false;
        }

        data = body.Slice(3, extendedLength);
        return true;
    }

    private static U2fStatus Version(ReadOnlySpan<byte> data, Span<byte> response, ref int length)
    {
        if (!data.IsEmpty)
        {
            return U2fStatus.WrongLength;
        }

        ReadOnlySpan<byte> version = "U2F_V2"u8;
        version.CopyTo(response);
        length = version.Length;
        return U2fStatus.Ok;
    }

    private U2fStatus Register(ReadOnlySpan<byte> data, Span<byte> response, ref int length)
    {
        if (data.Length != 64)
        {
            return U2fStatus.WrongLength;
        }

        ReadOnlySpan<byte> challenge = data[..32];
        ReadOnlySpan<byte> application = data[32..];
        if (!_presence.TryConsume(UserPresencePurpose.U2fRegister, Hex.Encode(application)))
        {
            return U2fStatus.ConditionsNotSatisfied;
        }

        VaultEnvironment environment = _authenticator.Environment;
        using CredentialSecrets secrets = new() { Algorithm = CredentialAlgorithm.Es256, CredProtect = 1 };
        environment.Entropy.Fill(secrets.Seed);
        Span<byte> keyHandle = stackalloc byte[CredentialId.MaxLength];
        int keyHandleLength = CredentialId.Seal(_authenticator.State.WrappingKey, application, secrets, environment.Entropy, keyHandle);
        keyHandle = keyHandle[..keyHandleLength];
        Span<byte> publicKey = stackalloc byte[65];
        CredentialKeys.GetEs256PublicKey(secrets, publicKey);

        _apps.RecordUse(application, challenge);
        environment.Store.Commit();

        Span<byte> signed = stackalloc byte[1 + 32 + 32 + CredentialId.MaxLength + 65];
        signed[0] = 0;
        application.CopyTo(signed[1..]);
        challenge.CopyTo(signed[33..]);
        keyHandle.CopyTo(signed[65..]);
        publicKey.CopyTo(signed[(65 + keyHandleLength)..]);
        Span<byte> signature = stackalloc byte[CredentialKeys.MaxSignatureLength];
        int signatureLength = CredentialKeys.SignEs256(
            environment.Attestation.BatchPrivateKey, signed[..(65 + keyHandleLength + 65)], signature);

        byte[] certificate = environment.Attestation.CertificateDer;
        int position = 0;
        response[position++] = 0x05;
        publicKey.CopyTo(response[position..]);
        position += 65;
        response[position++] = (byte)keyHandleLength;
        keyHandle.CopyTo(response[position..]);
        position += keyHandleLength;
        certificate.CopyTo(response[position..]);
        position += certificate.Length;
        signature[..signatureLength].CopyTo(response[position..]);
        position += signatureLength;
        length = position;
        return U2fStatus.Ok;
    }

    private U2fStatus Authenticate(byte control, ReadOnlySpan<byte> data, Span<byte> response, ref int length)
    {
        if (data.Length < 65 || data.Length != 65 + data[64])
        {
            return U2fStatus.WrongLength;
        }

        ReadOnlySpan<byte> challenge = data[..32];
        ReadOnlySpan<byte> application = data.Slice(32, 32);
        ReadOnlySpan<byte> keyHandle = data[65..];
        if (control != EnforcePresence && control != CheckOnly && control != DontEnforcePresence)
        {
            return U2fStatus.WrongData;
        }

        using CredentialSecrets? secrets = _authenticator.Open(application, keyHandle, out _);
        if (secrets is null || secrets.Algorithm != CredentialAlgorithm.Es256 || secrets.CredProtect == 3)
        {
            return U2fStatus.WrongData;
        }

        if (control == CheckOnly)
        {
            return U2fStatus.ConditionsNotSatisfied;
        }

        byte flags = 0;
        if (control == EnforcePresence)
        {
            if (!_presence.TryConsume(UserPresencePurpose.U2fAuthenticate, Hex.Encode(application)))
            {
                return U2fStatus.ConditionsNotSatisfied;
            }

            flags = 0x01;
        }

        uint counter = _authenticator.State.NextCounter();
        _apps.RecordUse(application, challenge);
        _authenticator.Environment.Store.Commit();

        Span<byte> signed = stackalloc byte[32 + 1 + 4 + 32];
        application.CopyTo(signed);
        signed[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(signed.Slice(33, 4), counter);
        challenge.CopyTo(signed[37..]);
        response[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(response.Slice(1, 4), counter);
        int signatureLength = CredentialKeys.Sign(secrets, signed, response[5..]);
        length = 5 + signatureLength;
        return U2fStatus.Ok;
    }
}
