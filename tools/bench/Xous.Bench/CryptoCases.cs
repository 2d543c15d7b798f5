using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Xous.Bench.Crypto.Programs;
using Xous.Crypto;

namespace Xous.Bench;

/// <summary>What <c>./xous bench crypto</c> measures: the host comparisons and the RV32 kernels.</summary>
internal static class CryptoCases
{
    private const int Bulk = 16 * 1024;

    /// <summary>The host comparisons, each doing the same work on both sides.</summary>
    public static IReadOnlyList<HostCase> Host => [Sha256Bulk(), Sha512Bulk(), HmacSha256Short(), ChaCha20Bulk(), AesSingleBlock(encrypt: true), AesSingleBlock(encrypt: false), AesBulk(encrypt: true), AesBulk(encrypt: false),
        GcmSivPageCase(), KeyWrap(), Bcrypt7Case(), P256SignCase(), P256VerifyCase(), P256EcdhCase(), Ed25519SignCase(), Ed25519VerifyCase(), X25519Case()];

    /// <summary>The RV32 kernels (tools/bench/crypto/Xous.Bench.Crypto.Programs).</summary>
    public static IReadOnlyList<DeviceCase> Device { get; } =
    [
        new("sha256-block", "SHA-256, one 64-byte block", typeof(Sha256BlocksProgram).FullName!, Sha256Blocks.Units, Sha256Blocks.Run),
        new("sha512-block", "SHA-512, one 128-byte block", typeof(Sha512BlocksProgram).FullName!, Sha512Blocks.Units, Sha512Blocks.Run),
        new("chacha20-block", "ChaCha20, one 64-byte block", typeof(ChaCha20BlocksProgram).FullName!, ChaCha20Blocks.Units, ChaCha20Blocks.Run),
        new("aes256-encrypt-block", "AES-256, encrypt one block (one call per block)", typeof(Aes256BlocksProgram).FullName!, Aes256Blocks.Units, Aes256Blocks.Run),
        new("aes256-decrypt-block", "AES-256, decrypt one block (one call per block)", typeof(Aes256DecryptBlocksProgram).FullName!, Aes256DecryptBlocks.Units, Aes256DecryptBlocks.Run),
        new("gcmsiv-page", "AES-256-GCM-SIV, one 4,068-byte PDDB page (mean of encrypt and decrypt)", typeof(GcmSivPageProgram).FullName!, GcmSivPage.Units, GcmSivPage.Run),
        new("kwp-32", "AES-KWP, a 32-byte key (mean of wrap and unwrap)", typeof(KwpUnwrapProgram).FullName!, KwpUnwrap.Units, KwpUnwrap.Run),
        new("p256-sign-first", "P-256 ECDSA, the first signature after start-up (builds the base-point table)", typeof(P256SignOnceProgram).FullName!, P256SignOnce.Units, P256SignOnce.Run),
        new("p256-sign", "P-256 ECDSA, sign (RFC 6979), each signature after the first", typeof(P256SignProgram).FullName!, P256Sign.Units, P256Sign.Run, After: "p256-sign-first"),
        new("p256-verify", "P-256 ECDSA, verify (SHA-256 of a 6-byte message included), base-point table built", typeof(P256VerifyProgram).FullName!, P256Verify.Units, P256Verify.Run, After: "p256-sign-first"),
        new("p256-ecdh", "P-256 ECDH, one shared secret", typeof(P256EcdhProgram).FullName!, P256Ecdh.Units, P256Ecdh.Run),
        new("ed25519-verify", "Ed25519, verify one signature", typeof(Ed25519VerifyProgram).FullName!, Ed25519Verify.Units, Ed25519Verify.Run),
        new("ed25519-sign", "Ed25519, sign a 64-byte message", typeof(Ed25519SignProgram).FullName!, Ed25519Sign.Units, Ed25519Sign.Run),
        new("x25519", "X25519, one shared secret", typeof(X25519SharedProgram).FullName!, X25519Shared.Units, X25519Shared.Run),
        new("drbg-page", "ChaCha DRBG, one 4 KiB page of noise", typeof(DrbgPageProgram).FullName!, DrbgPage.Units, DrbgPage.Run),
        new("bcrypt-7", "bcrypt at cost 7, one raw hash", typeof(Bcrypt7Program).FullName!, Bcrypt7.Units, Bcrypt7.Run),
    ];

    private static byte[] Data(int length, byte seed)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static HostCase Sha256Bulk()
    {
        byte[] message = Data(Bulk, 1), digest = new byte[32];
        var reference = new Sha256Digest();
        return new("SHA-256", "16 KiB message", Bulk, () => Sha256.Hash(message, digest), () =>
        {
            reference.BlockUpdate(message, 0, message.Length);
            reference.DoFinal(digest, 0);
        }, 0.5);
    }

    private static HostCase Sha512Bulk()
    {
        byte[] message = Data(Bulk, 2), digest = new byte[64];
        var reference = new Sha512Digest();
        return new("SHA-512", "16 KiB message", Bulk, () => Sha512.Hash(message, digest), () =>
        {
            reference.BlockUpdate(message, 0, message.Length);
            reference.DoFinal(digest, 0);
        }, 0.5);
    }

    private static HostCase HmacSha256Short()
    {
        byte[] key = Data(32, 3), message = Data(64, 4), mac = new byte[32];
        var reference = new HMac(new Sha256Digest());
        var keyParameter = new KeyParameter(key);
        return new("HMAC-SHA-256", "64-byte message, new key each time", 0, () => HmacSha256.Compute(key, message, mac), () =>
        {
            reference.Init(keyParameter);
            reference.BlockUpdate(message, 0, message.Length);
            reference.DoFinal(mac, 0);
        }, 0.5);
    }

    private static HostCase ChaCha20Bulk()
    {
        byte[] key = Data(32, 5), nonce = Data(12, 6), data = Data(Bulk, 7);
        var reference = new ChaCha7539Engine();
        var parameters = new ParametersWithIV(new KeyParameter(key), nonce);
        return new("ChaCha20", "16 KiB, new key and nonce", Bulk, () => ChaCha20.Transform(key, nonce, 0, data, data), () =>
        {
            reference.Init(true, parameters);
            reference.ProcessBytes(data, 0, data.Length, data, 0);
        }, null);
    }

    private static HostCase Bcrypt7Case()
    {
        byte[] key = Data(16, 8), salt = Data(16, 9), hash = new byte[Bcrypt.OutputSizeInBytes];
        return new("bcrypt", "cost 7, raw 24-byte hash", 0, () => Bcrypt.HashRaw(key, salt, 7, hash), () => BCrypt.Generate(key, salt, 7, addTerminator: false), null);
    }

    private static HostCase AesSingleBlock(bool encrypt)
    {
        byte[] key = Data(32, 10), block = Data(16, 11);
        var ours = new Aes(key);
        var reference = new AesEngine();
        reference.Init(encrypt, new KeyParameter(key));
        return new(
            encrypt ? "AES-256 encrypt" : "AES-256 decrypt", "one 16-byte block per call", 16,
            encrypt ? () => ours.EncryptBlock(block, block) : () => ours.DecryptBlock(block, block),
            () => reference.ProcessBlock(block, 0, block, 0),
            0.5);
    }

    private static HostCase AesBulk(bool encrypt)
    {
        byte[] key = Data(32, 12), data = Data(Bulk, 13);
        var ours = new Aes(key);
        var reference = new AesEngine();
        reference.Init(encrypt, new KeyParameter(key));
        return new(
            encrypt ? "AES-256 encrypt" : "AES-256 decrypt", "16 KiB, ECB (all blocks in one call)", Bulk,
            encrypt ? () => ours.EncryptBlocks(data, data) : () => ours.DecryptBlocks(data, data),
            () =>
            {
                for (int offset = 0; offset < data.Length; offset += 16)
                {
                    reference.ProcessBlock(data, offset, data, offset);
                }
            },
            0.5);
    }

    private static HostCase GcmSivPageCase()
    {
        byte[] key = Data(32, 14), nonce = Data(12, 15), aad = Data(40, 16), page = Data(4068, 17);
        byte[] output = new byte[page.Length + 16];
        var reference = new GcmSivBlockCipher();
        var parameters = new AeadParameters(new KeyParameter(key), 128, nonce, aad);
        return new("AES-256-GCM-SIV encrypt", "one 4,068-byte PDDB page", page.Length,
            () => AesGcmSiv.Encrypt(key, nonce, page, aad, output.AsSpan(0, page.Length), output.AsSpan(page.Length)),
            () =>
            {
                reference.Init(true, parameters);
                int written = reference.ProcessBytes(page, 0, page.Length, output, 0);
                reference.DoFinal(output, written);
            },
            null);
    }

    private static HostCase KeyWrap()
    {
        byte[] kek = Data(32, 18), key = Data(32, 19), wrapped = new byte[40];
        var reference = new Rfc5649WrapEngine(new AesEngine());
        reference.Init(true, new KeyParameter(kek));
        return new("AES-KWP wrap", "a 32-byte key", 0, () => AesKeyWrapPadded.Wrap(kek, key, wrapped), () => reference.Wrap(key, 0, key.Length), null);
    }

    private static HostCase Ed25519SignCase()
    {
        byte[] privateKey = Data(32, 20), message = Data(64, 21), signature = new byte[64];
        var reference = new Ed25519Signer();
        reference.Init(true, new Ed25519PrivateKeyParameters(privateKey));
        return new("Ed25519 sign", "64-byte message", 0, () => Ed25519.Sign(privateKey, message, signature), () =>
        {
            reference.BlockUpdate(message, 0, message.Length);
            reference.GenerateSignature();
        }, null);
    }

    private static HostCase Ed25519VerifyCase()
    {
        byte[] privateKey = Data(32, 22), message = Data(64, 23), signature = new byte[64], publicKey = new byte[32];
        Ed25519.GetPublicKey(privateKey, publicKey);
        Ed25519.Sign(privateKey, message, signature);
        var reference = new Ed25519Signer();
        reference.Init(false, new Ed25519PublicKeyParameters(publicKey));
        return new("Ed25519 verify", "64-byte message", 0, () => Check(Ed25519.Verify(publicKey, message, signature)), () =>
        {
            reference.BlockUpdate(message, 0, message.Length);
            Check(reference.VerifySignature(signature));
        }, null);
    }

    private static HostCase X25519Case()
    {
        byte[] privateKey = Data(32, 24), peerPrivate = Data(32, 25), peer = new byte[32], shared = new byte[32];
        X25519.GetPublicKey(peerPrivate, peer);
        var reference = new X25519Agreement();
        reference.Init(new X25519PrivateKeyParameters(privateKey));
        var peerParameters = new X25519PublicKeyParameters(peer);
        return new("X25519", "one shared secret", 0, () => Check(X25519.ScalarMultiply(privateKey, peer, shared)), () => reference.CalculateAgreement(peerParameters, shared, 0), null);
    }

    /// <summary>A benchmark that stops verifying must not go on being timed.</summary>
    private static void Check(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("a benchmarked operation failed");
        }
    }

    private static HostCase P256SignCase()
    {
        byte[] privateKey = Data(32, 26), hash = Data(32, 27), signature = new byte[64];
        privateKey[0] &= 0x7F;
        var reference = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        reference.Init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), P256Domain));
        return new("P-256 ECDSA sign", "RFC 6979 nonce, 32-byte hash", 0, () => P256.Sign(privateKey, hash, signature), () => reference.GenerateSignature(hash), 0.5);
    }

    private static HostCase P256VerifyCase()
    {
        byte[] privateKey = Data(32, 28), hash = Data(32, 29), signature = new byte[64], publicKey = new byte[65];
        privateKey[0] &= 0x7F;
        P256.GeneratePublicKey(privateKey, publicKey);
        P256.Sign(privateKey, hash, signature);
        var reference = new ECDsaSigner();
        reference.Init(false, new ECPublicKeyParameters(P256Domain.Curve.DecodePoint(publicKey), P256Domain));
        var r = new BigInteger(1, signature, 0, 32);
        var s = new BigInteger(1, signature, 32, 32);
        return new("P-256 ECDSA verify", "32-byte hash", 0, () => Check(P256.Verify(publicKey, hash, signature)), () => Check(reference.VerifySignature(hash, r, s)), null);
    }

    private static HostCase P256EcdhCase()
    {
        byte[] privateKey = Data(32, 30), peerPrivate = Data(32, 31), peer = new byte[65], shared = new byte[32];
        privateKey[0] &= 0x7F;
        peerPrivate[0] &= 0x7F;
        P256.GeneratePublicKey(peerPrivate, peer);
        var reference = new ECDHBasicAgreement();
        reference.Init(new ECPrivateKeyParameters(new BigInteger(1, privateKey), P256Domain));
        var peerParameters = new ECPublicKeyParameters(P256Domain.Curve.DecodePoint(peer), P256Domain);
        return new("P-256 ECDH", "one shared secret", 0, () => Check(P256.SharedSecret(privateKey, peer, shared)), () => reference.CalculateAgreement(peerParameters), null);
    }

    private static ECDomainParameters P256Domain { get; } = new(ECNamedCurveTable.GetByName("P-256"));
}
