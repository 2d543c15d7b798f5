using System;
using Xous.Crypto;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>libs/Xous.Crypto's hashes, MACs, HKDF, ChaCha20, the DRBG and the checksums on fixed inputs of many lengths.</summary>
public static class CryptoHashesAndStreams
{
    public static int Main()
    {
        int[] lengths = [0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 1000];
        Span<byte> digest32 = stackalloc byte[32];
        Span<byte> digest64 = stackalloc byte[64];
        foreach (int length in lengths)
        {
            byte[] message = CryptoOutput.Bytes(length, 0x1000u + (uint)length);
            Sha256.Hash(message, digest32);
            CryptoOutput.Line("sha256 " + length, digest32);
            Sha512.Hash(message, digest64);
            CryptoOutput.Line("sha512 " + length, digest64);
            Sha512Truncated256.Hash(message, digest32);
            CryptoOutput.Line("sha512/256 " + length, digest32);
            byte[] key = CryptoOutput.Bytes((length % 150) + 1, 0x2000u + (uint)length);
            HmacSha256.Compute(key, message, digest32);
            CryptoOutput.Line("hmac-sha256 " + length, digest32);
            HmacSha512.Compute(key, message, digest64);
            CryptoOutput.Line("hmac-sha512 " + length, digest64);
            Transcript.WriteLine("crc16 " + length + ": " + Crc16X25.Compute(message));
            Transcript.WriteLine("murmur3 " + length + ": " + Murmur3.Hash32(message, (uint)length));
        }

        // Incremental hashing in pieces equals one shot.
        using (var sha = new Sha256())
        {
            byte[] message = CryptoOutput.Bytes(300, 0x3000);
            sha.Append(message.AsSpan(0, 7));
            sha.Append(message.AsSpan(7, 120));
            sha.Append(message.AsSpan(127));
            Span<byte> digest = stackalloc byte[32];
            sha.Finish(digest);
            CryptoOutput.Line("sha256 in pieces", digest);
        }

        byte[] okm = new byte[100];
        HkdfSha256.DeriveKey(CryptoOutput.Bytes(22, 0x4000), CryptoOutput.Bytes(13, 0x4001), CryptoOutput.Bytes(10, 0x4002), okm);
        CryptoOutput.Line("hkdf-sha256", okm);

        byte[] chachaKey = CryptoOutput.Bytes(32, 0x5000);
        byte[] nonce = CryptoOutput.Bytes(12, 0x5001);
        byte[] stream = CryptoOutput.Bytes(200, 0x5002);
        ChaCha20.Transform(chachaKey, nonce, 1, stream, stream);
        CryptoOutput.Line("chacha20", stream);

        using (ChaChaDrbg drbg = ChaChaDrbg.CreateInsecureDeterministic(CryptoOutput.Bytes(32, 0x6000)))
        {
            byte[] output = new byte[80];
            drbg.Generate(output);
            CryptoOutput.Line("drbg 1", output);
            drbg.Reseed(CryptoOutput.Bytes(16, 0x6001));
            drbg.Generate(output);
            CryptoOutput.Line("drbg 2", output);
        }

        CryptoOutput.Line("fixed-time equal", FixedTime.Equals(stream, stream));
        byte[] other = new byte[stream.Length];
        stream.AsSpan().CopyTo(other);
        other[199] ^= 1;
        CryptoOutput.Line("fixed-time differ", FixedTime.Equals(stream, other));
        return 0;
    }
}
