namespace Xous.Cbor.Tests;

/// <summary>Each rule of the strict reader and of the writer, one test each, asserting the error code and offset.</summary>
public class RejectionTests
{
    private static CborException Reject(string hex, CborReaderOptions options = default)
    {
        byte[] data = Convert.FromHexString(hex);
        return Assert.Throws<CborException>(() => CborReader.Validate(data, options));
    }

    private static void AssertRejected(string hex, CborError error, int offset, CborReaderOptions options = default)
    {
        CborException e = Reject(hex, options);
        Assert.Equal(error, e.Error);
        Assert.Equal(offset, e.Offset);
    }

    [Theory]
    [InlineData("5f4101ff", 0)]
    [InlineData("7f6161ff", 0)]
    [InlineData("9f01ff", 0)]
    [InlineData("bf0102ff", 0)]
    [InlineData("8201ff", 2)]
    public void Indefinite_lengths_and_break(string hex, int offset) =>
        AssertRejected(hex, CborError.IndefiniteLength, offset);

    [Theory]
    [InlineData("1817", 0)]
    [InlineData("190017", 0)]
    [InlineData("1900ff", 0)]
    [InlineData("1a0000ffff", 0)]
    [InlineData("1b00000000ffffffff", 0)]
    [InlineData("3817", 0)]
    [InlineData("580101", 0)]
    [InlineData("780161", 0)]
    [InlineData("980101", 0)]
    [InlineData("b9000101020", 0)]
    [InlineData("f810", 0)]
    public void Non_shortest_integers_and_lengths(string hex, int offset)
    {
        if (hex.Length % 2 == 1)
        {
            hex += "0";
        }

        AssertRejected(hex, CborError.NonShortestEncoding, offset);
    }

    [Fact]
    public void Duplicate_keys() => AssertRejected("a201000100", CborError.DuplicateKey, 3);

    [Theory]
    [InlineData("a202000100", 3)]
    [InlineData("a2616100010", 4)]
    [InlineData("a21903e800181800", 5)]
    [InlineData("a2200000000", 3)]
    [InlineData("a2616200616100", 4)]
    public void Keys_out_of_canonical_order(string hex, int offset)
    {
        if (hex.Length % 2 == 1)
        {
            hex += "0";
        }

        AssertRejected(hex, CborError.KeyOutOfOrder, offset);
    }

    [Theory]
    [InlineData("62c328")]
    [InlineData("62c080")]
    [InlineData("63eda080")]
    [InlineData("64f4908080")]
    [InlineData("61c3")]
    [InlineData("61ff")]
    [InlineData("63e08080")]
    public void Invalid_utf8(string hex) => AssertRejected(hex, CborError.InvalidUtf8, 0);

    [Fact]
    public void Tags_unless_allowed()
    {
        AssertRejected("c11a514b67b0", CborError.TagNotAllowed, 0);
        CborReader.Validate(Convert.FromHexString("c11a514b67b0"), new CborReaderOptions { AllowTags = true });
    }

    [Theory]
    [InlineData("f93c00")]
    [InlineData("fa47c35000")]
    [InlineData("fb3ff199999999999a")]
    public void Floats_unless_allowed(string hex)
    {
        AssertRejected(hex, CborError.FloatNotAllowed, 0);
        CborReader.Validate(Convert.FromHexString(hex), new CborReaderOptions { AllowFloats = true });
    }

    [Fact]
    public void Nesting_deeper_than_the_limit()
    {
        string sixteen = string.Concat(Enumerable.Repeat("81", 16)) + "00";
        CborReader.Validate(Convert.FromHexString(sixteen));
        AssertRejected("81" + sixteen, CborError.NestingTooDeep, 16);
        AssertRejected("a101" + sixteen, CborError.NestingTooDeep, 17);
        AssertRejected("818100", CborError.NestingTooDeep, 1, new CborReaderOptions { MaxDepth = 1 });
    }

    [Theory]
    [InlineData("450102", 0)]
    [InlineData("7bffffffffffffffff61", 0)]
    [InlineData("8301", 0)]
    [InlineData("9bffffffffffffffff00", 0)]
    [InlineData("a20102", 0)]
    [InlineData("820145", 2)]
    public void Lengths_beyond_the_remaining_input(string hex, int offset) =>
        AssertRejected(hex, CborError.LengthBeyondInput, offset);

    [Theory]
    [InlineData("0102", 1)]
    [InlineData("8000", 1)]
    [InlineData("f6f6", 1)]
    public void Trailing_bytes(string hex, int offset) => AssertRejected(hex, CborError.TrailingBytes, offset);

    [Theory]
    [InlineData("", 0)]
    [InlineData("19", 0)]
    [InlineData("1901", 0)]
    [InlineData("820119", 2)]
    public void Truncated_input(string hex, int offset) => AssertRejected(hex, CborError.UnexpectedEndOfInput, offset);

    [Theory]
    [InlineData("1c")]
    [InlineData("3d")]
    [InlineData("5e")]
    [InlineData("1f")]
    [InlineData("3f")]
    [InlineData("fc")]
    public void Reserved_additional_information(string hex) => AssertRejected(hex, CborError.ReservedAdditionalInfo, 0);

    [Theory]
    [InlineData("f7")]
    [InlineData("e0")]
    [InlineData("f3")]
    [InlineData("f820")]
    [InlineData("f8ff")]
    public void Simple_values_other_than_false_true_null(string hex) =>
        AssertRejected(hex, CborError.UnsupportedSimpleValue, 0);

    private delegate void ReadAction(ref CborReader reader);

    private delegate void WriteAction(ref CborWriter writer);

    private static CborException ReadFails(string hex, ReadAction action)
    {
        var reader = new CborReader(Convert.FromHexString(hex));
        try
        {
            action(ref reader);
        }
        catch (CborException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("expected a CborException");
    }

    private static CborException WriteFails(ref CborWriter writer, WriteAction action)
    {
        try
        {
            action(ref writer);
        }
        catch (CborException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("expected a CborException");
    }

    [Fact]
    public void Integer_overflow_and_wrong_type()
    {
        Assert.Equal(CborError.IntegerOverflow, ReadFails("1b8000000000000000", (ref CborReader r) => r.ReadInt64()).Error);
        Assert.Equal(CborError.IntegerOverflow, ReadFails("1a80000000", (ref CborReader r) => r.ReadInt32()).Error);
        Assert.Equal(CborError.IntegerOverflow, ReadFails("3a80000000", (ref CborReader r) => r.ReadInt32()).Error);
        Assert.Equal(CborError.IntegerOverflow, ReadFails("1b0000000100000000", (ref CborReader r) => r.ReadUInt32()).Error);
        Assert.Equal(CborError.UnexpectedType, ReadFails("6161", (ref CborReader r) => r.ReadUInt64()).Error);
        Assert.Equal(CborError.UnexpectedType, ReadFails("20", (ref CborReader r) => r.ReadUInt64()).Error);
        Assert.Equal(CborError.UnexpectedType, ReadFails("f4", (ref CborReader r) => r.ReadNull()).Error);
        Assert.Equal(CborError.TooFewItems, ReadFails("8101", (ref CborReader r) =>
        {
            r.ReadStartArray();
            r.ReadEndArray();
        }).Error);
        Assert.Equal(CborError.MismatchedEnd, ReadFails("80", (ref CborReader r) =>
        {
            r.ReadStartArray();
            r.ReadEndMap();
        }).Error);
        Assert.Equal(CborError.UnexpectedType, ReadFails("80", (ref CborReader r) =>
        {
            r.ReadStartArray();
            r.SkipValue();
        }).Error);
    }

    [Fact]
    public void Writer_buffer_too_small_writes_nothing()
    {
        byte[] buffer = new byte[4];
        var writer = new CborWriter(buffer);
        writer.WriteStartArray(2);
        CborException e = WriteFails(ref writer, (ref CborWriter w) => w.WriteByteString(new byte[3]));
        Assert.Equal(CborError.BufferTooSmall, e.Error);
        Assert.Equal(1, e.Offset);
        Assert.Equal(1, writer.BytesWritten);
        writer.WriteUInt64(1000);
        Assert.Equal(CborError.BufferTooSmall, WriteFails(ref writer, (ref CborWriter w) => w.WriteTextString("a")).Error);
        var empty = new CborWriter(Span<byte>.Empty);
        Assert.Equal(CborError.BufferTooSmall, WriteFails(ref empty, (ref CborWriter w) => w.WriteNull()).Error);
    }

    [Fact]
    public void Writer_rejects_keys_out_of_order_and_duplicates()
    {
        Assert.Equal(CborError.KeyOutOfOrder, WriteMapKeys(new UnsignedValue(2), new UnsignedValue(1)));
        Assert.Equal(CborError.KeyOutOfOrder, WriteMapKeys(new TextValue("a"), new UnsignedValue(1)));
        Assert.Equal(CborError.KeyOutOfOrder, WriteMapKeys(new NegativeValue(0), new UnsignedValue(1)));
        Assert.Equal(CborError.KeyOutOfOrder, WriteMapKeys(new UnsignedValue(1000), new UnsignedValue(24)));
        Assert.Equal(CborError.KeyOutOfOrder, WriteMapKeys(new TextValue("aa"), new TextValue("b")));
        Assert.Equal(CborError.DuplicateKey, WriteMapKeys(new TextValue("rp"), new TextValue("rp")));
        Assert.Equal(CborError.None, WriteMapKeys(new UnsignedValue(1000), new NegativeValue(0)));
        Assert.Equal(CborError.None, WriteMapKeys(new TextValue("b"), new TextValue("aa")));
    }

    private static CborError WriteMapKeys(CborValue first, CborValue second)
    {
        byte[] buffer = new byte[64];
        var writer = new CborWriter(buffer);
        writer.WriteStartMap(2);
        try
        {
            first.WriteTo(ref writer);
            writer.WriteNull();
            second.WriteTo(ref writer);
            writer.WriteNull();
            writer.WriteEndMap();
            return CborError.None;
        }
        catch (CborException e)
        {
            // The offending key is the second one, after the map head, the first key and its null value.
            Assert.Equal(1 + CborValue.EncodeWithDotnet(first).Length + 1, e.Offset);
            return e.Error;
        }
    }

    [Fact]
    public void Writer_rejects_unpaired_surrogates()
    {
        byte[] buffer = new byte[16];
        Assert.Equal(CborError.InvalidUtf16, Assert.Throws<CborException>(() => new CborWriter(buffer).WriteTextString("a\ud800")).Error);
        Assert.Equal(CborError.InvalidUtf16, Assert.Throws<CborException>(() => new CborWriter(buffer).WriteTextString("\udc00a")).Error);
        Assert.Equal(CborError.InvalidUtf16, Assert.Throws<CborException>(() => new CborWriter(buffer).WriteTextString("\ud800\ud800")).Error);
        Assert.Equal(CborError.InvalidUtf8, Assert.Throws<CborException>(() => new CborWriter(buffer).WriteTextStringUtf8([0xC0, 0x80])).Error);
    }

    [Fact]
    public void Writer_counts_items_and_limits_nesting()
    {
        byte[] buffer = new byte[64];
        Assert.Equal(CborError.TooManyItems, Assert.Throws<CborException>(() =>
        {
            var writer = new CborWriter(buffer);
            writer.WriteStartArray(1);
            writer.WriteNull();
            writer.WriteNull();
        }).Error);
        Assert.Equal(CborError.TooManyItems, Assert.Throws<CborException>(() =>
        {
            var writer = new CborWriter(buffer);
            writer.WriteNull();
            writer.WriteNull();
        }).Error);
        Assert.Equal(CborError.TooFewItems, Assert.Throws<CborException>(() =>
        {
            var writer = new CborWriter(buffer);
            writer.WriteStartMap(1);
            writer.WriteUInt64(1);
            writer.WriteEndMap();
        }).Error);
        Assert.Equal(CborError.MismatchedEnd, Assert.Throws<CborException>(() =>
        {
            var writer = new CborWriter(buffer);
            writer.WriteStartArray(0);
            writer.WriteEndMap();
        }).Error);
        Assert.Equal(CborError.NestingTooDeep, Assert.Throws<CborException>(() =>
        {
            var writer = new CborWriter(buffer, maxDepth: 2);
            writer.WriteStartArray(1);
            writer.WriteStartArray(1);
            writer.WriteStartArray(1);
        }).Error);
        Assert.Equal(CborError.InvalidArgument, Assert.Throws<CborException>(() => new CborWriter(buffer, maxDepth: 33)).Error);
    }
}
