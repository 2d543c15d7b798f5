using System.Text;
using Dotnet = System.Formats.Cbor;

namespace Xous.Cbor.Tests;

/// <summary>A CBOR data model value for the differential and fuzz tests, with writers and readers for both libraries.</summary>
internal abstract class CborValue
{
    public abstract void WriteTo(ref CborWriter writer);

    public abstract void WriteTo(Dotnet.CborWriter writer);

    public abstract bool SameAs(CborValue other);

    public static byte[] EncodeWithDotnet(CborValue value)
    {
        var writer = new Dotnet.CborWriter(Dotnet.CborConformanceMode.Ctap2Canonical, convertIndefiniteLengthEncodings: false);
        value.WriteTo(writer);
        return writer.Encode();
    }

    public static byte[] EncodeWithXous(CborValue value, int capacity = 1 << 16)
    {
        byte[] buffer = new byte[capacity];
        var writer = new CborWriter(buffer);
        value.WriteTo(ref writer);
        Assert.True(writer.IsComplete);
        return buffer.AsSpan(0, writer.BytesWritten).ToArray();
    }

    public static CborValue ReadWithXous(ref CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                return new UnsignedValue(reader.ReadUInt64());
            case CborReaderState.NegativeInteger:
                return new NegativeValue(reader.ReadCborNegativeIntegerRepresentation());
            case CborReaderState.ByteString:
                return new BytesValue(reader.ReadByteString().ToArray());
            case CborReaderState.TextString:
                return new TextValue(reader.ReadTextString());
            case CborReaderState.Boolean:
                return new BoolValue(reader.ReadBoolean());
            case CborReaderState.Null:
                reader.ReadNull();
                return new NullValue();
            case CborReaderState.StartArray:
                {
                    int count = reader.ReadStartArray();
                    var items = new List<CborValue>();
                    for (int i = 0; i < count; i++)
                    {
                        items.Add(ReadWithXous(ref reader));
                    }

                    reader.ReadEndArray();
                    return new ArrayValue(items);
                }
            case CborReaderState.StartMap:
                {
                    int count = reader.ReadStartMap();
                    var pairs = new List<(CborValue, CborValue)>();
                    for (int i = 0; i < count; i++)
                    {
                        CborValue key = ReadWithXous(ref reader);
                        pairs.Add((key, ReadWithXous(ref reader)));
                    }

                    reader.ReadEndMap();
                    return new MapValue(pairs);
                }
            default:
                throw new InvalidOperationException("unexpected state");
        }
    }

    public static CborValue ReadWithDotnet(Dotnet.CborReader reader)
    {
        switch (reader.PeekState())
        {
            case Dotnet.CborReaderState.UnsignedInteger:
                return new UnsignedValue(reader.ReadUInt64());
            case Dotnet.CborReaderState.NegativeInteger:
                return new NegativeValue(reader.ReadCborNegativeIntegerRepresentation());
            case Dotnet.CborReaderState.ByteString:
                return new BytesValue(reader.ReadByteString());
            case Dotnet.CborReaderState.TextString:
                return new TextValue(reader.ReadTextString());
            case Dotnet.CborReaderState.Boolean:
                return new BoolValue(reader.ReadBoolean());
            case Dotnet.CborReaderState.Null:
                reader.ReadNull();
                return new NullValue();
            case Dotnet.CborReaderState.StartArray:
                {
                    int count = reader.ReadStartArray()!.Value;
                    var items = new List<CborValue>();
                    for (int i = 0; i < count; i++)
                    {
                        items.Add(ReadWithDotnet(reader));
                    }

                    reader.ReadEndArray();
                    return new ArrayValue(items);
                }
            case Dotnet.CborReaderState.StartMap:
                {
                    int count = reader.ReadStartMap()!.Value;
                    var pairs = new List<(CborValue, CborValue)>();
                    for (int i = 0; i < count; i++)
                    {
                        CborValue key = ReadWithDotnet(reader);
                        pairs.Add((key, ReadWithDotnet(reader)));
                    }

                    reader.ReadEndMap();
                    return new MapValue(pairs);
                }
            default:
                throw new InvalidOperationException("unexpected state " + reader.PeekState());
        }
    }

    /// <summary>A random value: nested arrays and maps (keys integers or text) of integers, strings, bools and null.</summary>
    public static CborValue Random(Random random, int depth = 0)
    {
        int choice = random.Next(depth >= 4 ? 7 : 9);
        switch (choice)
        {
            case 0:
                return new UnsignedValue(RandomMagnitude(random));
            case 1:
                return new NegativeValue(RandomMagnitude(random));
            case 2:
                return new BytesValue(RandomBytes(random));
            case 3:
            case 4:
                return new TextValue(RandomText(random));
            case 5:
                return new BoolValue(random.Next(2) == 1);
            case 6:
                return new NullValue();
            case 7:
                {
                    int count = random.Next(6);
                    var items = new List<CborValue>();
                    for (int i = 0; i < count; i++)
                    {
                        items.Add(Random(random, depth + 1));
                    }

                    return new ArrayValue(items);
                }
            default:
                {
                    int count = random.Next(6);
                    var pairs = new List<(CborValue, CborValue)>();
                    var seen = new HashSet<string>();
                    for (int i = 0; i < count; i++)
                    {
                        CborValue key = random.Next(3) switch
                        {
                            0 => new UnsignedValue(RandomMagnitude(random)),
                            1 => new NegativeValue(RandomMagnitude(random)),
                            _ => new TextValue(RandomText(random)),
                        };
                        if (seen.Add(Convert.ToHexString(EncodeWithDotnet(key))))
                        {
                            pairs.Add((key, Random(random, depth + 1)));
                        }
                    }

                    return new MapValue(pairs);
                }
        }
    }

    private static ulong RandomMagnitude(Random random)
    {
        // Favour the boundaries of each head size.
        return random.Next(6) switch
        {
            0 => (ulong)random.Next(30),
            1 => (ulong)random.Next(0xF0, 0x110),
            2 => (ulong)random.Next(0xFFF0, 0x10010),
            3 => 0xFFFF_FFF0UL + (ulong)random.Next(0x20),
            4 => ulong.MaxValue - (ulong)random.Next(0x10),
            _ => (ulong)random.NextInt64() >> random.Next(64),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(4) == 0 ? random.Next(300) : random.Next(30)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        int length = random.Next(4) == 0 ? random.Next(40) : random.Next(8);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 2:
                    builder.Append((char)random.Next(0x80, 0x800));
                    break;
                case 3:
                    int bmp = random.Next(0x800, 0x10000 - 0x800);
                    builder.Append((char)(bmp >= 0xD800 ? bmp + 0x800 : bmp));
                    break;
                default:
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
            }
        }

        return builder.ToString();
    }
}

internal sealed class UnsignedValue(ulong value) : CborValue
{
    public ulong Value { get; } = value;

    public override void WriteTo(ref CborWriter writer) => writer.WriteUInt64(Value);

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteUInt64(Value);

    public override bool SameAs(CborValue other) => other is UnsignedValue o && o.Value == Value;
}

internal sealed class NegativeValue(ulong encoded) : CborValue
{
    public ulong Encoded { get; } = encoded;

    public override void WriteTo(ref CborWriter writer)
    {
        if (Encoded <= long.MaxValue)
        {
            writer.WriteInt64(-1 - (long)Encoded);
        }
        else
        {
            writer.WriteCborNegativeIntegerRepresentation(Encoded);
        }
    }

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteCborNegativeIntegerRepresentation(Encoded);

    public override bool SameAs(CborValue other) => other is NegativeValue o && o.Encoded == Encoded;
}

internal sealed class BytesValue(byte[] value) : CborValue
{
    public byte[] Value { get; } = value;

    public override void WriteTo(ref CborWriter writer) => writer.WriteByteString(Value);

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteByteString(Value);

    public override bool SameAs(CborValue other) => other is BytesValue o && o.Value.AsSpan().SequenceEqual(Value);
}

internal sealed class TextValue(string value) : CborValue
{
    public string Value { get; } = value;

    public override void WriteTo(ref CborWriter writer) => writer.WriteTextString(Value);

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteTextString(Value);

    public override bool SameAs(CborValue other) => other is TextValue o && o.Value == Value;
}

internal sealed class BoolValue(bool value) : CborValue
{
    public bool Value { get; } = value;

    public override void WriteTo(ref CborWriter writer) => writer.WriteBoolean(Value);

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteBoolean(Value);

    public override bool SameAs(CborValue other) => other is BoolValue o && o.Value == Value;
}

internal sealed class NullValue : CborValue
{
    public override void WriteTo(ref CborWriter writer) => writer.WriteNull();

    public override void WriteTo(Dotnet.CborWriter writer) => writer.WriteNull();

    public override bool SameAs(CborValue other) => other is NullValue;
}

internal sealed class ArrayValue(List<CborValue> items) : CborValue
{
    public List<CborValue> Items { get; } = items;

    public override void WriteTo(ref CborWriter writer)
    {
        writer.WriteStartArray(Items.Count);
        foreach (CborValue item in Items)
        {
            item.WriteTo(ref writer);
        }

        writer.WriteEndArray();
    }

    public override void WriteTo(Dotnet.CborWriter writer)
    {
        writer.WriteStartArray(Items.Count);
        foreach (CborValue item in Items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    public override bool SameAs(CborValue other) =>
        other is ArrayValue o && o.Items.Count == Items.Count && Items.Zip(o.Items).All(p => p.First.SameAs(p.Second));
}

/// <summary>A map whose pairs are kept in generation (random) order.</summary>
internal sealed class MapValue(List<(CborValue Key, CborValue Value)> pairs) : CborValue
{
    public List<(CborValue Key, CborValue Value)> Pairs { get; } = pairs;

    /// <summary>
    /// Xous.Cbor needs the caller to write keys in CTAP2 order: sort by (major type, encoded length, bytes) of
    /// the key's encoding. System.Formats.Cbor sorts by itself, so the two outputs agree only if this order is its.
    /// </summary>
    public override void WriteTo(ref CborWriter writer)
    {
        var sorted = Pairs
            .Select(p => (Encoding: CborValue.EncodeWithDotnet(p.Key), Pair: p))
            .OrderBy(p => p.Encoding[0] >> 5)
            .ThenBy(p => p.Encoding.Length)
            .ThenBy(p => Convert.ToHexString(p.Encoding), StringComparer.Ordinal)
            .ToList();
        writer.WriteStartMap(sorted.Count);
        foreach (var (_, pair) in sorted)
        {
            pair.Key.WriteTo(ref writer);
            pair.Value.WriteTo(ref writer);
        }

        writer.WriteEndMap();
    }

    public override void WriteTo(Dotnet.CborWriter writer)
    {
        writer.WriteStartMap(Pairs.Count);
        foreach (var (key, value) in Pairs)
        {
            key.WriteTo(writer);
            value.WriteTo(writer);
        }

        writer.WriteEndMap();
    }

    /// <summary>Same pairs regardless of order (a read-back map is in canonical order).</summary>
    public override bool SameAs(CborValue other) =>
        other is MapValue o && o.Pairs.Count == Pairs.Count &&
        Pairs.All(p => o.Pairs.Any(q => q.Key.SameAs(p.Key) && q.Value.SameAs(p.Value)));
}
