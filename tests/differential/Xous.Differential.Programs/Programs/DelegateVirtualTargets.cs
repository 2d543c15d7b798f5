using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Delegates bound to virtual methods dispatch on the target's run-time type at creation; base.Method groups bind non-virtually.</summary>
public static class DelegateVirtualTargets
{
    private class Speaker
    {
        public virtual string Speak(string word) => "speaker says " + word;

        public Func<string, string> BaseSpeak() => Speak;
    }

    private class Loud : Speaker
    {
        public override string Speak(string word) => "LOUD " + word;

        public Func<string, string> NonVirtualBase() => base.Speak;
    }

    private sealed class Whisper : Loud
    {
        public override string Speak(string word) => "whisper " + word;
    }

    public static int Main()
    {
        Speaker[] speakers = { new Speaker(), new Loud(), new Whisper() };
        foreach (Speaker s in speakers)
        {
            Func<string, string> d = s.Speak;
            Transcript.WriteLine(d("hi"));
            Transcript.WriteLine(s.BaseSpeak()("there"));
        }

        var whisper = new Whisper();
        Transcript.WriteLine(whisper.NonVirtualBase()("base"));
        Func<string, string> viaLoud = ((Loud)whisper).Speak;
        Transcript.WriteLine(viaLoud("cast"));
        Func<object, string?> toStr = ObjToString;
        Transcript.WriteLine(toStr(42) + " " + toStr("s") + " " + toStr(new Loud()));
        return 0;
    }

    private static string? ObjToString(object o) => o.ToString();
}
