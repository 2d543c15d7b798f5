using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>
/// Explicit static constructors run exactly once, right before the first static method call, static field read or
/// write, or instance construction of their type; reading a const does not run them.
/// </summary>
public static class StaticCtorTriggers
{
    private static class ByMethod
    {
        static ByMethod()
        {
            Transcript.WriteLine("  ByMethod..cctor");
        }

        public static int Twice(int x) => x * 2;
    }

    private static class ByRead
    {
        public static int Value = 5;

        static ByRead()
        {
            Transcript.WriteLine("  ByRead..cctor, Value=" + Value);
            Value++;
        }
    }

    private static class ByWrite
    {
        public static int Value;

        static ByWrite()
        {
            Transcript.WriteLine("  ByWrite..cctor, Value=" + Value);
            Value = 100;
        }
    }

    private sealed class ByInstance
    {
        private static int s_made;

        static ByInstance()
        {
            Transcript.WriteLine("  ByInstance..cctor");
        }

        public ByInstance()
        {
            s_made++;
            Transcript.WriteLine("  ByInstance..ctor #" + s_made);
        }
    }

    private static class WithConst
    {
        public const int Answer = 42;

        static WithConst()
        {
            Transcript.WriteLine("  WithConst..cctor");
        }

        public static void Touch() => Transcript.WriteLine("  WithConst.Touch");
    }

    public static int Main()
    {
        Transcript.WriteLine("call method");
        Transcript.WriteLine(ByMethod.Twice(4));
        Transcript.WriteLine(ByMethod.Twice(5));
        Transcript.WriteLine("read field");
        Transcript.WriteLine(ByRead.Value);
        Transcript.WriteLine(ByRead.Value);
        Transcript.WriteLine("write field");
        ByWrite.Value = 7;
        Transcript.WriteLine(ByWrite.Value);
        Transcript.WriteLine("construct");
        _ = new ByInstance();
        _ = new ByInstance();
        Transcript.WriteLine("const");
        Transcript.WriteLine(WithConst.Answer);
        Transcript.WriteLine("touch");
        WithConst.Touch();
        return 0;
    }
}
