using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Two types whose static constructors read each other's fields: the type entered second sees the first one's fields
/// still at their pre-constructor values; the order depends on which type is touched first.
/// </summary>
public static class StaticCtorCycle
{
    private static class Ping
    {
        public static int Value;
        public static int SeenPong;

        static Ping()
        {
            Transcript.WriteLine("Ping..cctor start");
            Value = 1;
            SeenPong = Pong.Value;
            Value = 2;
            Transcript.WriteLine("Ping..cctor end, saw Pong.Value=" + SeenPong);
        }
    }

    private static class Pong
    {
        public static int Value;
        public static int SeenPing;

        static Pong()
        {
            Transcript.WriteLine("Pong..cctor start");
            SeenPing = Ping.Value;
            Value = 10 + SeenPing;
            Transcript.WriteLine("Pong..cctor end, saw Ping.Value=" + SeenPing);
        }
    }

    private static class Left
    {
        public static readonly string Name = "left(" + Right.Name + ")";

        static Left()
        {
            Transcript.WriteLine("Left..cctor: " + Name);
        }
    }

    private static class Right
    {
        public static readonly string Name = "right(" + (Left.Name ?? "null") + ")";

        static Right()
        {
            Transcript.WriteLine("Right..cctor: " + Name);
        }
    }

    public static int Main()
    {
        Transcript.WriteLine("touch Ping");
        Transcript.WriteLine(Ping.Value + " " + Ping.SeenPong + " " + Pong.Value + " " + Pong.SeenPing);
        Transcript.WriteLine("touch Right");
        Transcript.WriteLine(Right.Name);
        Transcript.WriteLine(Left.Name);
        return 0;
    }
}
