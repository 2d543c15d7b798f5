using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static fields shared by all instances next to per-instance fields; static and instance methods calling each other.</summary>
public static class ClassStaticMembers
{
    private sealed class Ticket
    {
        private static int s_next = 100;
        private static Ticket? s_last;
        private readonly int _number;

        public Ticket()
        {
            _number = s_next++;
            Previous = s_last;
            s_last = this;
        }

        public Ticket? Previous { get; }

        public static int Issued => s_next - 100;

        public static Ticket? Last => s_last;

        public int Number => _number;

        public static void Reset(int start) => s_next = start;

        public int Chain()
        {
            int total = 0;
            for (Ticket? t = this; t != null; t = t.Previous)
            {
                total = (total * 31) + t._number;
            }

            return total;
        }
    }

    public static int Main()
    {
        Transcript.WriteLine(Ticket.Issued);
        Transcript.WriteLine(Ticket.Last == null);
        var first = new Ticket();
        var second = new Ticket();
        Transcript.WriteLine(first.Number);
        Transcript.WriteLine(second.Number);
        Transcript.WriteLine(Ticket.Issued);
        Ticket.Reset(500);
        var third = new Ticket();
        Transcript.WriteLine(third.Number);
        Transcript.WriteLine(third.Previous!.Number);
        Transcript.WriteLine(Ticket.Last!.Number);
        Transcript.WriteLine(third.Chain());
        for (int i = 0; i < 5; i++)
        {
            _ = new Ticket();
        }

        Transcript.WriteLine(Ticket.Issued);
        Transcript.WriteLine(Ticket.Last!.Chain());
        return 0;
    }
}
