using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>A generic interface with default methods and a static virtual member, implemented by classes and a struct for several T.</summary>
public static class InterfaceGenericDefault
{
    private interface ISequence<T>
    {
        int Length { get; }

        T At(int index);

        T Last() => At(Length - 1);

        bool Contains(T value, System.Func<T, T, bool> eq)
        {
            for (int i = 0; i < Length; i++)
            {
                if (eq(At(i), value))
                {
                    return true;
                }
            }

            return false;
        }

        static virtual string Kind => "sequence";
    }

    private sealed class Squares : ISequence<long>
    {
        public int Length => 6;

        public long At(int index) => (long)index * index * 1_000_000_000;

        public static string Kind => "squares";
    }

    private readonly struct Letters : ISequence<char>
    {
        public int Length => 26;

        public char At(int index) => (char)('a' + index);

        public char Last() => 'Z';
    }

    public static int Main()
    {
        Run(new Squares(), 4_000_000_000L, (a, b) => a == b);
        Run(new Letters(), 'q', (a, b) => a == b);
        ISequence<char> boxed = new Letters();
        Transcript.Write(boxed.Last());
        Transcript.WriteLine();
        return 0;
    }

    private static void Run<TSeq, T>(TSeq seq, T probe, System.Func<T, T, bool> eq)
        where TSeq : ISequence<T>
    {
        Transcript.WriteLine(TSeq.Kind);
        Transcript.WriteLine(seq.Length);
        Transcript.WriteLine(seq.Last()!.ToString());
        Transcript.WriteLine(seq.Contains(probe, eq));
        ISequence<T> asInterface = seq;
        Transcript.WriteLine(asInterface.Last()!.ToString());
    }
}
