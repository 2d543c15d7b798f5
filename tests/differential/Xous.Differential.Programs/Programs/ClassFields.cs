using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Instance fields of every primitive type: zero defaults, writes through aliases, fields of references.</summary>
public static class ClassFields
{
    private sealed class Bag
    {
        public bool Flag;
        public byte U8;
        public sbyte I8;
        public short I16;
        public ushort U16;
        public char Letter;
        public int I32;
        public uint U32;
        public long I64;
        public ulong U64;
        public string? Text;
        public Bag? Next;
    }

    public static int Main()
    {
        var bag = new Bag();
        Print(bag);
        bag.Flag = true;
        bag.U8 = 255;
        bag.I8 = -128;
        bag.I16 = -32768;
        bag.U16 = 65535;
        bag.Letter = 'Q';
        bag.I32 = int.MinValue;
        bag.U32 = uint.MaxValue;
        bag.I64 = long.MinValue;
        bag.U64 = ulong.MaxValue;
        bag.Text = "text";
        Print(bag);

        Bag alias = bag;
        alias.I32 = 42;
        alias.U8++;
        alias.I8--;
        Transcript.WriteLine(bag.I32);
        Transcript.WriteLine(bag.U8);
        Transcript.WriteLine(bag.I8);

        bag.Next = new Bag { I32 = 7, Text = "inner" };
        bag.Next.Next = bag;
        Transcript.WriteLine(bag.Next.Next.Next.I32);
        Transcript.WriteLine(bag.Next.Next.Next.Text);
        Transcript.WriteLine(ReferenceEquals(bag.Next.Next, bag));

        var bags = new Bag[3];
        for (int i = 0; i < bags.Length; i++)
        {
            bags[i] = new Bag { I64 = (long)i << 33, U16 = (ushort)(i * 1000) };
        }

        long sum = 0;
        foreach (Bag b in bags)
        {
            sum += b.I64 + b.U16;
        }

        Transcript.WriteLine(sum);
        return 0;
    }

    private static void Print(Bag b)
    {
        Transcript.Write(b.Flag);
        Transcript.Write(" ");
        Transcript.Write(b.U8);
        Transcript.Write(" ");
        Transcript.Write(b.I8);
        Transcript.Write(" ");
        Transcript.Write(b.I16);
        Transcript.Write(" ");
        Transcript.Write(b.U16);
        Transcript.Write(" [");
        Transcript.Write(b.Letter);
        Transcript.Write("] ");
        Transcript.Write((int)b.Letter);
        Transcript.Write(" ");
        Transcript.Write(b.I32);
        Transcript.Write(" ");
        Transcript.Write(b.U32);
        Transcript.Write(" ");
        Transcript.Write(b.I64);
        Transcript.Write(" ");
        Transcript.Write(b.U64);
        Transcript.Write(" ");
        Transcript.Write(b.Text ?? "<null>");
        Transcript.Write(" ");
        Transcript.WriteLine(b.Next == null);
    }
}
