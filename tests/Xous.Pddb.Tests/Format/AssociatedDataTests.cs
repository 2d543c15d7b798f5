using Xous.Pddb.Format;
using static Xous.Pddb.Tests.Format.FormatOracle;

namespace Xous.Pddb.Tests.Format;

/// <summary>Associated data (§5.6): name ‖ PDDB_VERSION u32 LE ‖ DNA u64 LE.</summary>
public class AssociatedDataTests
{
    [Fact]
    public void System_basis_associated_data_is_name_version_dna()
    {
        byte[] destination = new byte[AssociatedData.MaxLength];
        int length = AssociatedData.Write(".System"u8, 0x0123_4567_89AB_CDEF, destination);
        byte[] expected = [.. ".System"u8, 0x01, 0x02, 0x00, 0x00, 0xEF, 0xCD, 0xAB, 0x89, 0x67, 0x45, 0x23, 0x01];
        Assert.Equal(expected.Length, length);
        Assert.Equal(expected, destination[..length]);
        Assert.All(destination[length..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Random_names_match_an_independent_concatenation()
    {
        var random = new Random(6);
        for (int i = 0; i < 300; i++)
        {
            byte[] name = Bytes(random, random.Next(64));
            ulong dna = (ulong)random.NextInt64();
            byte[] destination = new byte[name.Length + 12];
            Assert.Equal(name.Length + 12, AssociatedData.Write(name, dna, destination));
            Assert.Equal(Concat(name, U32(0x0201), U64(dna)), destination);
        }
    }

    [Fact]
    public void Limits()
    {
        Assert.Equal(75, AssociatedData.MaxLength);
        Assert.Equal(75, AssociatedData.Write(new byte[63], 1, new byte[75]));
        Assert.Throws<ArgumentException>(() => AssociatedData.Write(new byte[64], 1, new byte[80]));
        Assert.Throws<ArgumentException>(() => AssociatedData.Write(new byte[10], 1, new byte[21]));
    }
}
