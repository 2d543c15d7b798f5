using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A generic type's static constructor runs once per instantiation, on first use of that instantiation, with its own fields.</summary>
public static class StaticCtorGenerics
{
    private static int s_initialized;

    private static class Cache<T>
    {
        public static readonly T?[] Items;
        public static readonly int Order;
        public static int Hits;

        static Cache()
        {
            Order = ++s_initialized;
            Transcript.WriteLine("Cache..cctor #" + Order + " default=[" + default(T) + "]");
            Items = new T?[Order];
        }
    }

    private sealed class Holder<T>
    {
        private static readonly int s_id;

        static Holder()
        {
            s_id = ++s_initialized * 1000;
            Transcript.WriteLine("Holder..cctor id=" + s_id);
        }

        public int Id => s_id;
    }

    public static int Main()
    {
        Transcript.WriteLine("start");
        Cache<int>.Hits++;
        Cache<string>.Hits += 5;
        Cache<int>.Hits++;
        Cache<string>.Items[0] = "x";
        Cache<bool>.Hits--;
        Transcript.WriteLine(Cache<int>.Hits + " " + Cache<string>.Hits + " " + Cache<bool>.Hits + " " + Cache<string>.Items[0]);
        Transcript.WriteLine(Cache<int>.Order + " " + Cache<string>.Order + " " + Cache<bool>.Order);
        Transcript.WriteLine(Cache<int>.Items.Length + " " + Cache<string>.Items.Length + " " + Cache<bool>.Items.Length);
        Transcript.WriteLine("holders");
        var a = new Holder<int>();
        var b = new Holder<long>();
        var c = new Holder<int>();
        var d = new Holder<Holder<int>>();
        Transcript.WriteLine(a.Id + " " + b.Id + " " + c.Id + " " + d.Id);
        Transcript.WriteLine(Cache<long>.Items.Length);
        return 0;
    }
}
