using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static fields of a generic type are separate per instantiation (reference-type instantiations included).</summary>
public static class GenericStaticFields
{
    private static class Counter<T>
    {
        public static int Count;
        public static T? Last;

        public static void Hit(T value)
        {
            Count++;
            Last = value;
        }
    }

    private sealed class Registry<T>
    {
        private static int s_instances;

        public Registry()
        {
            s_instances++;
        }

        public static int Instances => s_instances;
    }

    public static int Main()
    {
        Counter<int>.Hit(1);
        Counter<int>.Hit(2);
        Counter<long>.Hit(3);
        Counter<string>.Hit("a");
        Counter<object>.Hit(new object());
        Counter<string>.Hit("b");
        Counter<string>.Hit("c");
        Transcript.WriteLine(Counter<int>.Count + " " + Counter<int>.Last);
        Transcript.WriteLine(Counter<long>.Count + " " + Counter<long>.Last);
        Transcript.WriteLine(Counter<string>.Count + " " + Counter<string>.Last);
        Transcript.WriteLine(Counter<object>.Count);
        Transcript.WriteLine(Counter<byte>.Count + " " + Counter<byte>.Last);
        Transcript.WriteLine(Counter<Registry<int>>.Last == null);

        for (int i = 0; i < 3; i++)
        {
            _ = new Registry<int>();
        }

        _ = new Registry<string>();
        _ = new Registry<Registry<int>>();
        _ = new Registry<Registry<int>>();
        Transcript.WriteLine(Registry<int>.Instances);
        Transcript.WriteLine(Registry<string>.Instances);
        Transcript.WriteLine(Registry<Registry<int>>.Instances);
        Transcript.WriteLine(Registry<Registry<string>>.Instances);
        Transcript.WriteLine(Via<int>() + " " + Via<string>() + " " + Via<char>());
        return 0;
    }

    private static int Via<T>() => Counter<T>.Count;
}
