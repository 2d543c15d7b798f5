using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Value semantics of large structs (with 64-bit fields and references): assignment copies, passing by value/ref/out/in, returning, arrays.</summary>
public static class StructValueSemantics
{
    private struct Record
    {
        public long Id;
        public int Count;
        public byte Kind;
        public string? Name;
        public long Checksum;
        public short Small;

        public readonly override string ToString() => Id + "/" + Count + "/" + Kind + "/" + (Name ?? "-") + "/" + Checksum + "/" + Small;
    }

    public static int Main()
    {
        var r = new Record { Id = 1L << 40, Count = 3, Kind = 7, Name = "first", Checksum = -1, Small = -2 };
        Record copy = r;
        copy.Count = 99;
        copy.Name = "copy";
        Transcript.WriteLine(r.ToString());
        Transcript.WriteLine(copy.ToString());
        ByValue(r);
        Transcript.WriteLine(r.ToString());
        ByRef(ref r);
        Transcript.WriteLine(r.ToString());
        Make(out Record made);
        Transcript.WriteLine(made.ToString());
        Transcript.WriteLine(ByIn(in made));
        Record returned = Modify(made);
        Transcript.WriteLine(returned.ToString() + " vs " + made.ToString());
        var arr = new Record[2];
        arr[0] = r;
        arr[0].Count = -5;
        Transcript.WriteLine(arr[0].Count + " " + r.Count);
        Record swapA = r;
        Record swapB = made;
        (swapA, swapB) = (swapB, swapA);
        Transcript.WriteLine(swapA.Name + " " + swapB.Name);
        return 0;
    }

    private static void ByValue(Record x)
    {
        x.Count = 1000;
        x.Name = "changed";
    }

    private static void ByRef(ref Record x)
    {
        x.Count += 1;
        x.Checksum = x.Id ^ x.Count;
    }

    private static void Make(out Record x) => x = new Record { Id = -1, Kind = 255, Name = "made" };

    private static long ByIn(in Record x) => x.Id + x.Kind;

    private static Record Modify(Record x)
    {
        x.Small = short.MaxValue;
        return x;
    }
}
