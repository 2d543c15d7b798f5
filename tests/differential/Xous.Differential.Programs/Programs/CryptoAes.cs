using System;
using Xous.Crypto;

namespace Xous.Differential.Programs;

/// <summary>libs/Xous.Crypto's bitsliced AES (one to five blocks per call), AES-GCM-SIV, AES-GCM and AES-KWP, with tampering.</summary>
public static class CryptoAes
{
    public static int Main()
    {
        foreach (int keyLength in new[] { 16, 24, 32 })
        {
            using var aes = new Aes(CryptoOutput.Bytes(keyLength, 0x7000u + (uint)keyLength));
            for (int blocks = 1; blocks <= 5; blocks++)
            {
                byte[] data = CryptoOutput.Bytes(16 * blocks, 0x7100u + (uint)blocks);
                byte[] encrypted = new byte[data.Length];
                aes.EncryptBlocks(data, encrypted);
                CryptoOutput.Line("aes-" + (keyLength * 8) + " encrypt " + blocks, encrypted);
                byte[] decrypted = new byte[data.Length];
                aes.DecryptBlocks(encrypted, decrypted);
                CryptoOutput.Line("aes-" + (keyLength * 8) + " round trip " + blocks, decrypted.AsSpan().SequenceEqual(data));
            }

            byte[] single = CryptoOutput.Bytes(16, 0x7200);
            aes.EncryptBlock(single, single);
            CryptoOutput.Line("aes-" + (keyLength * 8) + " single", single);
        }

        foreach (int keyLength in new[] { 16, 32 })
        {
            byte[] key = CryptoOutput.Bytes(keyLength, 0x8000u + (uint)keyLength);
            byte[] nonce = CryptoOutput.Bytes(12, 0x8001);
            foreach (int length in new[] { 0, 1, 16, 33, 300 })
            {
                byte[] plaintext = CryptoOutput.Bytes(length, 0x8100u + (uint)length);
                byte[] aad = CryptoOutput.Bytes(length % 40, 0x8200u + (uint)length);
                byte[] ciphertext = new byte[length];
                byte[] tag = new byte[16];
                AesGcmSiv.Encrypt(key, nonce, plaintext, aad, ciphertext, tag);
                CryptoOutput.Line("gcm-siv-" + (keyLength * 8) + " " + length + " ciphertext", ciphertext);
                CryptoOutput.Line("gcm-siv-" + (keyLength * 8) + " " + length + " tag", tag);
                byte[] opened = new byte[length];
                CryptoOutput.Line("gcm-siv open", AesGcmSiv.Decrypt(key, nonce, ciphertext, tag, aad, opened) && opened.AsSpan().SequenceEqual(plaintext));
                tag[length % 16] ^= 0x20;
                CryptoOutput.Line("gcm-siv open tampered", AesGcmSiv.Decrypt(key, nonce, ciphertext, tag, aad, opened));

                byte[] gcmTag = new byte[16];
                AesGcm.Encrypt(key, nonce, plaintext, aad, ciphertext, gcmTag);
                CryptoOutput.Line("gcm-" + (keyLength * 8) + " " + length + " ciphertext", ciphertext);
                CryptoOutput.Line("gcm-" + (keyLength * 8) + " " + length + " tag", gcmTag);
                CryptoOutput.Line("gcm open", AesGcm.Decrypt(key, nonce, ciphertext, gcmTag, aad, opened) && opened.AsSpan().SequenceEqual(plaintext));
            }
        }

        byte[] kek = CryptoOutput.Bytes(32, 0x9000);
        foreach (int length in new[] { 1, 7, 8, 20, 32 })
        {
            byte[] secret = CryptoOutput.Bytes(length, 0x9100u + (uint)length);
            byte[] wrapped = new byte[AesKeyWrapPadded.WrappedLength(length)];
            AesKeyWrapPadded.Wrap(kek, secret, wrapped);
            CryptoOutput.Line("kwp wrap " + length, wrapped);
            byte[] unwrapped = new byte[wrapped.Length - 8];
            bool ok = AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out int unwrappedLength);
            CryptoOutput.Line("kwp unwrap " + length, ok && unwrappedLength == length && unwrapped.AsSpan(0, length).SequenceEqual(secret));
            wrapped[3] ^= 1;
            CryptoOutput.Line("kwp unwrap tampered " + length, AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out _));
        }

        return 0;
    }
}
