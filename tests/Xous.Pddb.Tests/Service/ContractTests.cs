using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xous.Pddb.Api;

namespace Xous.Pddb.Tests.Service;

/// <summary>The wire layout, the status mapping and the counters.</summary>
public class ContractTests
{
    [Fact]
    public void StructSizesAndOffsetsMatchTheStatedConstants()
    {
        Assert.Equal(KeyPath.Size, Unsafe.SizeOf<KeyPath>());
        Assert.Equal(KeyPath.BasisOffset, (int)Marshal.OffsetOf<KeyPath>(nameof(KeyPath.Basis)));
        Assert.Equal(KeyPath.DictionaryOffset, (int)Marshal.OffsetOf<KeyPath>(nameof(KeyPath.Dictionary)));
        Assert.Equal(KeyPath.KeyOffset, (int)Marshal.OffsetOf<KeyPath>(nameof(KeyPath.Key)));
        Assert.Equal(KeyPath.BasisLengthOffset, (int)Marshal.OffsetOf<KeyPath>(nameof(KeyPath.BasisLength)));
        Assert.Equal(288, Unsafe.SizeOf<PathQuery>());
        Assert.Equal(KeyChunk.Size, Unsafe.SizeOf<KeyChunk>());
        Assert.Equal(KeyChunk.DataOffset, (int)Marshal.OffsetOf<KeyChunk>(nameof(KeyChunk.Data)));
        Assert.Equal(NameList.Size, Unsafe.SizeOf<NameList>());
        Assert.Equal(NameList.NamesOffset, (int)Marshal.OffsetOf<NameList>(nameof(NameList.Names)));
        Assert.Equal(BulkRead.Size, Unsafe.SizeOf<BulkRead>());
        Assert.Equal(BulkRead.EntriesOffset, (int)Marshal.OffsetOf<BulkRead>(nameof(BulkRead.Entries)));
        Assert.Equal(IPddb.MaxMessageBytes, 24 + BulkRead.Size);
        Assert.Equal(BulkDelete.Size, Unsafe.SizeOf<BulkDelete>());
        Assert.Equal(BulkDelete.NamesOffset, (int)Marshal.OffsetOf<BulkDelete>(nameof(BulkDelete.Names)));
        Assert.Equal(600, Unsafe.SizeOf<PddbStats>());
        Assert.Equal(88, (int)Marshal.OffsetOf<PddbStats>(nameof(PddbStats.Opcodes)));
        Assert.Equal(8, Unsafe.SizeOf<CheckResult>());
    }

    [Fact]
    public void EveryEngineStatusHasTheSameNameAndValueOnTheWire()
    {
        foreach (PddbStatus status in Enum.GetValues<PddbStatus>())
        {
            Assert.True(Enum.TryParse(status.ToString(), out PddbServiceStatus wire), status.ToString());
            Assert.Equal((uint)status, (uint)wire);
        }
    }

    [Fact]
    public void OpcodesFollowXousWhereTheMeaningMatches()
    {
        Assert.Equal(0u, PddbOpcodes.IsMounted);
        Assert.Equal(1u, PddbOpcodes.TryMount);
        Assert.Equal(2u, PddbOpcodes.ListBasis);
        Assert.Equal(3u, PddbOpcodes.LatestBasis);
        Assert.Equal(4u, PddbOpcodes.CreateBasis);
        Assert.Equal(5u, PddbOpcodes.OpenBasis);
        Assert.Equal(6u, PddbOpcodes.CloseBasis);
        Assert.Equal(7u, PddbOpcodes.DeleteBasis);
        Assert.Equal(8u, PddbOpcodes.DeleteKey);
        Assert.Equal(9u, PddbOpcodes.DeleteDict);
        Assert.Equal(11u, PddbOpcodes.KeyCountInDict);
        Assert.Equal(13u, PddbOpcodes.DictCountInBasis);
        Assert.Equal(16u, PddbOpcodes.ReadKey);
        Assert.Equal(17u, PddbOpcodes.WriteKey);
        Assert.Equal(18u, PddbOpcodes.Sync);
        Assert.Equal(42u, PddbOpcodes.Churn);
        Assert.Equal(45u, PddbOpcodes.ListKeys);
        Assert.Equal(52u, PddbOpcodes.DictBulkRead);
        Assert.Equal(55u, PddbOpcodes.DictBulkDelete);
    }

    [Fact]
    public void StatsCountRequestsAndFailuresPerOpcode()
    {
        using ServiceHarness harness = ServiceHarness.Mounted();
        PddbClient client = harness.Client;
        Assert.Equal(PddbServiceStatus.Ok, Req.Write(client, "d", "k", "v"u8));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("v", Req.Text(client, "d", "k"));
        }

        var missing = new KeyChunk { Path = Req.Path("d", "absent"), Length = 1 };
        Assert.Equal(PddbServiceStatus.NotFound, client.ReadKey(ref missing));
        Assert.Equal(PddbServiceStatus.Ok, client.Sync());

        var stats = default(PddbStats);
        Assert.Equal(PddbServiceStatus.Ok, client.Stats(ref stats));
        Assert.Equal(1u, stats.Mounted);
        Assert.Equal(1u, stats.OpenBases);
        Assert.True(stats.Syncs >= 1);
        Assert.True(stats.DataPagesWritten >= 1);
        Assert.Equal(24u, stats.OpcodeCount);
        Assert.True(Row(ref stats, PddbOpcodes.ReadKey, out uint requests, out uint errors, out uint failures));
        Assert.Equal(4u, requests);
        Assert.Equal(0u, errors);
        Assert.Equal(1u, failures);
        Assert.True(Row(ref stats, PddbOpcodes.WriteKey, out requests, out _, out failures));
        Assert.Equal(1u, requests);
        Assert.Equal(0u, failures);
        Assert.True(Row(ref stats, PddbOpcodes.TryMount, out requests, out _, out _));
        Assert.Equal(1u, requests);
        Assert.True(Row(ref stats, PddbOpcodes.Stats, out requests, out _, out _));
        Assert.Equal(1u, requests);
    }

    /// <summary>The row of <paramref name="opcode"/> in the stats tables.</summary>
    internal static bool Row(ref PddbStats stats, uint opcode, out uint requests, out uint errors, out uint failures)
    {
        Span<uint> opcodes = PddbWire.StatsTable(ref stats, 0);
        for (int i = 0; i < (int)stats.OpcodeCount; i++)
        {
            if (opcodes[i] == opcode)
            {
                requests = PddbWire.StatsTable(ref stats, 1)[i];
                errors = PddbWire.StatsTable(ref stats, 2)[i];
                failures = PddbWire.StatsTable(ref stats, 3)[i];
                return true;
            }
        }

        requests = errors = failures = 0;
        return false;
    }
}
