using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Default interface methods: used when not implemented, replaced when implemented, calling other members, overridden in a derived interface.</summary>
public static class InterfaceDefaultMethods
{
    private interface ILogger
    {
        string Prefix => "[log]";

        void Raw(string text);

        void Log(string text) => Raw(Prefix + " " + text);

        void LogTwice(string text)
        {
            Log(text);
            Log(text + " again");
        }
    }

    private interface ILoudLogger : ILogger
    {
        string ILogger.Prefix => "[LOUD]";
    }

    private sealed class Plain : ILogger
    {
        public void Raw(string text) => Transcript.WriteLine("plain: " + text);
    }

    private sealed class Custom : ILogger
    {
        public string Prefix => "[custom]";

        public void Raw(string text) => Transcript.WriteLine("custom: " + text);

        public void Log(string text) => Raw("overridden " + Prefix + " " + text);
    }

    private sealed class Loud : ILoudLogger
    {
        public void Raw(string text) => Transcript.WriteLine("loud: " + text);
    }

    public static int Main()
    {
        ILogger[] loggers = { new Plain(), new Custom(), new Loud() };
        foreach (ILogger l in loggers)
        {
            l.Log("one");
            l.LogTwice("two");
            Transcript.WriteLine(l.Prefix);
        }

        var c = new Custom();
        c.Log("direct");
        return 0;
    }
}
