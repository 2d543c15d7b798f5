using System;
using Xous.Cbor;
using Xous.Crypto;

namespace Xous.Vault.Pin;

/// <summary>
/// The authenticator's P-256 key-agreement key (CTAP 2.1 §6.5.6 initialize/getPublicKey/decapsulate), shared by both
/// PIN/UV auth protocols. Lives in RAM only: regenerated at power-up, after a wrong PIN and at reset.
/// </summary>
internal sealed class KeyAgreementKey
{
    /// <summary>COSE kty EC2.</summary>
    private const long KeyTypeEc2 = 2;

    /// <summary>COSE crv P-256.</summary>
    private const long CurveP256 = 1;

    /// <summary>COSE alg ECDH-ES+HKDF-256, what getKeyAgreement advertises.</summary>
    private const long AlgorithmEcdhEsHkdf256 = -25;

    /// <summary>Attempts at drawing a valid scalar before the entropy source is declared broken.</summary>
    private const int MaxGenerationAttempts = 16;

    private readonly IEntropySource _entropy;
    private readonly byte[] _privateKey = new byte[P256.PrivateKeySizeInBytes];
    private readonly byte[] _publicKey = new byte[P256.PublicKeySizeInBytes];

    /// <summary>Creates the key with a fresh key pair.</summary>
    public KeyAgreementKey(IEntropySource entropy)
    {
        _entropy = entropy;
        Regenerate();
    }

    /// <summary>Replaces the key pair with a fresh one (the old private key is overwritten).</summary>
    public void Regenerate()
    {
        for (int attempt = 0; attempt < MaxGenerationAttempts; attempt++)
        {
            _entropy.Fill(_privateKey);
            if (P256.IsValidPrivateKey(_privateKey))
            {
                P256.GeneratePublicKey(_privateKey, _publicKey);
                return;
            }
        }

        Array.Clear(_privateKey);
        throw new InvalidOperationException("The entropy source gave no valid P-256 scalar in 16 attempts.");
    }

    /// <summary>Writes getPublicKey() as the COSE key {1: 2, 3: -25, -1: 1, -2: x, -3: y} (canonical order).</summary>
    public void WriteCoseKey(ref CborWriter writer)
    {
        writer.WriteStartMap(5);
        writer.WriteInt64(1);
        writer.WriteInt64(KeyTypeEc2);
        writer.WriteInt64(3);
        writer.WriteInt64(AlgorithmEcdhEsHkdf256);
        writer.WriteInt64(-1);
        writer.WriteInt64(CurveP256);
        writer.WriteInt64(-2);
        writer.WriteByteString(_publicKey.AsSpan(1, 32));
        writer.WriteInt64(-3);
        writer.WriteByteString(_publicKey.AsSpan(33, 32));
        writer.WriteEndMap();
    }

    /// <summary>
    /// decapsulate(platformCoseKey): ECDH with the platform's COSE key (the encoded CBOR map), then the protocol's KDF
    /// into <paramref name="sharedSecret"/> (at least <see cref="PinProtocol.SharedSecretLength"/> bytes).
    /// </summary>
    /// <returns>Ok; MissingParameter for an empty key; InvalidParameter for a malformed key, kty ≠ 2, crv ≠ 1,
    /// coordinates that are not 32 bytes or a point that is not on the curve.</returns>
    public CtapStatus Decapsulate(ulong protocol, ReadOnlySpan<byte> platformCoseKey, Span<byte> sharedSecret)
    {
        if (platformCoseKey.IsEmpty)
        {
            return CtapStatus.MissingParameter;
        }

        if (!PinProtocol.IsSupported(protocol) || sharedSecret.Length < PinProtocol.SharedSecretLength(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        Span<byte> peer = stackalloc byte[P256.PublicKeySizeInBytes];
        if (!TryReadPlatformKey(platformCoseKey, peer))
        {
            return CtapStatus.InvalidParameter;
        }

        Span<byte> sharedX = stackalloc byte[32];
        bool agreed = P256.SharedSecret(_privateKey, peer, sharedX);
        if (agreed)
        {
            PinProtocol.Kdf(protocol, sharedX, sharedSecret);
        }

        sharedX.Clear();
        return agreed ? CtapStatus.Ok : CtapStatus.InvalidParameter;
    }

    /// <summary>Reads a COSE EC2 P-256 key into an uncompressed SEC 1 point; false for anything else.</summary>
    private static bool TryReadPlatformKey(ReadOnlySpan<byte> coseKey, Span<byte> point)
    {
        bool haveKeyType = false, haveCurve = false, haveX = false, haveY = false;
        point[0] = 0x04;
        try
        {
            var reader = new CborReader(coseKey);
            int pairs = reader.ReadStartMap();
            for (int i = 0; i < pairs; i++)
            {
                CborReaderState state = reader.PeekState();
                if (state != CborReaderState.UnsignedInteger && state != CborReaderState.NegativeInteger)
                {
                    reader.SkipValue();
                    reader.SkipValue();
                    continue;
                }

                long label = reader.ReadInt64();
                switch (label)
                {
                    case 1:
                        haveKeyType = reader.PeekState() == CborReaderState.UnsignedInteger && reader.ReadInt64() == KeyTypeEc2;
                        if (!haveKeyType)
                        {
                            return false;
                        }

                        break;
                    case -1:
                        haveCurve = reader.PeekState() == CborReaderState.UnsignedInteger && reader.ReadInt64() == CurveP256;
                        if (!haveCurve)
                        {
                            return false;
                        }

                        break;
                    case -2:
                    case -3:
                        if (reader.PeekState() != CborReaderState.ByteString)
                        {
                            return false;
                        }

                        ReadOnlySpan<byte> coordinate = reader.ReadByteString();
                        if (coordinate.Length != 32)
                        {
                            return false;
                        }

                        coordinate.CopyTo(point.Slice(label == -2 ? 1 : 33, 32));
                        haveX |= label == -2;
                        haveY |= label == -3;
                        break;
                    default:
                        // alg (3) and anything else: the platform's alg is not checked (CTAP 2.1 lets it be -25 or absent).
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            _ = reader.PeekState();
        }
        catch (CborException)
        {
            return false;
        }

        return haveKeyType && haveCurve && haveX && haveY && P256.IsValidPublicKey(point);
    }
}
