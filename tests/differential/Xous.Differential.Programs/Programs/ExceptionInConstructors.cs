using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Exceptions from constructors, property setters and indexers: the object is never assigned, and partially set state is observable.</summary>
public static class ExceptionInConstructors
{
    private static int s_constructed;

    private sealed class Guarded
    {
        private int _value;

        public Guarded(int value)
        {
            s_constructed++;
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "negative");
            }

            _value = value;
        }

        public int Value
        {
            get => _value;
            set => _value = value <= 100 ? value : throw new ArgumentException("too big");
        }

        public int this[int i] => i == 0 ? _value : throw new IndexOutOfRangeException();
    }

    public static int Main()
    {
        Guarded? g = null;
        try
        {
            g = new Guarded(5);
            Transcript.WriteLine("first ok " + g.Value);
            g = new Guarded(-1);
            Transcript.WriteLine("unreachable");
        }
        catch (ArgumentOutOfRangeException e)
        {
            Transcript.WriteLine("ctor threw: " + e.ParamName);
        }

        Transcript.WriteLine(g!.Value + " constructed=" + s_constructed);
        try
        {
            g.Value = 50;
            g.Value = 500;
        }
        catch (ArgumentException e)
        {
            Transcript.WriteLine("setter threw: " + e.Message + " value=" + g.Value);
        }

        try
        {
            Transcript.WriteLine(g[0]);
            Transcript.WriteLine(g[1]);
        }
        catch (IndexOutOfRangeException e)
        {
            Transcript.WriteLine("indexer threw: " + e.Message);
        }

        int[] results = new int[3];
        int filled = 0;
        try
        {
            for (int i = 0; i < 5; i++)
            {
                results[i] = new Guarded(2 - i).Value;
                filled++;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            Transcript.WriteLine("filled " + filled + ": " + results[0] + " " + results[1] + " " + results[2]);
        }

        return 0;
    }
}
