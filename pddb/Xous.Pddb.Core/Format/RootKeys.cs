using System;
using System.Buffers.Binary;
using Xous.Crypto;

namespace Xous.Pddb.Format;

/// <summary>
/// What the KEYROM provides on a Precursor (reference §4.12, §5.4): the bcrypt pepper, the User0 key that the boot PIN
/// unlocks, the FPGA DNA bound into every page's associated data, and the anti-rollback counter. On a PC it is a
/// 64-byte file beside the image: "XPDS", version u8 = 1, rollback u8, 2 zero bytes, pepper 16, user key 32, DNA u64
/// LE. The file is as secret as the KEYROM: whoever has it and the PIN has the <c>.System</c> basis.
/// </summary>
public sealed class DeviceSecrets : IDisposable
{
    /// <summary>Bytes of the file form.</summary>
    public const int FileSize = 64;

    private const byte FileVersion = 1;
    private const int PepperSize = 16;
    private const int UserKeySize = 32;

    private readonly byte[] _pepper = new byte[PepperSize];
    private readonly byte[] _userKey = new byte[UserKeySize];
    private bool _disposed;

    /// <summary>Copies the secrets.</summary>
    /// <param name="pepper">16 bytes: the salt of the boot-PIN bcrypt.</param>
    /// <param name="userKey">32 bytes: the KEYROM USER_KEY that the hashed PIN is XORed with.</param>
    /// <param name="deviceDna">The FPGA DNA.</param>
    /// <param name="rollback">The anti-rollback counter (0 to 255).</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public DeviceSecrets(ReadOnlySpan<byte> pepper, ReadOnlySpan<byte> userKey, ulong deviceDna, byte rollback)
    {
        DataPage.CheckLength(pepper.Length, PepperSize, nameof(pepper));
        DataPage.CheckLength(userKey.Length, UserKeySize, nameof(userKey));
        pepper.CopyTo(_pepper);
        userKey.CopyTo(_userKey);
        DeviceDna = deviceDna;
        Rollback = rollback;
    }

    /// <summary>The 16-byte pepper.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public ReadOnlySpan<byte> Pepper => Live()._pepper;

    /// <summary>The 32-byte user key.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public ReadOnlySpan<byte> UserKey => Live()._userKey;

    /// <summary>The FPGA DNA.</summary>
    public ulong DeviceDna { get; }

    /// <summary>The anti-rollback counter.</summary>
    public byte Rollback { get; }

    /// <summary>New secrets: random pepper, user key and DNA, rollback 0.</summary>
    /// <param name="random">The PDDB's randomness.</param>
    /// <returns>The secrets (the caller disposes them).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static DeviceSecrets Generate(PddbRandom random)
    {
        if (random is null)
        {
            throw new ArgumentNullException(nameof(random));
        }

        Span<byte> material = stackalloc byte[PepperSize + UserKeySize + 8];
        random.Fill(material);
        DeviceSecrets secrets = new DeviceSecrets(
            material.Slice(0, PepperSize), material.Slice(PepperSize, UserKeySize),
            BinaryPrimitives.ReadUInt64LittleEndian(material.Slice(PepperSize + UserKeySize)), 0);
        material.Clear();
        return secrets;
    }

    /// <summary>Writes the 64-byte file form.</summary>
    /// <param name="destination">Exactly <see cref="FileSize"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 64 bytes.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public void Write(Span<byte> destination)
    {
        Live();
        DataPage.CheckLength(destination.Length, FileSize, nameof(destination));
        Magic.CopyTo(destination);
        destination[4] = FileVersion;
        destination[5] = Rollback;
        destination[6] = 0;
        destination[7] = 0;
        _pepper.AsSpan().CopyTo(destination.Slice(8, PepperSize));
        _userKey.AsSpan().CopyTo(destination.Slice(24, UserKeySize));
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(56, 8), DeviceDna);
    }

    /// <summary>Reads the file form; false for a wrong length, magic, version or non-zero reserved bytes.</summary>
    /// <param name="source">The file's bytes.</param>
    /// <param name="secrets">The secrets on success (the caller disposes them); null otherwise.</param>
    /// <returns>Whether the file was well-formed.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out DeviceSecrets? secrets)
    {
        secrets = null;
        if (source.Length != FileSize || !source.Slice(0, 4).SequenceEqual(Magic) || source[4] != FileVersion
            || source[6] != 0 || source[7] != 0)
        {
            return false;
        }

        secrets = new DeviceSecrets(
            source.Slice(8, PepperSize), source.Slice(24, UserKeySize), BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(56, 8)), source[5]);
        return true;
    }

    /// <summary>Wipes the pepper and the user key.</summary>
    public void Dispose()
    {
        _pepper.AsSpan().Clear();
        _userKey.AsSpan().Clear();
        _disposed = true;
    }

    private static ReadOnlySpan<byte> Magic => "XPDS"u8;

    private DeviceSecrets Live()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(DeviceSecrets));
        }

        return this;
    }
}

/// <summary>
/// The root-keys side of the <c>.System</c> basis (reference §5.4): the User0 key from the boot PIN and the
/// AES-KWP wrapping of the <c>.System</c> keys in the static crypto data page. A wrong PIN gives another User0 key,
/// and the unwrap's integrity check then fails: that is how a bad PIN is detected.
/// </summary>
public static class RootKeys
{
    private const int KeySize = 32;
    private const int MaxRollback = 255;

    /// <summary>
    /// User0 = SHA-512/256(bcrypt(cost, pepper with byte 0 XOR 1, PIN)) XOR USER_KEY, then hashed with SHA-512/256
    /// (255 − rollback) more times.
    /// </summary>
    /// <remarks>
    /// The bcrypt key follows root-keys' convention: the PIN followed by a NUL, truncated to 72 bytes (a 72-byte PIN is
    /// hashed without its NUL, as bcrypt never reads a 73rd key byte). The salt's byte 0 is XORed with 1, the boot
    /// password type, so that one hashcat run cannot attack all of root-keys' passwords at once.
    /// </remarks>
    /// <param name="pin">The boot PIN's UTF-8 bytes, 1 to 72.</param>
    /// <param name="secrets">The device secrets.</param>
    /// <param name="user0Key">32 bytes; receives the User0 key.</param>
    /// <param name="cost">The bcrypt cost (tests use the minimum, 4).</param>
    /// <exception cref="ArgumentException">The PIN is empty or longer than 72 bytes, or the output is not 32 bytes.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="secrets"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside bcrypt's 4–31.</exception>
    public static void DeriveUser0(ReadOnlySpan<byte> pin, DeviceSecrets secrets, Span<byte> user0Key, int cost = 7)
    {
        if (secrets is null)
        {
            throw new ArgumentNullException(nameof(secrets));
        }

        if (pin.Length == 0 || pin.Length > PddbNames.MaxPasswordBytes)
        {
            throw new ArgumentException("a PIN is 1 to 72 bytes", nameof(pin));
        }

        DataPage.CheckLength(user0Key.Length, KeySize, nameof(user0Key));
        if (cost < Bcrypt.MinCost || cost > Bcrypt.MaxCost)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), "the bcrypt cost is 4 to 31");
        }

        Span<byte> key = stackalloc byte[PddbNames.MaxPasswordBytes + 1];
        key.Clear();
        pin.CopyTo(key);
        int keyLength = pin.Length < PddbNames.MaxPasswordBytes ? pin.Length + 1 : PddbNames.MaxPasswordBytes;
        Span<byte> salt = stackalloc byte[Bcrypt.SaltSizeInBytes];
        secrets.Pepper.CopyTo(salt);
        salt[0] ^= 1;
        Span<byte> hashed = stackalloc byte[Bcrypt.OutputSizeInBytes];
        Bcrypt.HashRaw(key.Slice(0, keyLength), salt, cost, hashed);
        key.Clear();
        salt.Clear();

        Sha512Truncated256.Hash(hashed, user0Key);
        hashed.Clear();
        ReadOnlySpan<byte> userKey = secrets.UserKey;
        for (int i = 0; i < KeySize; i++)
        {
            user0Key[i] ^= userKey[i];
        }

        Span<byte> round = stackalloc byte[KeySize];
        for (int i = 0; i < MaxRollback - secrets.Rollback; i++)
        {
            Sha512Truncated256.Hash(user0Key, round);
            round.CopyTo(user0Key);
        }

        round.Clear();
    }

    /// <summary>Wraps the <c>.System</c> keys under User0 with AES-KWP (RFC 5649): 32 bytes become 40.</summary>
    /// <param name="user0Key">The 32-byte User0 key.</param>
    /// <param name="pageTableKey">The 32-byte <c>.System</c> page-table key.</param>
    /// <param name="dataKey">The 32-byte <c>.System</c> data key.</param>
    /// <param name="wrappedPageTableKey">40 bytes.</param>
    /// <param name="wrappedDataKey">40 bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static void WrapSystemKeys(
        ReadOnlySpan<byte> user0Key, ReadOnlySpan<byte> pageTableKey, ReadOnlySpan<byte> dataKey, Span<byte> wrappedPageTableKey,
        Span<byte> wrappedDataKey)
    {
        DataPage.CheckLength(user0Key.Length, KeySize, nameof(user0Key));
        DataPage.CheckLength(pageTableKey.Length, KeySize, nameof(pageTableKey));
        DataPage.CheckLength(dataKey.Length, KeySize, nameof(dataKey));
        DataPage.CheckLength(wrappedPageTableKey.Length, StaticCryptoData.WrappedKeySize, nameof(wrappedPageTableKey));
        DataPage.CheckLength(wrappedDataKey.Length, StaticCryptoData.WrappedKeySize, nameof(wrappedDataKey));
        AesKeyWrapPadded.Wrap(user0Key, pageTableKey, wrappedPageTableKey);
        AesKeyWrapPadded.Wrap(user0Key, dataKey, wrappedDataKey);
    }

    /// <summary>
    /// Unwraps the <c>.System</c> keys. False, with both outputs cleared, when either wrapped key fails its integrity
    /// check or is not a 32-byte key (a wrong PIN, so a wrong User0 key, or a damaged page).
    /// </summary>
    /// <param name="user0Key">The 32-byte User0 key.</param>
    /// <param name="wrappedPageTableKey">40 bytes from the static crypto data page.</param>
    /// <param name="wrappedDataKey">40 bytes from the static crypto data page.</param>
    /// <param name="pageTableKey">32 bytes; receives the page-table key.</param>
    /// <param name="dataKey">32 bytes; receives the data key.</param>
    /// <returns>Whether both keys unwrapped.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public static bool TryUnwrapSystemKeys(
        ReadOnlySpan<byte> user0Key, ReadOnlySpan<byte> wrappedPageTableKey, ReadOnlySpan<byte> wrappedDataKey, Span<byte> pageTableKey,
        Span<byte> dataKey)
    {
        DataPage.CheckLength(user0Key.Length, KeySize, nameof(user0Key));
        DataPage.CheckLength(wrappedPageTableKey.Length, StaticCryptoData.WrappedKeySize, nameof(wrappedPageTableKey));
        DataPage.CheckLength(wrappedDataKey.Length, StaticCryptoData.WrappedKeySize, nameof(wrappedDataKey));
        DataPage.CheckLength(pageTableKey.Length, KeySize, nameof(pageTableKey));
        DataPage.CheckLength(dataKey.Length, KeySize, nameof(dataKey));
        bool pageTableOk = AesKeyWrapPadded.Unwrap(user0Key, wrappedPageTableKey, pageTableKey, out int pageTableLength);
        bool dataOk = AesKeyWrapPadded.Unwrap(user0Key, wrappedDataKey, dataKey, out int dataLength);
        if (pageTableOk & dataOk & pageTableLength == KeySize & dataLength == KeySize)
        {
            return true;
        }

        pageTableKey.Clear();
        dataKey.Clear();
        return false;
    }
}
