using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// A type with an explicit static constructor (precise initialization) runs it exactly once, right before the first
/// access to a static member, in first-access order; a constructor that reads another type's field initializes that
/// type first. (beforefieldinit types may run their initializers earlier, so only side-effect-free ones are used.)
/// </summary>
public static class StaticInitialization
{
    private static class First
    {
        public static int Value;

        static First()
        {
            Transcript.WriteLine("First..cctor");
            Value = Second.Value + 1;
        }

        public static void Touch() => Transcript.WriteLine("First.Touch");
    }

    private static class Second
    {
        public static int Value;

        static Second()
        {
            Transcript.WriteLine("Second..cctor");
            Value = 41;
        }

        public static int Read() => Value;
    }

    private static class Third
    {
        public static readonly int Value = Compute();

        static Third()
        {
            Transcript.WriteLine("Third..cctor body");
        }

        private static int Compute()
        {
            Transcript.WriteLine("Third initializer");
            return 7;
        }
    }

    private static class Lazy
    {
        // beforefieldinit: no side effects, so any time before the first read is correct.
        public static readonly long Table = 1L << 40;
    }

    public static int Main()
    {
        Transcript.WriteLine("start");
        First.Touch();
        Transcript.WriteLine("after Touch");
        Transcript.WriteLine(First.Value);
        Transcript.WriteLine(Second.Read());
        Transcript.WriteLine("before Third");
        Transcript.WriteLine(Third.Value);
        Transcript.WriteLine(Third.Value);
        Transcript.WriteLine(Lazy.Table);
        return 0;
    }
}
