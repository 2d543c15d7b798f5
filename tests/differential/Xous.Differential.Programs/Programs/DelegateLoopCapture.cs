using System;
using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Loop-variable capture: foreach and per-iteration copies get fresh variables; a for-loop variable is shared by all closures.</summary>
public static class DelegateLoopCapture
{
    public static int Main()
    {
        var forClosures = new List<Func<int>>();
        for (int i = 0; i < 4; i++)
        {
            forClosures.Add(() => i);
        }

        var copyClosures = new List<Func<int>>();
        for (int i = 0; i < 4; i++)
        {
            int copy = i;
            copyClosures.Add(() => copy * 10);
        }

        var foreachClosures = new List<Func<string>>();
        foreach (string s in new[] { "a", "b", "c" })
        {
            foreachClosures.Add(() => s + s);
        }

        foreach (Func<int> f in forClosures)
        {
            Transcript.Write(f() + " ");
        }

        Transcript.WriteLine();
        foreach (Func<int> f in copyClosures)
        {
            Transcript.Write(f() + " ");
        }

        Transcript.WriteLine();
        foreach (Func<string> f in foreachClosures)
        {
            Transcript.Write(f() + " ");
        }

        Transcript.WriteLine();
        var actions = new Action[3];
        int shared = 0;
        for (int k = 0; k < actions.Length; k++)
        {
            int local = k;
            actions[k] = () =>
            {
                shared += local;
                local += 100;
                Transcript.Write("[" + local + "," + shared + "]");
            };
        }

        for (int round = 0; round < 2; round++)
        {
            foreach (Action a in actions)
            {
                a();
            }
        }

        Transcript.WriteLine();
        int w = 0;
        var whileClosures = new List<Func<int>>();
        while (w < 3)
        {
            int captured = w * w;
            whileClosures.Add(() => captured + w);
            w++;
        }

        foreach (Func<int> f in whileClosures)
        {
            Transcript.Write(f() + " ");
        }

        Transcript.WriteLine();
        return 0;
    }
}
