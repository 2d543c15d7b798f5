namespace Xous.Cbor.Tests;

/// <summary>RFC 8949 Appendix A examples that CTAP2 canonical CBOR can express, written and read back.</summary>
public class AppendixATests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(10UL, "0a")]
    [InlineData(23UL, "17")]
    [InlineData(24UL, "1818")]
    [InlineData(25UL, "1819")]
    [InlineData(100UL, "1864")]
    [InlineData(1000UL, "1903e8")]
    [InlineData(1000000UL, "1a000f4240")]
    [InlineData(1000000000000UL, "1b000000e8d4a51000")]
    [InlineData(18446744073709551615UL, "1bffffffffffffffff")]
    public void Unsigned_integers(ulong value, string hex)
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CborWriter(buffer);
        writer.WriteUInt64(value);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));

        var reader = new CborReader(Convert.FromHexString(hex));
        Assert.Equal(CborReaderState.UnsignedInteger, reader.PeekState());
        Assert.Equal(value, reader.ReadUInt64());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Theory]
    [InlineData(-1L, "20")]
    [InlineData(-10L, "29")]
    [InlineData(-100L, "3863")]
    [InlineData(-1000L, "3903e7")]
    [InlineData(long.MinValue, "3b7fffffffffffffff")]
    public void Negative_integers(long value, string hex)
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CborWriter(buffer);
        writer.WriteInt64(value);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));

        var reader = new CborReader(Convert.FromHexString(hex));
        Assert.Equal(CborReaderState.NegativeInteger, reader.PeekState());
        Assert.Equal(value, reader.ReadInt64());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Fact]
    public void Minus_two_to_the_64()
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CborWriter(buffer);
        writer.WriteCborNegativeIntegerRepresentation(ulong.MaxValue);
        Assert.Equal("3bffffffffffffffff", Convert.ToHexStringLower(writer.WrittenSpan));

        var reader = new CborReader(writer.WrittenSpan);
        Assert.Equal(ulong.MaxValue, reader.ReadCborNegativeIntegerRepresentation());
        CborException e = Assert.Throws<CborException>(() => new CborReader(Convert.FromHexString("3bffffffffffffffff")).ReadInt64());
        Assert.Equal(CborError.IntegerOverflow, e.Error);
    }

    [Theory]
    [InlineData("", "40")]
    [InlineData("01020304", "4401020304")]
    public void Byte_strings(string contentHex, string hex)
    {
        byte[] content = Convert.FromHexString(contentHex);
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CborWriter(buffer);
        writer.WriteByteString(content);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));

        var reader = new CborReader(Convert.FromHexString(hex));
        Assert.Equal(CborReaderState.ByteString, reader.PeekState());
        Assert.Equal(content, reader.ReadByteString().ToArray());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Theory]
    [InlineData("", "60")]
    [InlineData("a", "6161")]
    [InlineData("IETF", "6449455446")]
    [InlineData("\"\\", "62225c")]
    [InlineData("\u00fc", "62c3bc")]
    [InlineData("\u6c34", "63e6b0b4")]
    [InlineData("\ud800\udd51", "64f0908591")]
    public void Text_strings(string text, string hex)
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CborWriter(buffer);
        writer.WriteTextString(text);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));

        var reader = new CborReader(Convert.FromHexString(hex));
        Assert.Equal(CborReaderState.TextString, reader.PeekState());
        Assert.Equal(text, reader.ReadTextString());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Theory]
    [InlineData("f4", false)]
    [InlineData("f5", true)]
    public void Booleans(string hex, bool value)
    {
        Span<byte> buffer = stackalloc byte[4];
        var writer = new CborWriter(buffer);
        writer.WriteBoolean(value);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));
        var reader = new CborReader(Convert.FromHexString(hex));
        Assert.Equal(CborReaderState.Boolean, reader.PeekState());
        Assert.Equal(value, reader.ReadBoolean());
    }

    [Fact]
    public void Null()
    {
        Span<byte> buffer = stackalloc byte[4];
        var writer = new CborWriter(buffer);
        writer.WriteNull();
        Assert.Equal("f6", Convert.ToHexStringLower(writer.WrittenSpan));
        var reader = new CborReader(Convert.FromHexString("f6"));
        Assert.Equal(CborReaderState.Null, reader.PeekState());
        reader.ReadNull();
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Fact]
    public void Arrays()
    {
        Assert.Equal("80", Write((ref CborWriter w) => { w.WriteStartArray(0); w.WriteEndArray(); }));
        Assert.Equal("83010203", Write((ref CborWriter w) =>
        {
            w.WriteStartArray(3);
            w.WriteUInt64(1);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteEndArray();
        }));
        Assert.Equal("8301820203820405", Write((ref CborWriter w) =>
        {
            w.WriteStartArray(3);
            w.WriteUInt64(1);
            w.WriteStartArray(2);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteEndArray();
            w.WriteStartArray(2);
            w.WriteUInt64(4);
            w.WriteUInt64(5);
            w.WriteEndArray();
            w.WriteEndArray();
        }));
        Assert.Equal("98190102030405060708090a0b0c0d0e0f101112131415161718181819", Write((ref CborWriter w) =>
        {
            w.WriteStartArray(25);
            for (ulong i = 1; i <= 25; i++)
            {
                w.WriteUInt64(i);
            }

            w.WriteEndArray();
        }));

        var reader = new CborReader(Convert.FromHexString("8301820203820405"));
        Assert.Equal(3, reader.ReadStartArray());
        Assert.Equal(1UL, reader.ReadUInt64());
        Assert.Equal(2, reader.ReadStartArray());
        Assert.Equal(2L, reader.ReadInt64());
        Assert.Equal(3, reader.ReadInt32());
        Assert.Equal(CborReaderState.EndArray, reader.PeekState());
        reader.ReadEndArray();
        reader.SkipValue();
        Assert.Equal(CborReaderState.EndArray, reader.PeekState());
        reader.ReadEndArray();
        Assert.Equal(CborReaderState.Finished, reader.PeekState());

        var long25 = new CborReader(Convert.FromHexString("98190102030405060708090a0b0c0d0e0f101112131415161718181819"));
        Assert.Equal(25, long25.ReadStartArray());
        for (uint i = 1; i <= 25; i++)
        {
            Assert.Equal(i, long25.ReadUInt32());
        }

        long25.ReadEndArray();
        Assert.Equal(CborReaderState.Finished, long25.PeekState());
    }

    [Fact]
    public void Maps()
    {
        Assert.Equal("a0", Write((ref CborWriter w) => { w.WriteStartMap(0); w.WriteEndMap(); }));
        Assert.Equal("a201020304", Write((ref CborWriter w) =>
        {
            w.WriteStartMap(2);
            w.WriteUInt64(1);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteUInt64(4);
            w.WriteEndMap();
        }));
        Assert.Equal("a26161016162820203", Write((ref CborWriter w) =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("a");
            w.WriteUInt64(1);
            w.WriteTextString("b");
            w.WriteStartArray(2);
            w.WriteUInt64(2);
            w.WriteUInt64(3);
            w.WriteEndArray();
            w.WriteEndMap();
        }));
        Assert.Equal("826161a161626163", Write((ref CborWriter w) =>
        {
            w.WriteStartArray(2);
            w.WriteTextString("a");
            w.WriteStartMap(1);
            w.WriteTextString("b");
            w.WriteTextString("c");
            w.WriteEndMap();
            w.WriteEndArray();
        }));
        Assert.Equal("a56161614161626142616361436164614461656145", Write((ref CborWriter w) =>
        {
            w.WriteStartMap(5);
            foreach (string key in new[] { "a", "b", "c", "d", "e" })
            {
                w.WriteTextString(key);
                w.WriteTextString(key.ToUpperInvariant());
            }

            w.WriteEndMap();
        }));

        var reader = new CborReader(Convert.FromHexString("a26161016162820203"));
        Assert.Equal(2, reader.ReadStartMap());
        Assert.Equal("a", reader.ReadTextString());
        Assert.Equal(1UL, reader.ReadUInt64());
        Assert.Equal("b"u8.ToArray(), reader.ReadTextStringUtf8().ToArray());
        reader.SkipValue();
        Assert.Equal(CborReaderState.EndMap, reader.PeekState());
        reader.ReadEndMap();
        Assert.Equal(CborReaderState.Finished, reader.PeekState());

        CborReader.Validate(Convert.FromHexString("a56161614161626142616361436164614461656145"));
        CborReader.Validate(Convert.FromHexString("826161a161626163"));
        CborReader.Validate(Convert.FromHexString("a201020304"));
    }

    [Theory]
    [InlineData("f90000", 0.0)]
    [InlineData("f93c00", 1.0)]
    [InlineData("f93e00", 1.5)]
    [InlineData("f9c400", -4.0)]
    [InlineData("f97bff", 65504.0)]
    [InlineData("f90001", 5.960464477539063e-8)]
    [InlineData("f90400", 0.00006103515625)]
    [InlineData("fa47c35000", 100000.0)]
    [InlineData("fa7f7fffff", 3.4028234663852886e+38)]
    [InlineData("fb3ff199999999999a", 1.1)]
    [InlineData("fbc010666666666666", -4.1)]
    [InlineData("f97c00", double.PositiveInfinity)]
    [InlineData("f9fc00", double.NegativeInfinity)]
    public void Floats_when_allowed(string hex, double value)
    {
        var reader = new CborReader(Convert.FromHexString(hex), new CborReaderOptions { AllowFloats = true });
        Assert.Equal(CborReaderState.Float, reader.PeekState());
        Assert.Equal(value, reader.ReadDouble());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
    }

    [Fact]
    public void Tags_when_allowed()
    {
        // 1(1363896240) and 32("http://www.example.com")
        var reader = new CborReader(Convert.FromHexString("c11a514b67b0"), new CborReaderOptions { AllowTags = true });
        Assert.Equal(CborReaderState.Tag, reader.PeekState());
        Assert.Equal(1UL, reader.ReadTag());
        Assert.Equal(1363896240UL, reader.ReadUInt64());
        Assert.Equal(CborReaderState.Finished, reader.PeekState());
        byte[] uri = Convert.FromHexString("d82076687474703a2f2f7777772e6578616d706c652e636f6d");
        CborReader.Validate(uri, new CborReaderOptions { AllowTags = true });
        var skipper = new CborReader(uri, new CborReaderOptions { AllowTags = true });
        skipper.SkipValue();
        Assert.Equal(uri.Length, skipper.BytesRead);
        Assert.Equal(CborReaderState.Finished, skipper.PeekState());
        Assert.Equal(CborError.UnexpectedEndOfInput, Assert.Throws<CborException>(() => CborReader.Validate(uri.AsSpan(0, 2).ToArray(), new CborReaderOptions { AllowTags = true })).Error);
    }

    internal delegate void WriteAction(ref CborWriter writer);

    private static string Write(WriteAction action)
    {
        byte[] buffer = new byte[64];
        var writer = new CborWriter(buffer);
        action(ref writer);
        Assert.True(writer.IsComplete);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }
}
