using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>foreach over arrays of several element types, nested foreach, break/continue, and the loop variable being a copy.</summary>
public static class ArrayForeach
{
    private struct Item
    {
        public int Value;
    }

    public static int Main()
    {
        int[] ints = { 4, -1, 8, 0, 15, 16, 23, 42 };
        int sum = 0;
        foreach (int v in ints)
        {
            if (v < 0)
            {
                continue;
            }

            if (v > 20)
            {
                break;
            }

            sum += v;
        }

        Transcript.WriteLine(sum);
        Item[] items = new Item[3];
        foreach (Item it in items)
        {
            Item copy = it;
            copy.Value = 9;
        }

        Transcript.WriteLine(items[0].Value + items[1].Value + items[2].Value);
        string[] words = { "x", "yy", "zzz" };
        int chars = 0;
        foreach (string w in words)
        {
            foreach (char c in w.ToCharArray())
            {
                chars += c;
            }
        }

        Transcript.WriteLine(chars);
        ulong[] big = { ulong.MaxValue, 1, 2 };
        ulong acc = 0;
        foreach (ulong u in big)
        {
            acc += u;
        }

        Transcript.WriteLine(acc);
        int pairs = 0;
        foreach (int a in ints)
        {
            foreach (int b in ints)
            {
                if (a + b == 23)
                {
                    pairs++;
                }
            }
        }

        Transcript.WriteLine(pairs);
        int[] mutated = { 1, 2, 3 };
        foreach (int v in mutated)
        {
            mutated[2] = v * 10;
            Transcript.Write(v + " ");
        }

        Transcript.WriteLine();
        return 0;
    }
}
