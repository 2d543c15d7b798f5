using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Interface re-implementation: a derived class that lists the interface again replaces the base's (non-virtual) mapping.</summary>
public static class InterfaceReimplementation
{
    private interface IShow
    {
        string Show();
    }

    private class Base : IShow
    {
        public string Show() => "Base.Show";
    }

    private sealed class NotReimplementing : Base
    {
        public new string Show() => "NotReimplementing.Show";
    }

    private sealed class Reimplementing : Base, IShow
    {
        public new string Show() => "Reimplementing.Show";
    }

    private class ExplicitBase : IShow
    {
        string IShow.Show() => "ExplicitBase.IShow.Show";
    }

    private sealed class ExplicitDerived : ExplicitBase, IShow
    {
        string IShow.Show() => "ExplicitDerived.IShow.Show";
    }

    public static int Main()
    {
        IShow[] items = { new Base(), new NotReimplementing(), new Reimplementing(), new ExplicitBase(), new ExplicitDerived() };
        foreach (IShow s in items)
        {
            Transcript.WriteLine(s.Show());
        }

        var n = new NotReimplementing();
        Transcript.WriteLine(n.Show());
        Transcript.WriteLine(((Base)n).Show());
        return 0;
    }
}
