using System;
using System.Collections.Generic;
using Xous.Pddb.Api;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>Fills a <see cref="NameList"/> page from a list of names, from its start index, as many as fit.</summary>
internal static class NamePage
{
    /// <summary>Zeroes every output field and the names area (the path and start index are left alone).</summary>
    public static void Clear(ref NameList list)
    {
        list.NextIndex = 0;
        list.Total = 0;
        list.Count = 0;
        list.BytesUsed = 0;
        list.Reserved = 0;
        PddbWire.Names(ref list).Clear();
    }

    /// <summary>OutOfRange when the start index is past the end; otherwise Ok with the page filled.</summary>
    public static PddbServiceStatus Fill(ref NameList list, List<string> names)
    {
        uint start = list.StartIndex;
        if (start > (uint)names.Count)
        {
            return PddbServiceStatus.OutOfRange;
        }

        Span<byte> area = PddbWire.Names(ref list);
        int used = 0;
        uint index = start;
        while (index < (uint)names.Count)
        {
            if (!PddbNames.TryEncode(names[(int)index], 255, out byte[] utf8))
            {
                throw new InvalidOperationException("the PDDB holds a name it cannot encode");
            }

            if (!PddbWire.TryAppendName(area, ref used, utf8))
            {
                break;
            }

            index++;
        }

        list.Total = (uint)names.Count;
        list.Count = index - start;
        list.NextIndex = index;
        list.BytesUsed = (uint)used;
        return PddbServiceStatus.Ok;
    }
}
