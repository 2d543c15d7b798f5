using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Abstract classes: abstract methods and properties, a template method in the base, constructors of abstract classes.</summary>
public static class ClassAbstract
{
    private abstract class Report
    {
        private readonly string _title;

        protected Report(string title)
        {
            _title = title;
            Transcript.WriteLine("Report ctor " + title);
        }

        protected abstract int Rows { get; }

        public void Print()
        {
            Transcript.WriteLine("== " + _title + " ==");
            for (int i = 0; i < Rows; i++)
            {
                Transcript.WriteLine(Line(i));
            }

            Transcript.WriteLine(Footer());
        }

        protected abstract string Line(int row);

        protected virtual string Footer() => "(" + Rows + " rows)";
    }

    private sealed class Squares : Report
    {
        private readonly int _n;

        public Squares(int n)
            : base("squares")
        {
            _n = n;
        }

        protected override int Rows => _n;

        protected override string Line(int row) => row + "^2 = " + (row * row);
    }

    private sealed class Powers : Report
    {
        public Powers()
            : base("powers of three")
        {
        }

        protected override int Rows => 5;

        protected override string Line(int row)
        {
            long v = 1;
            for (int i = 0; i < row * 8; i++)
            {
                v *= 3;
            }

            return "3^" + (row * 8) + " = " + v;
        }

        protected override string Footer() => "done: " + base.Footer();
    }

    public static int Main()
    {
        Report[] reports = { new Squares(4), new Powers() };
        foreach (Report r in reports)
        {
            r.Print();
        }

        return 0;
    }
}
