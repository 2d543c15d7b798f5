using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static field initializers run in textual order before the static constructor body; an initializer reading a later field sees its default.</summary>
public static class StaticCtorInitializerOrder
{
    private static class Config
    {
        public static readonly int First = Log("First", Second + 1);
        public static readonly int Second = Log("Second", 10);
        public static readonly string Name = LogText("Name", "cfg-" + First + "-" + Second);
        public static int Mutable = Log("Mutable", First * 100);

        static Config()
        {
            Transcript.WriteLine("Config body: First=" + First + " Second=" + Second + " Mutable=" + Mutable);
            Mutable += 1;
        }

        private static int Log(string name, int value)
        {
            Transcript.WriteLine("init " + name + " = " + value);
            return value;
        }

        private static string LogText(string name, string value)
        {
            Transcript.WriteLine("init " + name + " = " + value);
            return value;
        }
    }

    public static int Main()
    {
        Transcript.WriteLine("before");
        Transcript.WriteLine(Config.Name);
        Transcript.WriteLine(Config.Mutable);
        Transcript.WriteLine(Config.First + Config.Second);
        return 0;
    }
}
