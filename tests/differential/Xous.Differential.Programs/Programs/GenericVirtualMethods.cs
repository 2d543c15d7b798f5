using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic virtual methods and generic methods on interfaces, overridden in derived classes and called for several type arguments.</summary>
public static class GenericVirtualMethods
{
    private interface IVisitor
    {
        string Visit<T>(T item);
    }

    private class Formatter
    {
        public virtual string Format<T>(T value) => "base:" + value;
    }

    private sealed class Bracketing : Formatter
    {
        public override string Format<T>(T value) => "[" + base.Format(value) + "]";
    }

    private sealed class Counting : IVisitor
    {
        public int Visits;

        public string Visit<T>(T item)
        {
            Visits++;
            return Visits + ":" + item;
        }
    }

    private sealed class Echo : IVisitor
    {
        public string Visit<T>(T item) => "echo " + item + " " + item;
    }

    public static int Main()
    {
        Formatter[] formatters = { new Formatter(), new Bracketing() };
        foreach (Formatter f in formatters)
        {
            Transcript.WriteLine(f.Format(1));
            Transcript.WriteLine(f.Format("two"));
            Transcript.WriteLine(f.Format(3L << 33));
            Transcript.WriteLine(f.Format('4'));
        }

        var counting = new Counting();
        IVisitor[] visitors = { counting, new Echo() };
        foreach (IVisitor v in visitors)
        {
            Transcript.WriteLine(v.Visit(10));
            Transcript.WriteLine(v.Visit("eleven"));
            Transcript.WriteLine(v.Visit(true));
            Transcript.WriteLine(v.Visit<byte>(13));
        }

        Transcript.WriteLine(counting.Visits);
        return 0;
    }
}
