using System.Text;
using Xous.Crypto;
using Xous.Pddb.Format;

namespace Xous.Pddb.Tests.Storage;

/// <summary>Keys, associated data and deterministic randomness shared by the storage tests.</summary>
internal static class StorageTestSupport
{
    public static readonly byte[] PageTableKey = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();
    public static readonly byte[] DataKey = Enumerable.Range(0, 32).Select(i => (byte)(0x11 * (i + 1))).ToArray();

    /// <summary>".FastSpace" ‖ PDDB_VERSION u32 LE ‖ DNA u64 LE (DNA 0x0123456789ABCDEF).</summary>
    public static byte[] FastSpaceAssociatedData()
    {
        var aad = new List<byte>(Encoding.UTF8.GetBytes(PddbLayout.FastSpaceName));
        aad.AddRange(BitConverter.GetBytes(PddbLayout.PddbVersion));
        aad.AddRange(BitConverter.GetBytes(0x0123_4567_89AB_CDEFUL));
        return aad.ToArray();
    }

    /// <summary>An insecure, deterministic PddbRandom (tests only).</summary>
    public static PddbRandom InsecureRandom(ulong seed)
        => new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(BitConverter.GetBytes(seed).Concat(new byte[24]).ToArray()));

    /// <summary>Reference MurmurHash3_x86_32 (Austin Appleby), independent of Xous.Crypto's.</summary>
    public static uint ReferenceMurmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            uint k = BitConverter.ToUInt32(data.Slice(i * 4, 4));
            k *= c1;
            k = (k << 15) | (k >> 17);
            k *= c2;
            h ^= k;
            h = (h << 13) | (h >> 19);
            h = (h * 5) + 0xe6546b64;
        }

        uint tail = 0;
        int rest = data.Length & 3;
        int at = blocks * 4;
        if (rest == 3)
            tail ^= (uint)data[at + 2] << 16;
        if (rest >= 2)
            tail ^= (uint)data[at + 1] << 8;
        if (rest >= 1)
        {
            tail ^= data[at];
            tail *= c1;
            tail = (tail << 15) | (tail >> 17);
            tail *= c2;
            h ^= tail;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
