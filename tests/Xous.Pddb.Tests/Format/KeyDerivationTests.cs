using Xous.Crypto;
using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>
/// Secret-basis keys and the <c>.System</c> root keys (§5.4), recomputed with BouncyCastle's BCrypt, SHA-512/256,
/// HKDF and RFC 5649 key wrap; the device secrets file.
/// </summary>
public class KeyDerivationTests
{
    private const int TestCost = 4;

    private static (byte[] PageTable, byte[] Data) ExpectedBasisKeys(byte[] saltBase, byte[] name, byte[] password, int cost)
    {
        byte[] paddedName = new byte[64];
        name.CopyTo(paddedName, 0);
        byte[] paddedPassword = new byte[73];
        password.CopyTo(paddedPassword, 0);
        byte[] salt = Sha512_256(saltBase[32..], paddedName, paddedPassword)[..16];
        byte[] hashed = Bcrypt(password, salt, cost);
        return (Hkdf(hashed, saltBase[..32], "pddb page table key"u8.ToArray(), 32), Hkdf(hashed, saltBase[..32], "pddb data key"u8.ToArray(), 32));
    }

    private static (byte[] PageTable, byte[] Data) Derive(byte[] saltBase, byte[] name, byte[] password, int cost = TestCost)
    {
        byte[] pageTable = new byte[32];
        byte[] data = new byte[32];
        BasisKeyDerivation.Derive(saltBase, name, password, pageTable, data, cost);
        return (pageTable, data);
    }

    [Fact]
    public void Basis_keys_match_BouncyCastle()
    {
        var random = new Random(7);
        int[] passwordLengths = [1, 2, 8, 31, 71, 72];
        for (int i = 0; i < passwordLengths.Length; i++)
        {
            byte[] saltBase = Bytes(random, 4012);
            byte[] name = Bytes(random, i == 0 ? 63 : random.Next(64));
            byte[] password = Bytes(random, passwordLengths[i]);
            (byte[] pageTable, byte[] data) = Derive(saltBase, name, password);
            (byte[] expectedPageTable, byte[] expectedData) = ExpectedBasisKeys(saltBase, name, password, TestCost);
            Assert.Equal(expectedPageTable, pageTable);
            Assert.Equal(expectedData, data);
            Assert.NotEqual(pageTable, data);
        }
    }

    [Fact]
    public void Basis_keys_use_cost_7_by_default()
    {
        var random = new Random(77);
        byte[] saltBase = Bytes(random, 4012);
        byte[] name = "work"u8.ToArray();
        byte[] password = "hunter2"u8.ToArray();
        byte[] pageTable = new byte[32];
        byte[] data = new byte[32];
        BasisKeyDerivation.Derive(saltBase, name, password, pageTable, data);
        (byte[] expectedPageTable, byte[] expectedData) = ExpectedBasisKeys(saltBase, name, password, 7);
        Assert.Equal(expectedPageTable, pageTable);
        Assert.Equal(expectedData, data);
    }

    [Fact]
    public void The_bcrypt_key_is_the_password_as_given_without_a_NUL()
    {
        var random = new Random(8);
        byte[] saltBase = Bytes(random, 4012);
        byte[] name = "basis"u8.ToArray();
        byte[] password = "pw"u8.ToArray();
        (byte[] pageTable, _) = Derive(saltBase, name, password);

        byte[] paddedName = new byte[64];
        name.CopyTo(paddedName, 0);
        byte[] paddedPassword = new byte[73];
        password.CopyTo(paddedPassword, 0);
        byte[] salt = Sha512_256(saltBase[32..], paddedName, paddedPassword)[..16];
        byte[] withNul = Hkdf(Bcrypt([.. password, 0], salt, TestCost), saltBase[..32], "pddb page table key"u8.ToArray(), 32);
        Assert.NotEqual(withNul, pageTable);
    }

    [Fact]
    public void Every_input_changes_the_keys()
    {
        var random = new Random(9);
        byte[] saltBase = Bytes(random, 4012);
        byte[] name = "basis"u8.ToArray();
        byte[] password = "password"u8.ToArray();
        (byte[] pageTable, byte[] data) = Derive(saltBase, name, password);

        byte[] hkdfSaltChanged = (byte[])saltBase.Clone();
        hkdfSaltChanged[0] ^= 1;
        byte[] bcryptSaltChanged = (byte[])saltBase.Clone();
        bcryptSaltChanged[4011] ^= 1;
        var variants = new[]
        {
            Derive(hkdfSaltChanged, name, password),
            Derive(bcryptSaltChanged, name, password),
            Derive(saltBase, "basiS"u8.ToArray(), password),
            Derive(saltBase, [.. name, (byte)'s'], password),
            Derive(saltBase, name, [.. password, 0]),
            Derive(saltBase, name, "passworD"u8.ToArray()),
            Derive(saltBase, name, password, TestCost + 1),
        };
        foreach ((byte[] otherPageTable, byte[] otherData) in variants)
        {
            Assert.NotEqual(pageTable, otherPageTable);
            Assert.NotEqual(data, otherData);
        }

        (byte[] againPageTable, byte[] againData) = Derive(saltBase, name, password);
        Assert.Equal(pageTable, againPageTable);
        Assert.Equal(data, againData);

        // The name is zero-padded into bname[64], so a trailing NUL does not change the keys: one reason names
        // containing U+0000 are refused by PddbNames.TryEncode.
        (byte[] nulPageTable, byte[] nulData) = Derive(saltBase, [.. name, 0], password);
        Assert.Equal(pageTable, nulPageTable);
        Assert.Equal(data, nulData);
    }

    [Fact]
    public void Basis_derivation_rejects_bad_lengths()
    {
        byte[] saltBase = new byte[4012];
        Assert.Throws<ArgumentException>(() => Derive(saltBase, [1], []));
        Assert.Throws<ArgumentException>(() => Derive(saltBase, [1], new byte[73]));
        Assert.Throws<ArgumentException>(() => Derive(saltBase, new byte[64], [1]));
        Assert.Throws<ArgumentException>(() => Derive(new byte[4011], [1], [1]));
        Assert.Throws<ArgumentException>(() => BasisKeyDerivation.Derive(saltBase, [1], [1], new byte[31], new byte[32], TestCost));
        Assert.Throws<ArgumentOutOfRangeException>(() => Derive(saltBase, [1], [1], 3));
        Derive(saltBase, [], new byte[72]);
    }

    private static byte[] ExpectedUser0(byte[] pin, byte[] pepper, byte[] userKey, byte rollback, int cost)
    {
        byte[] key = [.. pin, 0];
        if (key.Length > 72)
        {
            key = key[..72];
        }

        byte[] salt = (byte[])pepper.Clone();
        salt[0] ^= 1;
        byte[] user0 = Sha512_256(Bcrypt(key, salt, cost));
        for (int i = 0; i < 32; i++)
        {
            user0[i] ^= userKey[i];
        }

        for (int i = 0; i < 255 - rollback; i++)
        {
            user0 = Sha512_256(user0);
        }

        return user0;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(6, 1)]
    [InlineData(71, 254)]
    [InlineData(72, 255)]
    [InlineData(20, 128)]
    public void User0_matches_BouncyCastle(int pinLength, byte rollback)
    {
        var random = new Random((pinLength * 1000) + rollback);
        byte[] pin = Bytes(random, pinLength);
        byte[] pepper = Bytes(random, 16);
        byte[] userKey = Bytes(random, 32);
        using var secrets = new DeviceSecrets(pepper, userKey, 0x1234, rollback);
        byte[] user0 = new byte[32];
        RootKeys.DeriveUser0(pin, secrets, user0, TestCost);
        Assert.Equal(ExpectedUser0(pin, pepper, userKey, rollback, TestCost), user0);
    }

    [Fact]
    public void User0_uses_cost_7_by_default_and_depends_on_every_secret()
    {
        var random = new Random(12);
        byte[] pin = "1234"u8.ToArray();
        byte[] pepper = Bytes(random, 16);
        byte[] userKey = Bytes(random, 32);
        using var secrets = new DeviceSecrets(pepper, userKey, 1, 3);
        byte[] user0 = new byte[32];
        RootKeys.DeriveUser0(pin, secrets, user0);
        Assert.Equal(ExpectedUser0(pin, pepper, userKey, 3, 7), user0);

        byte[] Other(DeviceSecrets s, byte[] p)
        {
            byte[] output = new byte[32];
            RootKeys.DeriveUser0(p, s, output, TestCost);
            return output;
        }

        byte[] baseline = Other(secrets, pin);
        byte[] otherPepper = (byte[])pepper.Clone();
        otherPepper[15] ^= 1;
        byte[] otherUserKey = (byte[])userKey.Clone();
        otherUserKey[31] ^= 1;
        using var s1 = new DeviceSecrets(otherPepper, userKey, 1, 3);
        using var s2 = new DeviceSecrets(pepper, otherUserKey, 1, 3);
        using var s3 = new DeviceSecrets(pepper, userKey, 1, 4);
        using var s4 = new DeviceSecrets(pepper, userKey, 2, 3);
        Assert.NotEqual(baseline, Other(s1, pin));
        Assert.NotEqual(baseline, Other(s2, pin));
        Assert.NotEqual(baseline, Other(s3, pin));
        Assert.NotEqual(baseline, Other(secrets, "1235"u8.ToArray()));
        Assert.Equal(baseline, Other(s4, pin));
    }

    [Fact]
    public void User0_rejects_bad_PINs()
    {
        using var secrets = new DeviceSecrets(new byte[16], new byte[32], 0, 0);
        Assert.Throws<ArgumentException>(() => RootKeys.DeriveUser0([], secrets, new byte[32], TestCost));
        Assert.Throws<ArgumentException>(() => RootKeys.DeriveUser0(new byte[73], secrets, new byte[32], TestCost));
        Assert.Throws<ArgumentException>(() => RootKeys.DeriveUser0([1], secrets, new byte[31], TestCost));
        Assert.Throws<ArgumentNullException>(() => RootKeys.DeriveUser0([1], null!, new byte[32], TestCost));
    }

    [Fact]
    public void System_keys_wrap_as_RFC_5649_and_round_trip()
    {
        var random = new Random(5649);
        for (int i = 0; i < 200; i++)
        {
            byte[] user0 = Bytes(random, 32);
            byte[] pageTableKey = Bytes(random, 32);
            byte[] dataKey = Bytes(random, 32);
            byte[] wrappedPageTableKey = new byte[40];
            byte[] wrappedDataKey = new byte[40];
            RootKeys.WrapSystemKeys(user0, pageTableKey, dataKey, wrappedPageTableKey, wrappedDataKey);
            Assert.Equal(KwpWrap(user0, pageTableKey), wrappedPageTableKey);
            Assert.Equal(KwpWrap(user0, dataKey), wrappedDataKey);

            byte[] unwrappedPageTable = new byte[32];
            byte[] unwrappedData = new byte[32];
            Assert.True(RootKeys.TryUnwrapSystemKeys(user0, wrappedPageTableKey, wrappedDataKey, unwrappedPageTable, unwrappedData));
            Assert.Equal(pageTableKey, unwrappedPageTable);
            Assert.Equal(dataKey, unwrappedData);
        }
    }

    [Fact]
    public void Wrong_PIN_fails_the_unwrap_and_releases_nothing()
    {
        var random = new Random(1);
        using var secrets = new DeviceSecrets(Bytes(random, 16), Bytes(random, 32), 99, 0);
        byte[] user0 = new byte[32];
        RootKeys.DeriveUser0("2468"u8, secrets, user0, TestCost);
        byte[] wrappedPageTableKey = new byte[40];
        byte[] wrappedDataKey = new byte[40];
        RootKeys.WrapSystemKeys(user0, Bytes(random, 32), Bytes(random, 32), wrappedPageTableKey, wrappedDataKey);

        byte[] wrongUser0 = new byte[32];
        RootKeys.DeriveUser0("2469"u8, secrets, wrongUser0, TestCost);
        byte[] pageTableKey = Enumerable.Repeat((byte)0xAA, 32).ToArray();
        byte[] dataKey = Enumerable.Repeat((byte)0xAA, 32).ToArray();
        Assert.False(RootKeys.TryUnwrapSystemKeys(wrongUser0, wrappedPageTableKey, wrappedDataKey, pageTableKey, dataKey));
        Assert.All(pageTableKey, b => Assert.Equal(0, b));
        Assert.All(dataKey, b => Assert.Equal(0, b));

        Assert.True(RootKeys.TryUnwrapSystemKeys(user0, wrappedPageTableKey, wrappedDataKey, pageTableKey, dataKey));
    }

    [Fact]
    public void Tampering_with_either_wrapped_key_fails_both()
    {
        var random = new Random(2);
        byte[] user0 = Bytes(random, 32);
        byte[] wrappedPageTableKey = new byte[40];
        byte[] wrappedDataKey = new byte[40];
        RootKeys.WrapSystemKeys(user0, Bytes(random, 32), Bytes(random, 32), wrappedPageTableKey, wrappedDataKey);
        for (int bit = 0; bit < 80 * 8; bit += 3)
        {
            byte[] a = (byte[])wrappedPageTableKey.Clone();
            byte[] b = (byte[])wrappedDataKey.Clone();
            byte[] target = bit < 320 ? a : b;
            target[(bit % 320) / 8] ^= (byte)(1 << (bit % 8));
            byte[] pageTableKey = Enumerable.Repeat((byte)0x11, 32).ToArray();
            byte[] dataKey = Enumerable.Repeat((byte)0x11, 32).ToArray();
            Assert.False(RootKeys.TryUnwrapSystemKeys(user0, a, b, pageTableKey, dataKey), $"bit {bit}");
            Assert.All(pageTableKey, x => Assert.Equal(0, x));
            Assert.All(dataKey, x => Assert.Equal(0, x));
        }
    }

    [Fact]
    public void A_validly_wrapped_key_of_another_length_is_refused()
    {
        var random = new Random(3);
        byte[] user0 = Bytes(random, 32);
        byte[] shortKey = KwpWrap(user0, Bytes(random, 31));
        Assert.Equal(40, shortKey.Length);
        Assert.NotNull(KwpUnwrap(user0, shortKey));
        byte[] good = KwpWrap(user0, Bytes(random, 32));
        Assert.False(RootKeys.TryUnwrapSystemKeys(user0, shortKey, good, new byte[32], new byte[32]));
        Assert.False(RootKeys.TryUnwrapSystemKeys(user0, good, shortKey, new byte[32], new byte[32]));
        Assert.True(RootKeys.TryUnwrapSystemKeys(user0, good, good, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>(() => RootKeys.TryUnwrapSystemKeys(user0, good[..32], good, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>(() => RootKeys.WrapSystemKeys(user0, new byte[31], new byte[32], new byte[40], new byte[40]));
    }

    [Fact]
    public void Device_secrets_file_layout_and_round_trip()
    {
        var random = new Random(64);
        byte[] pepper = Bytes(random, 16);
        byte[] userKey = Bytes(random, 32);
        using var secrets = new DeviceSecrets(pepper, userKey, 0x0102_0304_0506_0708, 9);
        byte[] file = new byte[DeviceSecrets.FileSize];
        secrets.Write(file);
        Assert.Equal(Concat("XPDS"u8.ToArray(), [1, 9, 0, 0], pepper, userKey, U64(0x0102_0304_0506_0708)), file);

        Assert.True(DeviceSecrets.TryRead(file, out DeviceSecrets? read));
        using (read)
        {
            Assert.Equal(pepper, read!.Pepper.ToArray());
            Assert.Equal(userKey, read.UserKey.ToArray());
            Assert.Equal(0x0102_0304_0506_0708UL, read.DeviceDna);
            Assert.Equal(9, read.Rollback);
        }
    }

    [Fact]
    public void Device_secrets_file_rejections()
    {
        using var secrets = new DeviceSecrets(new byte[16], new byte[32], 5, 0);
        byte[] file = new byte[64];
        secrets.Write(file);
        Assert.True(DeviceSecrets.TryRead(file, out DeviceSecrets? ok));
        ok!.Dispose();

        foreach ((int offset, byte value) in new[] { (0, (byte)'x'), (3, (byte)'T'), (4, (byte)0), (4, (byte)2), (6, (byte)1), (7, (byte)0x80) })
        {
            byte[] bad = (byte[])file.Clone();
            bad[offset] = value;
            Assert.False(DeviceSecrets.TryRead(bad, out DeviceSecrets? none));
            Assert.Null(none);
        }

        Assert.False(DeviceSecrets.TryRead(file[..63], out _));
        Assert.False(DeviceSecrets.TryRead([.. file, 0], out _));
        Assert.False(DeviceSecrets.TryRead([], out _));
        Assert.Throws<ArgumentException>(() => secrets.Write(new byte[65]));
        Assert.Throws<ArgumentException>(() => new DeviceSecrets(new byte[15], new byte[32], 0, 0));
        Assert.Throws<ArgumentException>(() => new DeviceSecrets(new byte[16], new byte[33], 0, 0));
    }

    [Fact]
    public void Generated_secrets_are_random_and_disposal_wipes_them()
    {
        using var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(new byte[32]));
        DeviceSecrets a = DeviceSecrets.Generate(random);
        using DeviceSecrets b = DeviceSecrets.Generate(random);
        Assert.Equal(0, a.Rollback);
        Assert.NotEqual(a.Pepper.ToArray(), b.Pepper.ToArray());
        Assert.NotEqual(a.UserKey.ToArray(), b.UserKey.ToArray());
        Assert.NotEqual(a.DeviceDna, b.DeviceDna);
        Assert.NotEqual(new byte[16], a.Pepper.ToArray());
        Assert.NotEqual(a.Pepper.ToArray(), a.UserKey[..16].ToArray());

        a.Dispose();
        Assert.Throws<ObjectDisposedException>(() => a.Pepper.ToArray());
        Assert.Throws<ObjectDisposedException>(() => a.UserKey.ToArray());
        Assert.Throws<ObjectDisposedException>(() => a.Write(new byte[64]));
    }
}
