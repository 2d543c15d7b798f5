using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>IDisposable with using statements and declarations: disposal order, disposal on exceptions and early return, null resources.</summary>
public static class InterfaceDisposable
{
    private sealed class Resource : IDisposable
    {
        private readonly string _name;
        private bool _disposed;

        public Resource(string name)
        {
            _name = name;
            Transcript.WriteLine("open " + name);
        }

        public void Use()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(_name);
            }

            Transcript.WriteLine("use " + _name);
        }

        public void Dispose()
        {
            Transcript.WriteLine((_disposed ? "again " : "dispose ") + _name);
            _disposed = true;
        }
    }

    private struct StructResource : IDisposable
    {
        public int Id;

        public readonly void Dispose() => Transcript.WriteLine("dispose struct " + Id);
    }

    public static int Main()
    {
        using (var a = new Resource("a"))
        {
            a.Use();
            using var b = new Resource("b");
            b.Use();
            using var c = new Resource("c");
        }

        Transcript.WriteLine(EarlyReturn(true));
        Transcript.WriteLine(EarlyReturn(false));
        try
        {
            using var d = new Resource("d");
            d.Use();
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            Transcript.WriteLine("caught " + e.Message);
        }

        Resource? nothing = null;
        using (nothing)
        {
            Transcript.WriteLine("null resource body");
        }

        var e2 = new Resource("e");
        e2.Dispose();
        try
        {
            e2.Use();
        }
        catch (ObjectDisposedException ex)
        {
            Transcript.WriteLine("ObjectDisposedException");
            Transcript.WriteLine(ex.Message);
        }

        e2.Dispose();
        using (var s = new StructResource { Id = 9 })
        {
            Transcript.WriteLine("struct body " + s.Id);
        }

        return 0;
    }

    private static string EarlyReturn(bool early)
    {
        using var r = new Resource(early ? "early" : "late");
        if (early)
        {
            return "returned early";
        }

        r.Use();
        return "returned late";
    }
}
