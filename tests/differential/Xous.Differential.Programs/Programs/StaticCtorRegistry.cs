using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static constructors that register themselves in a shared registry: the registration order follows first use, not declaration order.</summary>
public static class StaticCtorRegistry
{
    private static class Registry
    {
        public static readonly List<string> Names = new();

        static Registry()
        {
            Transcript.WriteLine("Registry..cctor");
        }

        public static int Register(string name)
        {
            Names.Add(name);
            Transcript.WriteLine("registered " + name + " as #" + Names.Count);
            return Names.Count;
        }
    }

    private static class Alpha
    {
        public static readonly int Id;

        static Alpha()
        {
            Id = Registry.Register("alpha");
        }
    }

    private static class Beta
    {
        public static readonly int Id;

        static Beta()
        {
            Id = Registry.Register("beta");
        }
    }

    private static class Gamma
    {
        public static readonly int Id;

        static Gamma()
        {
            Id = Registry.Register("gamma:" + Alpha.Id);
        }
    }

    public static int Main()
    {
        Transcript.WriteLine("main");
        Transcript.WriteLine(Gamma.Id);
        Transcript.WriteLine(Beta.Id);
        Transcript.WriteLine(Alpha.Id);
        Transcript.WriteLine(string.Join(",", Registry.Names.ToArray()));
        return 0;
    }
}
