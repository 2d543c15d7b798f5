using System.Formats.Cbor;

namespace Xous.Vault.Tests.Pin;

public sealed class LargeBlobsTests
{
    private static readonly byte[] s_initial = Convert.FromHexString("8076be8b528d0075f7aae98d6fa57a6d3c");
    private const ulong Lbw = 0x10;
    private const int MaxFragment = AuthenticatorLimits.MaxMessageSize - 64;

    private static (CtapStatus Status, byte[] Body) Blobs(PinDevice device, byte[] parameters) => PinDevice.Send(device.Pin.LargeBlobs, parameters);

    private static (CtapStatus Status, byte[] Data) Get(PinDevice device, ulong count, ulong offset)
    {
        var (status, body) = Blobs(device, TestPlatform.Map((1, count), (3, offset)));
        if (status != CtapStatus.Ok)
        {
            return (status, []);
        }

        var reader = new CborReader(body, CborConformanceMode.Ctap2Canonical);
        Assert.Equal(1, reader.ReadStartMap());
        Assert.Equal(1UL, reader.ReadUInt64());
        return (status, reader.ReadByteString());
    }

    private static byte[] ReadAll(PinDevice device, int fragment)
    {
        var result = new System.Collections.Generic.List<byte>();
        while (true)
        {
            var (status, data) = Get(device, (ulong)fragment, (ulong)result.Count);
            Assert.Equal(CtapStatus.Ok, status);
            result.AddRange(data);
            if (data.Length < fragment)
            {
                return [.. result];
            }
        }
    }

    /// <summary>A serialized array: CBOR [bytes(payload)] ‖ LEFT(SHA-256, 16).</summary>
    private static byte[] Array(int payloadLength, bool corrupt = false)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartArray(1);
        byte[] payload = new byte[payloadLength];
        new Random(payloadLength).NextBytes(payload);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        byte[] cbor = writer.Encode();
        byte[] hash = TestPlatform.Sha256(cbor)[..16];
        if (corrupt)
        {
            hash[3] ^= 0x10;
        }

        return [.. cbor, .. hash];
    }

    private static byte[] Set(byte[] fragment, ulong offset, ulong? length = null, ulong protocol = 0, byte[]? token = null)
    {
        if (token == null)
        {
            return length.HasValue ? TestPlatform.Map((2, fragment), (3, offset), (4, length.Value)) : TestPlatform.Map((2, fragment), (3, offset));
        }

        byte[] message = [.. Enumerable.Repeat((byte)0xFF, 32), 0x0C, 0x00, .. BitConverter.GetBytes((uint)offset), .. TestPlatform.Sha256(fragment)];
        byte[] auth = TestPlatform.Authenticate(protocol, token, message);
        return length.HasValue
            ? TestPlatform.Map((2, fragment), (3, offset), (4, length.Value), (5, auth), (6, protocol))
            : TestPlatform.Map((2, fragment), (3, offset), (5, auth), (6, protocol));
    }

    [Fact]
    public void TheInitialArrayAndGetErrors()
    {
        var device = new PinDevice();
        Assert.Equal(s_initial, Get(device, 1024, 0).Data);
        Assert.Equal(s_initial[5..], Get(device, 1024, 5).Data);
        Assert.Equal(s_initial[2..4], Get(device, 2, 2).Data);
        Assert.Empty(Get(device, 10, 17).Data);
        Assert.Equal(CtapStatus.InvalidParameter, Get(device, 10, 18).Status);
        Assert.Equal(CtapStatus.Ok, Get(device, (ulong)MaxFragment, 0).Status);
        Assert.Equal(CtapStatus.InvalidLength, Get(device, (ulong)MaxFragment + 1, 0).Status);
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, TestPlatform.Map((1, 10UL), (3, 0UL), (4, 10UL))).Status);
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, TestPlatform.Map((1, 10UL), (2, s_initial), (3, 0UL))).Status);
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, TestPlatform.Map((3, 0UL))).Status);
        Assert.Equal(CtapStatus.MissingParameter, Blobs(device, TestPlatform.Map((1, 10UL))).Status);
        Assert.Equal(CtapStatus.CborUnexpectedType, Blobs(device, TestPlatform.Map((1, 10UL), (3, "zero"))).Status);
    }

    [Fact]
    public void FragmentedWriteThenFragmentedRead()
    {
        var device = new PinDevice();
        byte[] array = Array(1000);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[..400], 0, (ulong)array.Length)).Status);
        Assert.Equal(s_initial, Get(device, 100, 0).Data); // nothing visible before the last fragment
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[400..800], 400)).Status);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[800..], 800)).Status);
        Assert.Equal(array, ReadAll(device, 300));
        device.PowerCycle();
        Assert.Equal(array, ReadAll(device, 64));
    }

    [Fact]
    public void ALargestArrayFitsAndALargerOneDoesNot()
    {
        var device = new PinDevice();
        byte[] largest = Array(2048 - 16 - 4); // 0x81 0x59 len16 payload ‖ hash = 2048
        Assert.Equal(2048, largest.Length);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(largest, 0, 2048)).Status);
        Assert.Equal(largest, ReadAll(device, 1000));
        Assert.Equal(CtapStatus.LargeBlobStorageFull, Blobs(device, Set(largest[..100], 0, 2049)).Status);
        Assert.Equal(largest, ReadAll(device, 1000));
    }

    [Fact]
    public void IntegrityAndSequenceErrors()
    {
        var device = new PinDevice();
        byte[] corrupt = Array(100, corrupt: true);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(corrupt[..50], 0, (ulong)corrupt.Length)).Status);
        Assert.Equal(CtapStatus.IntegrityFailure, Blobs(device, Set(corrupt[50..], 50)).Status);
        Assert.Equal(s_initial, ReadAll(device, 100));
        // the failed write is gone: continuing it is out of sequence
        Assert.Equal(CtapStatus.InvalidSeq, Blobs(device, Set(corrupt[50..], 50)).Status);

        byte[] array = Array(100);
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, Set(array, 0)).Status); // offset 0 needs length
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, Set(array[..10], 0, 16)).Status); // shorter than []‖hash
        Assert.Equal(CtapStatus.InvalidSeq, Blobs(device, Set(array[..10], 10)).Status); // nothing started
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[..10], 0, (ulong)array.Length)).Status);
        Assert.Equal(CtapStatus.InvalidSeq, Blobs(device, Set(array[20..30], 20)).Status);
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, Set(array[10..20], 10, 20)).Status); // length only with offset 0
        Assert.Equal(CtapStatus.InvalidParameter, Blobs(device, Set([.. array[10..], 0], 10)).Status); // beyond the announced length
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[10..], 10)).Status);
        Assert.Equal(array, ReadAll(device, 100));
        Assert.Equal(CtapStatus.InvalidLength, Blobs(device, Set(new byte[MaxFragment + 1], 0, 2048)).Status);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void WithAPinWritesNeedATokenWithLbw(ulong protocol)
    {
        var device = new PinDevice();
        var platform = new TestPlatform(device, protocol);
        Assert.Equal(CtapStatus.Ok, platform.SetPin("1234"));
        byte[] array = Array(300);
        Assert.Equal(CtapStatus.PinUvAuthTokenRequired, Blobs(device, Set(array, 0, (ulong)array.Length)).Status);

        var (_, noLbw) = platform.GetToken("1234", 0x02);
        Assert.Equal(CtapStatus.PinAuthInvalid, Blobs(device, Set(array, 0, (ulong)array.Length, protocol, noLbw)).Status);

        var (_, token) = platform.GetToken("1234", Lbw);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[..100], 0, (ulong)array.Length, protocol, token)).Status);
        // a MAC computed for another offset does not authorise this fragment
        byte[] macForOffset0 = TestPlatform.Authenticate(protocol, token,
            [.. Enumerable.Repeat((byte)0xFF, 32), 0x0C, 0x00, 0, 0, 0, 0, .. TestPlatform.Sha256(array[100..])]);
        Assert.Equal(CtapStatus.PinAuthInvalid, Blobs(device, TestPlatform.Map((2, array[100..]), (3, 100UL), (5, macForOffset0), (6, protocol))).Status);
        Assert.Equal(CtapStatus.MissingParameter, Blobs(device, TestPlatform.Map((2, array[100..]), (3, 100UL), (5, macForOffset0))).Status);
        Assert.Equal(CtapStatus.PinAuthInvalid, Blobs(device, Set(array[100..], 100, null, protocol, noLbw)).Status);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array[100..], 100, null, protocol, token)).Status);
        Assert.Equal(array, ReadAll(device, 1000));

        // reads need no token
        device.PowerCycle();
        Assert.Equal(array, ReadAll(device, 1000));
    }

    [Fact]
    public void ResetRestoresTheInitialArray()
    {
        var device = new PinDevice();
        byte[] array = Array(50);
        Assert.Equal(CtapStatus.Ok, Blobs(device, Set(array, 0, (ulong)array.Length)).Status);
        Assert.Equal(array, ReadAll(device, 1000));
        device.Pin.Reset();
        device.Store.Commit();
        Assert.Equal(s_initial, ReadAll(device, 1000));
        device.PowerCycle();
        Assert.Equal(s_initial, ReadAll(device, 1000));
    }
}
