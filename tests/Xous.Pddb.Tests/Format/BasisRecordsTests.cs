using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>Basis root, dictionary header and key descriptor layouts (§5.7).</summary>
public class BasisRecordsTests
{
    private static byte[] NameField(byte[] name, int max)
    {
        byte[] field = new byte[1 + max];
        field[0] = (byte)name.Length;
        name.CopyTo(field, 1);
        return field;
    }

    [Fact]
    public void Sizes()
    {
        Assert.Equal(80, BasisRoot.Size);
        Assert.Equal(127, DictionaryHeader.Size);
        Assert.Equal(127, KeyDescriptor.Size);
        Assert.Equal(PddbLayout.VirtualPageSize, 32 * KeyDescriptor.Size);
    }

    [Fact]
    public void Basis_root_layout()
    {
        var random = new Random(80);
        for (int i = 0; i < 300; i++)
        {
            var root = new BasisRoot
            {
                Version = (uint)random.Next(),
                Age = (uint)random.Next(),
                DictionaryCount = (uint)random.Next(),
                Name = System.Text.Encoding.UTF8.GetBytes(new string('b', random.Next(64))),
            };
            byte[] record = Enumerable.Repeat((byte)0xEE, 90).ToArray();
            root.Write(record);
            byte[] expected = Concat("PDDB"u8.ToArray(), U32(root.Version), U32(root.Age), U32(root.DictionaryCount), NameField(root.Name, 63));
            Assert.Equal(expected, record[..80]);
            Assert.All(record[80..], b => Assert.Equal(0xEE, b));

            Assert.True(BasisRoot.TryRead(record, out BasisRoot read));
            Assert.Equal(root.Version, read.Version);
            Assert.Equal(root.Age, read.Age);
            Assert.Equal(root.DictionaryCount, read.DictionaryCount);
            Assert.Equal(root.Name, read.Name);
        }
    }

    [Fact]
    public void Basis_root_rejections()
    {
        byte[] record = new byte[80];
        new BasisRoot { Version = 0x201, Name = [.. ".System"u8] }.Write(record);
        Assert.True(BasisRoot.TryRead(record, out _));

        byte[] badMagic = (byte[])record.Clone();
        badMagic[3] = (byte)'b';
        Assert.False(BasisRoot.TryRead(badMagic, out BasisRoot none));
        Assert.Null(none.Name);

        byte[] longName = (byte[])record.Clone();
        longName[16] = 64;
        Assert.False(BasisRoot.TryRead(longName, out _));
        longName[16] = 63;
        Assert.True(BasisRoot.TryRead(longName, out _));

        byte[] badUtf8 = (byte[])record.Clone();
        badUtf8[17] = 0xC0;
        Assert.False(BasisRoot.TryRead(badUtf8, out _));

        Assert.Throws<ArgumentException>(() => new BasisRoot { Name = new byte[64] }.Write(new byte[80]));
        Assert.Throws<ArgumentException>(() => new BasisRoot { Name = new byte[1] }.Write(new byte[79]));
        Assert.Throws<ArgumentException>(() => BasisRoot.TryRead(new byte[79], out _));
        new BasisRoot { Name = new byte[63] }.Write(new byte[80]);
    }

    [Fact]
    public void Dictionary_header_layout_and_round_trip()
    {
        var random = new Random(127);
        for (int i = 0; i < 300; i++)
        {
            var header = new DictionaryHeader
            {
                Flags = (uint)random.Next(),
                Age = (uint)random.Next(),
                KeyCount = (uint)random.Next(),
                FreeKeyIndex = (uint)random.Next(),
                Name = System.Text.Encoding.UTF8.GetBytes(new string('é', random.Next(56))),
            };
            byte[] buffer = Bytes(random, 400);
            int offset = random.Next(0, 200);
            byte[] before = (byte[])buffer.Clone();
            header.Write(buffer.AsSpan(offset));
            byte[] expected = Concat(U32(header.Flags), U32(header.Age), U32(header.KeyCount), U32(header.FreeKeyIndex), NameField(header.Name, 110));
            Assert.Equal(expected, buffer[offset..(offset + 127)]);
            Assert.Equal(before[..offset], buffer[..offset]);
            Assert.Equal(before[(offset + 127)..], buffer[(offset + 127)..]);

            Assert.True(DictionaryHeader.TryRead(buffer.AsSpan(offset), out DictionaryHeader read));
            Assert.Equal(header.Flags, read.Flags);
            Assert.Equal(header.Age, read.Age);
            Assert.Equal(header.KeyCount, read.KeyCount);
            Assert.Equal(header.FreeKeyIndex, read.FreeKeyIndex);
            Assert.Equal(header.Name, read.Name);
        }
    }

    [Fact]
    public void Dictionary_header_limits_and_validity()
    {
        byte[] record = new byte[127];
        new DictionaryHeader { Flags = DictionaryHeader.FlagValid, FreeKeyIndex = 1, Name = new byte[110] }.Write(record);
        Assert.True(DictionaryHeader.TryRead(record, out _));
        Assert.Throws<ArgumentException>(() => new DictionaryHeader { Name = new byte[111] }.Write(new byte[127]));

        record[16] = 111;
        Assert.False(DictionaryHeader.TryRead(record, out _));

        // Malformed UTF-8 matters only in a valid slot.
        record[16] = 2;
        record[17] = 0xE2;
        record[18] = 0x82;
        Assert.False(DictionaryHeader.TryRead(record, out _));
        record[0] = 0;
        Assert.True(DictionaryHeader.TryRead(record, out DictionaryHeader deleted));
        Assert.Equal(0u, deleted.Flags & DictionaryHeader.FlagValid);
        Assert.Equal(new byte[] { 0xE2, 0x82 }, deleted.Name);
    }

    [Fact]
    public void Key_descriptor_layout_and_a_full_page_of_descriptors()
    {
        var random = new Random(94);
        byte[] page = new byte[PddbLayout.VirtualPageSize];
        var written = new KeyDescriptor[32];
        for (int slot = 0; slot < 32; slot++)
        {
            written[slot] = new KeyDescriptor
            {
                Start = (ulong)random.NextInt64(),
                Length = (ulong)random.NextInt64(),
                Reserved = (ulong)random.NextInt64(),
                Flags = (uint)random.Next(4),
                Age = (uint)random.Next(),
                Name = System.Text.Encoding.UTF8.GetBytes(new string('€', random.Next(32))),
            };
            written[slot].Write(page.AsSpan(slot * 127));
        }

        for (int slot = 0; slot < 32; slot++)
        {
            KeyDescriptor d = written[slot];
            byte[] expected = Concat(U64(d.Start), U64(d.Length), U64(d.Reserved), U32(d.Flags), U32(d.Age), NameField(d.Name, 94));
            Assert.Equal(expected, page[(slot * 127)..((slot + 1) * 127)]);
            Assert.True(KeyDescriptor.TryRead(page.AsSpan(slot * 127), out KeyDescriptor read));
            Assert.Equal(d.Start, read.Start);
            Assert.Equal(d.Length, read.Length);
            Assert.Equal(d.Reserved, read.Reserved);
            Assert.Equal(d.Flags, read.Flags);
            Assert.Equal(d.Age, read.Age);
            Assert.Equal(d.Name, read.Name);
        }
    }

    [Fact]
    public void Key_descriptor_limits_and_validity()
    {
        byte[] record = new byte[127];
        new KeyDescriptor { Flags = KeyDescriptor.FlagValid | KeyDescriptor.FlagUnresolved, Name = new byte[94] }.Write(record);
        Assert.True(KeyDescriptor.TryRead(record, out KeyDescriptor read));
        Assert.Equal(3u, read.Flags);
        Assert.Throws<ArgumentException>(() => new KeyDescriptor { Name = new byte[95] }.Write(new byte[127]));
        Assert.Throws<ArgumentException>(() => KeyDescriptor.TryRead(new byte[126], out _));

        record[32] = 95;
        Assert.False(KeyDescriptor.TryRead(record, out _));

        record[32] = 1;
        record[33] = 0xFF;
        Assert.False(KeyDescriptor.TryRead(record, out _));
        record[24] = (byte)KeyDescriptor.FlagUnresolved;
        Assert.True(KeyDescriptor.TryRead(record, out _));
    }

    [Fact]
    public void A_null_name_is_written_as_empty()
    {
        byte[] record = Enumerable.Repeat((byte)0x77, 127).ToArray();
        new KeyDescriptor { Flags = 1 }.Write(record);
        Assert.All(record[32..], b => Assert.Equal(0, b));
        Assert.True(KeyDescriptor.TryRead(record, out KeyDescriptor read));
        Assert.Empty(read.Name);
    }
}
