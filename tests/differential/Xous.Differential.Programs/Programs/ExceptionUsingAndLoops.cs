using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Exceptions inside foreach over a List (enumerator disposed), in using blocks, and in loops that continue after catching.</summary>
public static class ExceptionUsingAndLoops
{
    private sealed class Tracker : IDisposable
    {
        private readonly string _name;

        public Tracker(string name)
        {
            _name = name;
        }

        public void Dispose() => Transcript.WriteLine("disposed " + _name);
    }

    public static int Main()
    {
        var items = new List<int> { 1, 2, 0, 4, 0, 6 };
        int ok = 0;
        int failed = 0;
        foreach (int item in items)
        {
            try
            {
                using var t = new Tracker("item " + item);
                Transcript.WriteLine("100 / " + item + " = " + (100 / item));
                ok++;
            }
            catch (DivideByZeroException)
            {
                failed++;
            }
        }

        Transcript.WriteLine(ok + " ok, " + failed + " failed");
        try
        {
            using (new Tracker("outer"))
            {
                foreach (int item in items)
                {
                    using (new Tracker("inner " + item))
                    {
                        if (item == 0)
                        {
                            throw new InvalidOperationException("zero found");
                        }
                    }
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("caught " + e.Message);
        }

        return 0;
    }
}
