using System;
using Xous.Crypto;

namespace Xous.Differential.Programs;

/// <summary>libs/Xous.Crypto's P-256 (ECDSA with RFC 6979 nonces, DER, ECDH), Ed25519, Ed25519ph and X25519, with forgeries.</summary>
public static class CryptoCurves
{
    public static int Main()
    {
        for (uint round = 0; round < 3; round++)
        {
            byte[] privateKey = CryptoOutput.Bytes(32, 0xA000 + round);
            privateKey[0] &= 0x7F;
            byte[] publicKey = new byte[65];
            P256.GeneratePublicKey(privateKey, publicKey);
            CryptoOutput.Line("p256 public " + round, publicKey);
            byte[] hash = CryptoOutput.Bytes(32, 0xA100 + round);
            byte[] signature = new byte[64];
            P256.Sign(privateKey, hash, signature);
            CryptoOutput.Line("p256 signature " + round, signature);
            CryptoOutput.Line("p256 verify", P256.Verify(publicKey, hash, signature));
            byte[] der = new byte[P256.MaxDerSignatureSizeInBytes];
            int derLength = P256.EncodeDerSignature(signature, der);
            CryptoOutput.Line("p256 der", der.AsSpan(0, derLength));
            byte[] decoded = new byte[64];
            CryptoOutput.Line("p256 der round trip", P256.TryDecodeDerSignature(der.AsSpan(0, derLength), decoded) && decoded.AsSpan().SequenceEqual(signature));
            hash[5] ^= 4;
            CryptoOutput.Line("p256 verify forged", P256.Verify(publicKey, hash, signature));

            byte[] peerPrivate = CryptoOutput.Bytes(32, 0xA200 + round);
            peerPrivate[0] &= 0x7F;
            byte[] peerPublic = new byte[65];
            P256.GeneratePublicKey(peerPrivate, peerPublic);
            byte[] shared = new byte[32];
            byte[] sharedBack = new byte[32];
            bool agreed = P256.SharedSecret(privateKey, peerPublic, shared) && P256.SharedSecret(peerPrivate, publicKey, sharedBack);
            CryptoOutput.Line("p256 ecdh " + round, shared);
            CryptoOutput.Line("p256 ecdh agrees", agreed && shared.AsSpan().SequenceEqual(sharedBack));
            peerPublic[40] ^= 1;
            CryptoOutput.Line("p256 ecdh off-curve peer", P256.SharedSecret(privateKey, peerPublic, shared));

            byte[] seed = CryptoOutput.Bytes(32, 0xB000 + round);
            byte[] edPublic = new byte[32];
            Ed25519.GetPublicKey(seed, edPublic);
            CryptoOutput.Line("ed25519 public " + round, edPublic);
            byte[] message = CryptoOutput.Bytes(50 * (int)round, 0xB100 + round);
            byte[] edSignature = new byte[64];
            Ed25519.Sign(seed, message, edSignature);
            CryptoOutput.Line("ed25519 signature " + round, edSignature);
            CryptoOutput.Line("ed25519 verify", Ed25519.Verify(edPublic, message, edSignature));
            edSignature[40] ^= 2;
            CryptoOutput.Line("ed25519 verify forged", Ed25519.Verify(edPublic, message, edSignature));
            byte[] context = CryptoOutput.Bytes((int)round * 3, 0xB200 + round);
            Ed25519ph.Sign(seed, message, edSignature, context);
            CryptoOutput.Line("ed25519ph signature " + round, edSignature);
            CryptoOutput.Line("ed25519ph verify", Ed25519ph.Verify(edPublic, message, edSignature, context));

            byte[] xPrivate = CryptoOutput.Bytes(32, 0xC000 + round);
            byte[] xPeerPrivate = CryptoOutput.Bytes(32, 0xC100 + round);
            byte[] xPublic = new byte[32];
            byte[] xPeerPublic = new byte[32];
            X25519.GetPublicKey(xPrivate, xPublic);
            X25519.GetPublicKey(xPeerPrivate, xPeerPublic);
            CryptoOutput.Line("x25519 public " + round, xPublic);
            bool xAgreed = X25519.ScalarMultiply(xPrivate, xPeerPublic, shared) && X25519.ScalarMultiply(xPeerPrivate, xPublic, sharedBack);
            CryptoOutput.Line("x25519 shared " + round, shared);
            CryptoOutput.Line("x25519 agrees", xAgreed && shared.AsSpan().SequenceEqual(sharedBack));
        }

        CryptoOutput.Line("x25519 low-order peer", X25519.ScalarMultiply(CryptoOutput.Bytes(32, 0xC200), new byte[32], new byte[32]));
        return 0;
    }
}
