using Xunit.Abstractions;

namespace Xous.Crypto.Tests;

/// <summary>
/// Wycheproof AES-GCM-SIV, AES-GCM and AES-KWP files; every case of each must come out right. Nothing is skipped:
/// AES-192 is supported, and the only cases the API refuses with an exception (AES-GCM with an empty nonce) are
/// invalid ones, counted as rejected after checking the exception.
/// </summary>
public class WycheproofAesTests(ITestOutputHelper output)
{
    [Fact]
    public void Aes_gcm_siv() => RunAead("aes_gcm_siv_test.json", AesGcmSiv.Encrypt, AesGcmSiv.Decrypt);

    [Fact]
    public void Aes_gcm() =>
        RunAead("aes_gcm_test.json", AesGcm.Encrypt, AesGcm.Decrypt, test =>
        {
            if (test.Bytes("iv").Length > 0)
            {
                return false;
            }

            ArgumentException refused = Assert.Throws<ArgumentException>(
                () => AesGcm.Decrypt(test.Bytes("key"), [], test.Bytes("ct"), test.Bytes("tag"), test.Bytes("aad"), new byte[test.Bytes("ct").Length]));
            Assert.Equal("nonce", refused.ParamName);
            return true;
        });

    [Fact]
    public void Aes_kwp() =>
        Wycheproof.Run(output, "aes_kwp_test.json", test =>
        {
            byte[] kek = test.Bytes("key"), key = test.Bytes("msg"), wrapped = test.Bytes("ct");
            Assert.Equal(test.GroupInt("keySize") / 8, kek.Length);
            byte[] unwrapped = new byte[Math.Max(0, wrapped.Length - 8)];
            bool accepted = AesKeyWrapPadded.Unwrap(kek, wrapped, unwrapped, out int length);
            if (!accepted)
            {
                Assert.Equal(0, length);
                Assert.All(unwrapped, b => Assert.Equal(0, b));
                return false;
            }

            Assert.Equal(key, unwrapped[..length]);
            byte[] rewrapped = new byte[AesKeyWrapPadded.WrappedLength(key.Length)];
            AesKeyWrapPadded.Wrap(kek, key, rewrapped);
            Assert.Equal(wrapped, rewrapped);
            return true;
        });

    private delegate void Encrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData,
        Span<byte> ciphertext, Span<byte> tag);

    /// <summary>
    /// Decrypts each case (accepted = authentic and the plaintext matches); valid cases must also encrypt to the
    /// expected ciphertext and tag. <paramref name="refusedByApi"/> handles inputs the API refuses with an exception.
    /// </summary>
    private void RunAead(string file, Encrypt encrypt, AesAeadTampering.Decrypt decrypt, Func<WycheproofCase, bool>? refusedByApi = null) =>
        Wycheproof.Run(output, file, test =>
        {
            if (refusedByApi is not null && refusedByApi(test))
            {
                return false;
            }

            byte[] key = test.Bytes("key"), nonce = test.Bytes("iv"), aad = test.Bytes("aad");
            byte[] message = test.Bytes("msg"), ciphertext = test.Bytes("ct"), tag = test.Bytes("tag");
            Assert.Equal(test.GroupInt("keySize") / 8, key.Length);
            Assert.Equal(16, tag.Length);
            byte[] plaintext = new byte[ciphertext.Length];
            if (!decrypt(key, nonce, ciphertext, tag, aad, plaintext))
            {
                Assert.All(plaintext, b => Assert.Equal(0, b));
                return false;
            }

            if (test.Result == "valid")
            {
                byte[] ownCiphertext = new byte[message.Length];
                byte[] ownTag = new byte[16];
                encrypt(key, nonce, message, aad, ownCiphertext, ownTag);
                Assert.Equal(ciphertext, ownCiphertext);
                Assert.Equal(tag, ownTag);
            }

            return plaintext.AsSpan().SequenceEqual(message);
        });
}
