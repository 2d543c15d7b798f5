using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Structs implementing interfaces: a boxed copy is mutated through the interface, a constrained generic call mutates the original.</summary>
public static class InterfaceOnStructs
{
    private interface ICounter
    {
        int Count { get; }

        void Increment();
    }

    private struct Counter : ICounter
    {
        public int Count { get; private set; }

        public void Increment() => Count++;
    }

    public static int Main()
    {
        var c = new Counter();
        c.Increment();
        Transcript.WriteLine(c.Count);

        ICounter boxed = c;
        boxed.Increment();
        boxed.Increment();
        Transcript.WriteLine(c.Count);
        Transcript.WriteLine(boxed.Count);

        IncrementGeneric(ref c);
        IncrementGeneric(ref c);
        Transcript.WriteLine(c.Count);

        IncrementCopy(c);
        Transcript.WriteLine(c.Count);

        ICounter alias = boxed;
        alias.Increment();
        Transcript.WriteLine(boxed.Count);
        var unboxed = (Counter)boxed;
        unboxed.Increment();
        Transcript.WriteLine(unboxed.Count);
        Transcript.WriteLine(boxed.Count);

        Counter[] array = new Counter[3];
        array[1].Increment();
        IncrementGeneric(ref array[2]);
        IncrementGeneric(ref array[2]);
        Transcript.WriteLine(array[0].Count + " " + array[1].Count + " " + array[2].Count);
        return 0;
    }

    private static void IncrementGeneric<T>(ref T counter)
        where T : ICounter => counter.Increment();

    private static void IncrementCopy<T>(T counter)
        where T : ICounter
    {
        counter.Increment();
        Transcript.WriteLine("copy now " + counter.Count);
    }
}
